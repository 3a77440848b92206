namespace Jobbtorg.Features.Cases;

/// <summary>A case's attendance at a group info meeting: the waiting time from referral is measured to the first
/// one attended.</summary>
public class InfoMeetingOutcome
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly Date { get; set; }
    public bool Attended { get; set; }
}
