namespace Jobbtorg.Features.FollowUp;

public enum OccupationStatus { Working, Studying, Neither }

/// <summary>Whether a person received financial assistance in a calendar month, as the district reports it.</summary>
public class BenefitMonth
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public bool ReceivesBenefit { get; set; }
}

/// <summary>What a person was doing on a date, from a follow-up call or a register.</summary>
public class OccupationObservation
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public DateOnly Date { get; set; }
    public OccupationStatus Status { get; set; }
}
