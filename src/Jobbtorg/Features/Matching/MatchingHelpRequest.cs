namespace Jobbtorg.Features.Matching;

public enum HelpRequestStatus { Open, Taken, Done }

/// <summary>A coach asking the centre's matchers for help with a case: finding an employer, an internship, a job. A matcher
/// takes it (it is theirs then) and marks it done; it is done by itself when a proposal is made for the case.</summary>
public class MatchingHelpRequest
{
    public const int NoteMaxLength = 1000;

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public HelpRequestStatus Status { get; private set; }
    /// <summary>What the coach asks for, in their words: shown to the matchers, never logged.</summary>
    public string Note { get; private set; } = "";
    public string AskedBy { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public string? TakenBy { get; private set; }
    public string? TakenById { get; private set; }
    public DateTimeOffset? TakenAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    public static MatchingHelpRequest Ask(int caseId, string note, string by, DateTimeOffset now) =>
        new() { CaseId = caseId, Status = HelpRequestStatus.Open, Note = note.Trim(), AskedBy = by, AskedAt = now };

    public void Take(string by, string? byId, DateTimeOffset now)
    {
        if (Status == HelpRequestStatus.Done) throw new Shared.RuleBrokenException("The request is already done.");
        Status = HelpRequestStatus.Taken;
        TakenBy = by;
        TakenById = byId;
        TakenAt = now;
    }

    public void Finish(DateTimeOffset now)
    {
        if (Status == HelpRequestStatus.Done) return;
        Status = HelpRequestStatus.Done;
        DoneAt = now;
    }
}
