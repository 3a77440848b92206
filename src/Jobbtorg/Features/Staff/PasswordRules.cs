using System.Text;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Staff;

public enum PasswordProblem { TooShort, TooLong, Common, ContainsEmail, ContainsName }

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

/// <summary>The most common passwords of twelve characters or more (see Passwords/README.md), folded as
/// <see cref="PasswordRules.Fold"/> does. Read once, on first use.</summary>
public sealed class CommonPasswords
{
    public const string ResourceName = "Jobbtorg.Features.Staff.Passwords.common-passwords.txt";

    private readonly Lazy<HashSet<string>> list = new(Load);

    public int Count => list.Value.Count;

    /// <summary>Whether the folded password is on the list.</summary>
    public bool Contains(string folded) => list.Value.Contains(folded);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(PasswordRules.Fold(line));
        return set;
    }
}

/// <summary>Every password set through Identity passes here: a new user's, a reset, a user's own change and the first
/// administrator's. It replaces Identity's own validator, whose composition rules NIST advises against.</summary>
public sealed class StaffPasswordValidator(CommonPasswords common, IOptions<IdentityOptions> options) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var minLength = Math.Max(PasswordRules.MinLength, options.Value.Password.RequiredLength);
        var problems = PasswordRules.Check(password, user.Email, user.DisplayName, common.Contains, minLength);
        if (problems.Count == 0) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(problems.Select(p => (IdentityError)new PasswordRefusal("Password" + p, Describe(p, minLength))).ToArray()));
    }

    public static Message Describe(PasswordProblem problem, int minLength = PasswordRules.MinLength) => problem switch
    {
        PasswordProblem.TooShort => new Message("The password must be at least {0} characters long.", minLength),
        PasswordProblem.TooLong => new Message("The password may be at most {0} characters long.", PasswordRules.MaxLength),
        PasswordProblem.Common => new Message("The password is one of the most common passwords. Choose another."),
        PasswordProblem.ContainsEmail => new Message("The password must not contain the account's e-mail address or a part of it."),
        PasswordProblem.ContainsName => new Message("The password must not contain the account's name or a part of it."),
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };
}

/// <summary>A password rule's refusal as Identity passes it on: the description is the English text, and the page that
/// shows it translates <see cref="Message"/>.</summary>
public sealed class PasswordRefusal : IdentityError
{
    public PasswordRefusal(string code, Message message)
    {
        Code = code;
        Description = message.ToString();
        Message = message;
    }

    public Message Message { get; }
}
