namespace Jobbtorg.Identity;

public enum OrganisationNumberError { Missing, Format, Checksum, NotAnOrganisation }

/// <summary>A Swedish organisation number (employers, providers), stored as 10 digits.</summary>
public readonly record struct OrganisationNumber
{
    private OrganisationNumber(string value) => Value = value;

    public string Value { get; }

    public string Formatted => $"{Value[..6]}-{Value[6..]}";

    public override string ToString() => Value;

    public static string Describe(OrganisationNumberError error) => error switch
    {
        OrganisationNumberError.Missing => "An organisation number is required.",
        OrganisationNumberError.Format => "Write the organisation number as NNNNNN-NNNN (10 digits).",
        OrganisationNumberError.Checksum => "The check digit of the organisation number is wrong; please check for typing errors.",
        OrganisationNumberError.NotAnOrganisation => "This is a personal identity number, not an organisation number.",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    /// <summary>Accepts NNNNNNNNNN or NNNNNN-NNNN, optionally prefixed with 16 (the century digits used in 12-digit registers).</summary>
    public static bool TryParse(string? input, out OrganisationNumber number, out OrganisationNumberError error)
    {
        number = default;
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            error = OrganisationNumberError.Missing;
            return false;
        }
        if (s.Length is 12 or 13 && s.StartsWith("16", StringComparison.Ordinal)) s = s[2..];
        if (s.Length == 11 && s[6] == '-') s = s[..6] + s[7..];
        if (s.Length != 10 || !s.All(char.IsAsciiDigit))
        {
            error = OrganisationNumberError.Format;
            return false;
        }
        if (!Luhn.IsValid(s))
        {
            error = OrganisationNumberError.Checksum;
            return false;
        }
        // The "month" of an organisation number is 20 or more; below that it is a personal identity number.
        if (s[2] < '2')
        {
            error = OrganisationNumberError.NotAnOrganisation;
            return false;
        }
        number = new OrganisationNumber(s);
        error = default;
        return true;
    }
}
