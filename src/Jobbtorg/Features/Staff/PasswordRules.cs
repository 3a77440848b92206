using System.Text;

namespace Jobbtorg.Features.Staff;

/// <summary>
/// Passwords as NIST SP 800-63B asks: long enough, no composition rules (any character, spaces included), and not
/// one that attackers try first: a common password, or the account's own e-mail address or name.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    /// <summary>Parts of a name or an address shorter than this are not looked for: "Eva" or "Ali" would refuse far too
    /// many good passwords.</summary>
    public const int MinPartLength = 5;

    public static IReadOnlyList<PasswordProblem> Check(string? password, string? email, string? name, Func<string, bool> isCommon,
        int minLength = MinLength)
    {
        password ??= "";
        var problems = new List<PasswordProblem>();
        // Characters as a person counts them (code points), not UTF-16 units.
        var length = password.EnumerateRunes().Count();
        if (length < minLength) problems.Add(PasswordProblem.TooShort);
        if (length > MaxLength) problems.Add(PasswordProblem.TooLong);
        var folded = Fold(password);
        if (folded.Length > 0 && isCommon(folded)) problems.Add(PasswordProblem.Common);
        if (EmailParts(email).Any(folded.Contains)) problems.Add(PasswordProblem.ContainsEmail);
        if (NameParts(name).Any(folded.Contains)) problems.Add(PasswordProblem.ContainsName);
        return problems;
    }

    /// <summary>The form passwords are compared in: compatibility-normalised and lower case, so that "PASSWORD" and a
    /// full-width "ｐａｓｓｗｏｒｄ" are the same word.</summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static IEnumerable<string> EmailParts(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) yield break;
        var address = Fold(email.Trim());
        yield return address;
        var local = address.Split('@')[0];
        if (local.Length >= MinPartLength) yield return local;
        foreach (var part in Words(local)) yield return part;
    }

    private static IEnumerable<string> NameParts(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) yield break;
        var folded = Fold(name.Trim());
        var joined = new string(folded.Where(char.IsLetterOrDigit).ToArray());
        if (joined.Length >= MinPartLength) yield return joined;
        foreach (var part in Words(folded)) yield return part;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= MinPartLength);
}
