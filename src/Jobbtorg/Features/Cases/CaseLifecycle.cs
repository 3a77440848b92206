using Jobbtorg.Calendar;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>
/// Where a case stands in its life, and the one place that decides what may happen next (domain.md "Settled
/// readings"): dates never go backwards along a case's life; no pause before enrolment, while paused or before the
/// previous pause ended; no resume unless paused; one enrolment and one closure, the closure on or after every other
/// event; nothing after the closure. The <see cref="Case"/> entity and the import both ask it. Each transition returns
/// the next state or the rule it would break. Whether a date lies in the future is left to the caller: a coach acts
/// on today, an import on the day it runs. The state is a small value: the import holds one per case.
/// </summary>
public readonly record struct CaseLifecycle
{
    public CaseStatus Status { get; init; }
    public DateOnly ReferralDate { get; init; }
    public DateOnly? Enrolment { get; init; }
    public DateOnly? FirstPlan { get; init; }
    public DateOnly? LastPlan { get; init; }
    public DateOnly? OpenPauseStart { get; init; }
    /// <summary>The day the first pause began: pauses follow one another, so no other began earlier.</summary>
    public DateOnly? FirstPause { get; init; }
    public DateOnly? LastResume { get; init; }
    /// <summary>The day of the case's first signed assessment of any instrument (A1 of the indicator).</summary>
    public DateOnly? FirstAssessment { get; init; }
    /// <summary>The latest date of any event so far: a closure may not come before it.</summary>
    public DateOnly Latest { get; init; }
    public DateOnly? Closure { get; init; }
    public ClosureReason? ClosureReason { get; init; }
    public ClosureSubReason? ClosureSubReason { get; init; }

    public bool IsClosed => Status == CaseStatus.Closed;

    /// <summary>Refused for every change to a closed case, here and on the entity.</summary>
    public static readonly BrokenRule ClosedCase = new BrokenRule("The case is closed and can no longer be changed.");

    public static CaseLifecycle Referred(DateOnly referralDate) =>
        new() { Status = CaseStatus.Referred, ReferralDate = referralDate, Latest = referralDate };

    /// <summary>No date before the system's earliest (see <see cref="Dates"/>).</summary>
    public static BrokenRule? Accepts(DateOnly date) =>
        date < Dates.Min ? new BrokenRule("The date {0} is before {1}, the earliest date the system accepts.", date, Dates.Min) : null;

    public LifecycleStep Enrol(DateOnly date)
    {
        if (IsClosed) return ClosedCase;
        if (Enrolment is not null) return new BrokenRule("The case is already enrolled.");
        if (Accepts(date) is { } early) return early;
        if (date < ReferralDate) return new BrokenRule("The enrolment date cannot be before the referral date {0}.", ReferralDate);
        return this with { Status = CaseStatus.Enrolled, Enrolment = date, Latest = Later(date) };
    }

    /// <summary>An info meeting the person was booked on, attended or not: never before the referral.</summary>
    public LifecycleStep InfoMeeting(DateOnly date)
    {
        if (IsClosed) return ClosedCase;
        if (Accepts(date) is { } early) return early;
        if (date < ReferralDate) return new BrokenRule("The info meeting cannot be before the referral date {0}.", ReferralDate);
        return this with { Latest = Later(date) };
    }

    public LifecycleStep AgreePlan(DateOnly date)
    {
        if (IsClosed) return ClosedCase;
        if (Enrolment is not { } enrolled) return new BrokenRule("The case must be enrolled before a plan is written.");
        if (Accepts(date) is { } early) return early;
        if (date < enrolled) return new BrokenRule("The plan cannot be agreed before the enrolment date {0}.", enrolled);
        if (date < LastPlan) return new BrokenRule("The agreement date cannot be before the previous version's ({0}).", LastPlan);
        return this with { FirstPlan = FirstPlan ?? date, LastPlan = date, Latest = Later(date) };
    }

    public LifecycleStep Pause(DateOnly date)
    {
        if (IsClosed) return ClosedCase;
        if (Enrolment is not { } enrolled) return new BrokenRule("Only an enrolled case can be paused.");
        if (OpenPauseStart is not null) return new BrokenRule("The case is already paused.");
        if (Accepts(date) is { } early) return early;
        if (date < enrolled) return new BrokenRule("The pause cannot start before the enrolment date {0}.", enrolled);
        if (date < LastResume) return new BrokenRule("The pause cannot start before the previous pause ended.");
        return this with { Status = CaseStatus.Paused, OpenPauseStart = date, FirstPause = FirstPause ?? date, Latest = Later(date) };
    }

    public LifecycleStep Resume(DateOnly date)
    {
        if (IsClosed) return ClosedCase;
        if (OpenPauseStart is not { } paused) return new BrokenRule("The case is not paused.");
        if (Accepts(date) is { } early) return early;
        if (date < paused) return new BrokenRule("The case cannot resume before it was paused ({0}).", paused);
        return this with { Status = CaseStatus.Enrolled, OpenPauseStart = null, LastResume = date, Latest = Later(date) };
    }

    /// <summary>Attendance or a placement (dated by its start): only on an enrolled case, never before its enrolment.</summary>
    public LifecycleStep Record(DateOnly date)
    {
        if (IsClosed) return ClosedCase;
        if (Enrolment is not { } enrolled) return new BrokenRule("Attendance and placements are recorded on enrolled cases only.");
        if (Accepts(date) is { } early) return early;
        if (date < enrolled) return new BrokenRule("The date cannot be before the enrolment date {0}.", enrolled);
        return this with { Latest = Later(date) };
    }

    /// <summary>
    /// Whether an assessment may be dated <paramref name="date"/>: between the referral and the closure, both included; it
    /// needs no enrolment (domain.md, the case-event format). A closed case still takes an assessment dated on or before its
    /// closure (a draft signed after the case closed, a district's assessment sent later). The assessment entity and the
    /// import both ask here.
    /// </summary>
    public BrokenRule? AssessmentDay(DateOnly date)
    {
        if (Accepts(date) is { } early) return early;
        if (date < ReferralDate) return new BrokenRule("The assessment cannot be dated before the referral ({0}).", ReferralDate);
        if (Closure is { } closed && date > closed) return new BrokenRule("The assessment cannot be dated after the closure ({0}).", closed);
        return null;
    }

    /// <summary>A signed assessment dated <paramref name="date"/>: the closure may not come before it, and the earliest is A1.</summary>
    public LifecycleStep Assess(DateOnly date)
    {
        if (AssessmentDay(date) is { } broken) return broken;
        return this with { FirstAssessment = FirstAssessment <= date ? FirstAssessment : date, Latest = Later(date) };
    }

    /// <summary>Closes the case, on or after every other event; a pause still open ends on the closure date.</summary>
    public LifecycleStep Close(DateOnly date, ClosureReason reason, ClosureSubReason? subReason)
    {
        if (IsClosed) return ClosedCase;
        if (Accepts(date) is { } early) return early;
        if (date < Latest) return new BrokenRule("The closure date cannot be before {0}.", Latest);
        return this with
        {
            Status = CaseStatus.Closed,
            OpenPauseStart = null,
            LastResume = OpenPauseStart is null ? LastResume : date,
            Closure = date,
            ClosureReason = reason,
            ClosureSubReason = subReason,
            Latest = date,
        };
    }

    private DateOnly Later(DateOnly date) => date > Latest ? date : Latest;
}

/// <summary>The outcome of a transition: the next state, or the rule it would break.</summary>
public readonly struct LifecycleStep
{
    private LifecycleStep(CaseLifecycle state, BrokenRule? broken)
    {
        State = state;
        Broken = broken;
    }

    /// <summary>The next state; meaningless when <see cref="Broken"/> is set.</summary>
    public CaseLifecycle State { get; }
    public BrokenRule? Broken { get; }

    /// <summary>The next state, or the broken rule thrown as a <see cref="RuleBrokenException"/>.</summary>
    public CaseLifecycle OrThrow() => Broken is { } broken ? throw broken.ToException() : State;

    public static implicit operator LifecycleStep(CaseLifecycle state) => new(state, null);
    public static implicit operator LifecycleStep(BrokenRule broken) => new(default, broken);
}
