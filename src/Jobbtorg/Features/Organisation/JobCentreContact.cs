using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Organisation;

/// <summary>What a participant needs to find and reach a job centre: its visiting address, phone number and directions.
/// Each is optional (a letter leaves out what is not given); all problems are reported at once, by field.</summary>
public sealed record JobCentreContact(string? Address, string? Phone, string? Directions)
{
    public static JobCentreContact Of(JobCentre centre) => new(centre.Address, centre.Phone, centre.Directions);

    /// <summary>The values as they are stored: trimmed, an empty one as none.</summary>
    public JobCentreContact Tidied() => new(Tidy(Address), Tidy(Phone), Tidy(Directions));

    public IEnumerable<BrokenRule> Rules()
    {
        var c = Tidied();
        if (c.Address is { Length: > JobCentre.AddressMaxLength })
            yield return BrokenRule.OnField(nameof(Address), "The address may be at most {0} characters.", JobCentre.AddressMaxLength);
        if (c.Address is { } address && address.Contains('\n'))
            yield return BrokenRule.OnField(nameof(Address), "Write the address on one line, e.g. Rosenlundsgatan 52, 118 63 Stockholm.");
        if (c.Phone is { } phone && (phone.Length > JobCentre.PhoneMaxLength || !IsPhoneNumber(phone)))
            yield return BrokenRule.OnField(nameof(Phone), "Write the phone number with digits, e.g. 08-508 00 000.");
        if (c.Directions is { Length: > JobCentre.DirectionsMaxLength })
            yield return BrokenRule.OnField(nameof(Directions), "The directions may be at most {0} characters.", JobCentre.DirectionsMaxLength);
    }

    public void ApplyTo(JobCentre centre)
    {
        var c = Tidied();
        centre.Address = c.Address;
        centre.Phone = c.Phone;
        centre.Directions = c.Directions;
    }

    /// <summary>Digits with the usual separators (space, hyphen, brackets) and an optional leading +, at least six digits.</summary>
    private static bool IsPhoneNumber(string phone) =>
        phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '(' or ')' || ch == '+' && phone.IndexOf('+') == 0 && phone.LastIndexOf('+') == 0)
        && phone.Count(char.IsAsciiDigit) >= 6;

    private static string? Tidy(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");
}
