using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Plans;

/// <summary>
/// How much a plan fills a week: the hours a week of its activities in progress on <see cref="On"/> — today, or the day
/// its first activity starts when none has started yet. Activities that follow each other are not added up; those that
/// run side by side are.
/// </summary>
/// <remarks>
/// A plan is <see cref="IsThin"/> under <see cref="ThinBelowHours"/> hours a week, whatever an assessment found: a plan
/// for a person only partly available is listed too, for the coach to hold it against the assessment. A paused case
/// (sickness, parental leave) is the exception and is never called thin. One visit a week then shows as the thin plan
/// it is.
/// </remarks>
public sealed record PlanIntensity(DateOnly On, decimal HoursPerWeek)
{
    public const decimal ThinBelowHours = 10m;

    public bool IsThin => HoursPerWeek < ThinBelowHours;

    public static PlanIntensity Of(PlanVersion plan, DateOnly today)
    {
        var on = today;
        if (plan.Activities.Count > 0 && plan.Activities.All(a => a.StartDate > today)) on = plan.Activities.Min(a => a.StartDate);
        var hours = plan.Activities.Where(a => a.StartDate <= on && (a.EndDate is null || a.EndDate >= on)).Sum(a => a.HoursPerWeek);
        return new PlanIntensity(on, hours);
    }

    /// <summary>The intensity of the case's agreed plan, when the case is worked now and its plan has activities (an
    /// imported plan may carry none); null otherwise.</summary>
    public static PlanIntensity? OfCase(Case c, DateOnly today) =>
        c.Status == CaseStatus.Enrolled && c.LatestAgreedPlan is { Activities.Count: > 0 } plan ? Of(plan, today) : null;

    /// <summary>Whether the case is worked now on a thin agreed plan.</summary>
    public static bool IsThinPlan(Case c, DateOnly today) => OfCase(c, today)?.IsThin == true;
}

/// <summary>What the plan's hours need to be shown: the version and its case.</summary>
public sealed record PlanHoursView(PlanVersion Plan, Case Case);
