using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Plans;

public enum PlanStatus { Draft, Agreed }

/// <summary>One version of a case's job plan. A draft is edited until the participant agrees; an agreed
/// version is never changed again — a review starts a new version.</summary>
public class PlanVersion
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int Number { get; set; }
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;
    public string? GoalSsykCode { get; set; }
    public string? GoalTitle { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateOnly? AgreedOn { get; private set; }
    public string? AgreementRecordedBy { get; private set; }
    public List<PlannedActivity> Activities { get; private set; } = [];

    public void SetGoal(Occupation goal, string? summary)
    {
        EnsureDraft();
        GoalSsykCode = goal.Code;
        GoalTitle = goal.Name;
        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
    }

    public void AddActivity(PlannedActivity activity)
    {
        EnsureDraft();
        if (activity.EndDate is { } end && end < activity.StartDate)
            throw new RuleBrokenException("The activity cannot end before it starts.");
        if (activity.HoursPerWeek is < 0.5m or > 40)
            throw new RuleBrokenException("Hours a week must be between 0.5 and 40.");
        Activities.Add(activity);
    }

    public void RemoveActivity(int activityId)
    {
        EnsureDraft();
        Activities.RemoveAll(a => a.Id == activityId);
    }

    internal void Agree(DateOnly agreedOn, string recordedBy)
    {
        EnsureDraft();
        if (GoalSsykCode is null) throw new RuleBrokenException("Choose the plan's goal occupation before it is agreed.");
        if (Activities.Count == 0) throw new RuleBrokenException("Add at least one activity before the plan is agreed.");
        Status = PlanStatus.Agreed;
        AgreedOn = agreedOn;
        AgreementRecordedBy = recordedBy;
    }

    private void EnsureDraft()
    {
        if (Status != PlanStatus.Draft) throw new RuleBrokenException("An agreed plan cannot be changed; start a review instead.");
    }
}

public class PlannedActivity
{
    public int Id { get; set; }
    public int PlanVersionId { get; set; }
    public int ActivityTypeId { get; set; }
    public ActivityType ActivityType { get; set; } = null!;
    public int? ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal HoursPerWeek { get; set; }
    public string? Note { get; set; }

    public PlannedActivity Copy() => new()
    {
        ActivityTypeId = ActivityTypeId,
        ProviderId = ProviderId,
        StartDate = StartDate,
        EndDate = EndDate,
        HoursPerWeek = HoursPerWeek,
        Note = Note,
    };
}
