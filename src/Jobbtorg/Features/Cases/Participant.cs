namespace Jobbtorg.Features.Cases;

/// <summary>The person being helped (aspirant). One row per personal identity number.</summary>
public class Participant
{
    public int Id { get; set; }
    /// <summary>12 digits, validated by <see cref="Identity.PersonalNumber"/>.</summary>
    public required string PersonalNumber { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public Gender Gender { get; set; }
    public bool ProtectedIdentity { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
        ? MaskedPersonalNumber
        : $"{FirstName} {LastName}".Trim();

    /// <summary>Birth date only, for lists and headings where the full number is not needed.</summary>
    public string MaskedPersonalNumber => $"{PersonalNumber[..8]}-XXXX";
    public string FormattedPersonalNumber => $"{PersonalNumber[..8]}-{PersonalNumber[8..]}";
}
