using Jobbtorg.Calendar;

namespace Jobbtorg.Features.Cases;

/// <summary>What a coach does next on a case, in the order the start page groups them: write the first plan (the job
/// guarantee), review the plan, the paused cases, and the cases with nothing due.</summary>
public enum WorkGroup { WritePlan, ReviewPlan, Paused, NothingDue }

/// <summary>A case on a coach's list: its group, the date the next step is due by and how many working days are left
/// (negative: how many it is late; 0: due today). Cases with nothing due have no date.</summary>
public sealed record WorkItem(Case Case, CaseNeeds Needs, WorkGroup Group, DateOnly? Due, int? WorkingDaysLeft)
{
    public bool IsLate => WorkingDaysLeft < 0;
}

/// <summary>The cases of one group, most urgent first.</summary>
public sealed record WorkGroupItems(WorkGroup Group, IReadOnlyList<WorkItem> Items);

/// <summary>
/// A coach's open cases grouped by what to do next (<see cref="WorkGroup"/>) and, within a group, by urgency: the most
/// working days late first, then what is due soonest. A paused case waits for its resumption whatever else it has due
/// (its plan clock stands still); a case enrolled in the last days whose plan is agreed needs nothing now.
/// </summary>
public static class WorkList
{
    public static IReadOnlyList<WorkGroupItems> Of(IEnumerable<Case> cases, DateOnly today) =>
        cases.Select(c => ItemOf(c, today))
            .GroupBy(i => i.Group)
            .OrderBy(g => g.Key)
            .Select(g => new WorkGroupItems(g.Key, g.OrderBy(i => i.Due ?? DateOnly.MaxValue)
                .ThenBy(i => i.Case.Participant?.DisplayName, StringComparer.CurrentCulture).ThenBy(i => i.Case.Id).ToList()))
            .ToList();

    public static WorkItem ItemOf(Case c, DateOnly today)
    {
        var needs = c.NeedsOn(today);
        if (needs.Has(Need.Paused)) return new WorkItem(c, needs, WorkGroup.Paused, null, null);
        if (needs.Has(Need.PlanOverdue) || needs.Has(Need.PlanDueToday) || needs.Has(Need.PlanDue))
            return new WorkItem(c, needs, WorkGroup.WritePlan, needs.DueDate, WorkingDaysLeft(needs.DueDate!.Value, today));
        if ((needs.Has(Need.ReviewOverdue) || needs.Has(Need.ReviewDue)) && c.PlanReviewDue is { } review)
            return new WorkItem(c, needs, WorkGroup.ReviewPlan, review, WorkingDaysLeft(review, today));
        return new WorkItem(c, needs, WorkGroup.NothingDue, null, null);
    }

    /// <summary>Working days from <paramref name="today"/> to <paramref name="due"/>: 0 on the day, negative once it has
    /// passed. A date before or after today is at least one day away, even when a weekend lies between.</summary>
    public static int WorkingDaysLeft(DateOnly due, DateOnly today) =>
        due == today ? 0
        : due > today ? Math.Max(1, WorkingDays.CountWorkingDays(today, due))
        : -Math.Max(1, WorkingDays.CountWorkingDays(due, today));
}

/// <summary>Working days left or late, in words, with the badge class that marks it: "2 working days late" (bad), "Due
/// today" (warn), "3 working days left".</summary>
public static class WorkingDaysLabel
{
    public static (string Text, string? Class) Of(int left, Shared.Texts t)
    {
        if (left < 0) return (t.Count(-left, "{0} working days late"), "badge bad");
        if (left == 0) return (t["Due today"], "badge warn");
        return (t.Count(left, "{0} working days left"), null);
    }
}
