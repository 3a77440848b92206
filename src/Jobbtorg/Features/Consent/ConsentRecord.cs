namespace Jobbtorg.Features.Consent;

/// <summary>Where a change of consent was recorded: with the district's referral, by staff on the case page, or by a
/// system through the API. (The import of another system's cases carries no consent.)</summary>
public enum ConsentSource { Referral, Staff, Api }

/// <summary>
/// One change of the person's consent to information exchange between the district and the job centre: given or
/// withdrawn on <see cref="Date"/>, the day the person gave or withdrew it. Never edited or removed while the case is
/// kept: the case's history is these rows, and <see cref="Cases.Case.ConsentGiven"/> is always the latest one's.
/// </summary>
public class ConsentRecord
{
    public const int MaxRecordedByLength = 200;

    public long Id { get; set; }
    public int CaseId { get; set; }
    public bool Given { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The name of the user or API key that recorded it.</summary>
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public ConsentSource Source { get; set; }
}
