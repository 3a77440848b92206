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
    /// <summary>The Tax Agency's marking of protected personal data (<i>skyddade personuppgifter</i>). While set, only
    /// those <see cref="Access.AccessRules.SeesProtectedIdentity"/> names see the name, number and contact details.</summary>
    public bool ProtectedIdentity { get; private set; }
    /// <summary>When the current marking was set or removed; null when never changed here.</summary>
    public DateTimeOffset? ProtectedIdentityChangedAt { get; private set; }
    /// <summary>Who set or removed the current marking (a user's name, an API key's name, or the import).</summary>
    public string? ProtectedIdentityChangedBy { get; private set; }

    /// <summary>Marks or unmarks the person; returns whether anything changed. Keeps who and when.</summary>
    public bool MarkProtectedIdentity(bool isProtected, string by, DateTimeOffset at)
    {
        if (ProtectedIdentity == isProtected) return false;
        ProtectedIdentity = isProtected;
        ProtectedIdentityChangedAt = at;
        ProtectedIdentityChangedBy = by;
        return true;
    }
    /// <summary>The day the retention round erased the person (Retention/RetentionRound.cs): names, contact details and
    /// the personal number are gone, <see cref="PersonalNumber"/> holds a pseudonym that is no personal number, and only
    /// the facts the indicator report counts remain.</summary>
    public DateOnly? ErasedOn { get; set; }

    /// <summary>What pages show for an erased person instead of a name or a number.</summary>
    public static string ErasedText => Shared.Texts.IsSwedish ? "Gallrad" : "Erased";

    public string DisplayName => ErasedOn is not null ? ErasedText
        : string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
        ? MaskedPersonalNumber
        : $"{FirstName} {LastName}".Trim();

    /// <summary>Birth date only, for lists and headings where the full number is not needed.</summary>
    public string MaskedPersonalNumber => ErasedOn is not null ? ErasedText : $"{PersonalNumber[..8]}-XXXX";
    public string FormattedPersonalNumber => ErasedOn is not null ? ErasedText : $"{PersonalNumber[..8]}-{PersonalNumber[8..]}";
    /// <summary>The birth date's digits (YYYYMMDD) for lists; the erased have none.</summary>
    public string BirthDigits => ErasedOn is not null ? ErasedText : PersonalNumber[..8];
}
