using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;

namespace Jobbtorg.Features.Attendance;

/// <summary>
/// Which days a participant must attend: a working day on which the case is enrolled, neither paused nor closed, and
/// the agreed plan in force that day holds an active activity whose type requires daily attendance. Pure: works on a
/// case loaded with its agreed plans, their activities and activity types.
/// </summary>
public static class RequiredDays
{
    /// <summary>The agreed plan in force on the date: the latest version agreed on or before it.</summary>
    public static PlanVersion? PlanOn(Case c, DateOnly date) =>
        c.Plans.Where(p => p.Status == PlanStatus.Agreed && p.AgreedOn <= date).MaxBy(p => p.Number);

    /// <summary>Enrolled by then, not yet closed (the closure day itself is not a day of work), and not paused.</summary>
    public static bool CaseActiveOn(Case c, DateOnly date) =>
        c.EnrolmentDate is { } enrolled && enrolled <= date
        && (c.ClosureDate is not { } closed || date < closed)
        && !c.Pauses.Any(p => new PausePeriod(p.PausedOn, p.ResumedOn).Covers(date));

    /// <summary>The (date, activity) pairs that need a registration in [from, to]; one per activity type and day.</summary>
    public static IEnumerable<(DateOnly Date, PlannedActivity Activity)> For(Case c, DateOnly from, DateOnly to,
        Func<PlannedActivity, bool>? include = null)
    {
        // Nothing is required before enrolment or the first agreed plan, nor from the closure on.
        if (c.EnrolmentDate is not { } enrolled || c.Plans.Where(p => p.Status == PlanStatus.Agreed).Min(p => p.AgreedOn) is not { } firstPlan)
            yield break;
        var start = new[] { from, enrolled, firstPlan }.Max();
        var end = c.ClosureDate is { } closed && closed <= to ? Dates.PlusDays(closed, -1) : to;
        foreach (var day in WorkingDays.Between(start, end))
        {
            if (!WorkingDays.IsWorkingDay(day) || !CaseActiveOn(c, day)) continue;
            if (PlanOn(c, day) is not { } plan) continue;
            var seen = new HashSet<int>();
            foreach (var activity in plan.Activities.OrderBy(a => a.Id))
            {
                if (!IsActiveOn(activity, day) || !activity.ActivityType.RequiresDailyAttendance) continue;
                if (include is not null && !include(activity)) continue;
                if (seen.Add(activity.ActivityTypeId)) yield return (day, activity);
            }
        }
    }

    public static bool IsActiveOn(PlannedActivity activity, DateOnly date) =>
        activity.StartDate <= date && (activity.EndDate is not { } end || end >= date);
}
