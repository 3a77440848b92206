using Jobbtorg.Calendar;

namespace Jobbtorg.Features.Cases;

/// <summary>
/// The job guarantee as domain.md defines it, in one place for the case page, the API and the indicator report:
/// D = Deadline(E, 5) with paused working days left out; met if the first plan P1 ≤ D; excluded if closed on or before
/// D with no plan; pending if no plan and D ≥ asOf; otherwise missed. A pause with no resume on or before asOf stops the
/// clock: the deadline never comes, so such a case is met, excluded or pending, never missed.
/// </summary>
public static class JobGuarantee
{
    /// <summary>Working days from enrolment to the deadline for the first agreed plan.</summary>
    public const int WorkingDaysToPlan = 5;

    /// <summary>The deadline for the first agreed plan; null while an open pause stops the clock before it comes.</summary>
    public static DateOnly? Deadline(DateOnly enrolment, IEnumerable<PausePeriod> pauses) =>
        WorkingDays.Deadline(enrolment, WorkingDaysToPlan, pauses);

    /// <summary>
    /// The state seen on <paramref name="asOf"/>: whatever is dated later has not happened yet, so an enrolment,
    /// agreement, closure or pause after it is left out and a resume after it leaves its pause open.
    /// </summary>
    public static JobGuaranteeState StateOf(DateOnly? enrolment, DateOnly? firstPlan, IEnumerable<PausePeriod> pauses, DateOnly? closure,
        DateOnly asOf)
    {
        if (enrolment is not { } enrolled || enrolled > asOf) return JobGuaranteeState.NotEnrolled;
        var deadline = Deadline(enrolled, SeenOn(pauses, asOf)) ?? DateOnly.MaxValue;
        var plan = firstPlan <= asOf ? firstPlan : null;
        var closed = closure <= asOf ? closure : null;
        if (plan <= deadline) return JobGuaranteeState.Met;
        if (plan is null && closed <= deadline) return JobGuaranteeState.Excluded;
        if (plan is null && deadline >= asOf) return JobGuaranteeState.Pending;
        return JobGuaranteeState.Missed;
    }

    private static IEnumerable<PausePeriod> SeenOn(IEnumerable<PausePeriod> pauses, DateOnly asOf)
    {
        foreach (var p in pauses)
            if (p.PausedOn <= asOf)
                yield return p.ResumedOn <= asOf ? p : p with { ResumedOn = null };
    }
}
