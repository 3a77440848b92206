using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Matching;

/// <summary>Where a proposal stands. Proposed, Presented and Interview are under way and hold one of the vacancy's places;
/// Hired and Internship keep it (the person got the place), NotSelected and Withdrawn give it back.</summary>
public enum ProposalStatus { Proposed, Presented, Interview, Hired, Internship, NotSelected, Withdrawn }

/// <summary>Why the employer did not take the person.</summary>
public enum NotSelectedReason { OtherCandidateChosen, RequirementsNotMet, NoShowAtInterview, ParticipantDeclined, VacancyClosed, Other }

/// <summary>
/// A matcher proposing a participant for a vacancy, and what became of it: proposed → presented to the employer →
/// interview → an outcome (hired, internship, not selected with a reason, withdrawn). Each step keeps its day. One
/// proposal per person and vacancy; a hire or an internship creates the placement on the case.
/// </summary>
public class Proposal
{
    public const int NoteMaxLength = 500;

    public int Id { get; private set; }
    public int VacancyId { get; private set; }
    public Vacancy Vacancy { get; private set; } = null!;
    public int CaseId { get; private set; }
    public ProposalStatus Status { get; private set; }
    public DateOnly ProposedOn { get; private set; }
    public DateOnly? PresentedOn { get; private set; }
    public DateOnly? InterviewOn { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }
    public NotSelectedReason? NotSelectedReason { get; private set; }
    /// <summary>Why, in the matcher's words (required when the reason is Other, and when withdrawn).</summary>
    public string? OutcomeNote { get; private set; }
    /// <summary>The placement the hire or internship created.</summary>
    public int? PlacementId { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public string? ProposedById { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }
    /// <summary>Optimistic concurrency: two people moving the same proposal cannot overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public static readonly ProposalStatus[] UnderWay = [ProposalStatus.Proposed, ProposalStatus.Presented, ProposalStatus.Interview];
    public static readonly ProposalStatus[] Placed = [ProposalStatus.Hired, ProposalStatus.Internship];

    public bool IsUnderWay => UnderWay.Contains(Status);

    /// <summary>The step a matcher takes next, for the lists: present, hold the interview, give the outcome.</summary>
    public ProposalStatus? NextStep => Status switch
    {
        ProposalStatus.Proposed => ProposalStatus.Presented,
        ProposalStatus.Presented => ProposalStatus.Interview,
        // An internship vacancy ends in an internship: a hire is only for a job (ProposalRules.CheckStep).
        ProposalStatus.Interview => Vacancy?.Kind == PlacementKind.Internship ? ProposalStatus.Internship : ProposalStatus.Hired,
        _ => null,
    };

    public static Proposal Propose(Vacancy vacancy, int caseId, DateOnly today, string by, string? byId, DateTimeOffset now) => new()
    {
        VacancyId = vacancy.Id, Vacancy = vacancy, CaseId = caseId, Status = ProposalStatus.Proposed, ProposedOn = today,
        ProposedBy = by, ProposedById = byId, ProposedAt = now,
    };

    /// <summary>Moves the proposal on. The caller has checked the step's fields (<see cref="ProposalRules.CheckStep"/>).</summary>
    public void Move(ProposalStatus to, DateOnly on, NotSelectedReason? reason, string? note, string by, DateTimeOffset now)
    {
        if (!IsUnderWay) throw new RuleBrokenException("The proposal already has its outcome.");
        if (to < Status || to == Status) throw new RuleBrokenException("The proposal has already come that far.");
        switch (to)
        {
            case ProposalStatus.Presented: PresentedOn = on; break;
            case ProposalStatus.Interview: InterviewOn = on; break;
            default:
                OutcomeOn = on;
                NotSelectedReason = to == ProposalStatus.NotSelected ? reason : null;
                OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
                break;
        }
        Status = to;
        ChangedBy = by;
        ChangedAt = now;
        Version++;
    }

    public void PlacedAs(int placementId) => PlacementId = placementId;
}
