namespace Jobbtorg.Features.Cases;

/// <summary>Something a case needs from its coach, most urgent first: the order the start page sorts by.</summary>
public enum Need { PlanOverdue, PlanDueToday, ReviewOverdue, PlanDue, ReviewDue, NewlyEnrolled, Paused }

/// <summary>
/// What needs doing on a case on a given day, and by when: the first plan (due, due today, overdue against the
/// job-guarantee deadline), the plan review (due within <see cref="ReviewWarningDays"/> days, or overdue), a case
/// enrolled in the last <see cref="NewlyEnrolledDays"/> days, a paused case. A closed case needs nothing.
/// </summary>
public sealed record CaseNeeds(IReadOnlyList<Need> Needs, DateOnly? DueDate)
{
    public const int ReviewWarningDays = 14;
    public const int NewlyEnrolledDays = 7;

    public static readonly CaseNeeds None = new([], null);

    public bool Has(Need need) => Needs.Contains(need);

    public static CaseNeeds Of(Case c, DateOnly today)
    {
        if (!c.IsOpen) return None;
        var needs = new List<Need>();
        DateOnly? due = null;
        // While a pause stops the clock there is no deadline, so no plan is due yet.
        if (c.FirstPlanAgreedOn is null && c.JobGuaranteeDeadline is { } deadline)
        {
            due = deadline;
            needs.Add(deadline < today ? Need.PlanOverdue : deadline == today ? Need.PlanDueToday : Need.PlanDue);
        }
        if (c.PlanReviewDue is { } review && review <= today.AddDays(ReviewWarningDays))
        {
            due ??= review;
            needs.Add(review < today ? Need.ReviewOverdue : Need.ReviewDue);
        }
        if (c.EnrolmentDate >= today.AddDays(-NewlyEnrolledDays)) needs.Add(Need.NewlyEnrolled);
        if (c.Status == CaseStatus.Paused) needs.Add(Need.Paused);
        return new CaseNeeds(needs, due);
    }

    /// <summary>Cases with a need first, the most urgent need first, then the earliest due date.</summary>
    public static List<T> MostUrgentFirst<T>(IEnumerable<T> items, Func<T, CaseNeeds> needsOf) =>
        items.OrderBy(i => needsOf(i).Needs.Count == 0 ? 1 : 0)
            .ThenBy(i => needsOf(i).Needs.Count == 0 ? Need.Paused : needsOf(i).Needs.Min())
            .ThenBy(i => needsOf(i).DueDate ?? DateOnly.MaxValue).ToList();
}
