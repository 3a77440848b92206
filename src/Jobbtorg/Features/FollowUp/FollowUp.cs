namespace Jobbtorg.Features.FollowUp;

public enum OccupationStatus { Working, Studying, Neither }

/// <summary>Where a follow-up fact comes from: a register (the districts' feed and the import, or a register read by
/// hand), a call with the person, or a letter from them. Register is first so that rows written before the source was
/// kept, and bulk rows that name no source, read as register facts.</summary>
public enum FollowUpSource { Register, Call, Letter }

/// <summary>Whether a person received financial assistance in a calendar month, as the district reports it or as
/// someone at the job centre found out.</summary>
public class BenefitMonth
{
    public const int MaxRecordedByLength = 200;

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public bool ReceivesBenefit { get; set; }
    public FollowUpSource Source { get; set; }
    /// <summary>The day the call was made, the letter came or the register was read; for facts entered by hand.</summary>
    public DateOnly? InformedOn { get; set; }
    /// <summary>Who entered the fact by hand, and when; null for what a register feed or the import wrote.</summary>
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
}

/// <summary>What a person was doing on a date, from a follow-up call, a letter or a register.</summary>
public class OccupationObservation
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public DateOnly Date { get; set; }
    public OccupationStatus Status { get; set; }
    public FollowUpSource Source { get; set; }
    /// <summary>Who entered the observation by hand, and when; null for what a register feed or the import wrote.</summary>
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
}
