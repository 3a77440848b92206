using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Cases;

/// <summary>
/// The order of a case's life (domain.md "Settled readings"), decided once by <see cref="CaseLifecycle"/> for the
/// entity and the import alike: each transition gives the next state or the rule it would break, with the message a
/// coach or an importer is shown.
/// </summary>
public class CaseLifecycleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CaseLifecycle Referred(string on = "2024-04-22") => CaseLifecycle.Referred(D(on));

    /// <summary>Referred 22 April, enrolled Monday 29 April 2024, built through the entity's own methods.</summary>
    private static CaseBuilder Enrolled() => new CaseBuilder().ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-04-29"));

    private static CaseLifecycle Next(LifecycleStep step)
    {
        Assert.Null(step.Broken?.Template);
        return step.State;
    }

    private static void AssertBroken(string message, LifecycleStep step) =>
        Assert.Equal(message, step.Broken is { } broken ? string.Format(CultureInfo.InvariantCulture, broken.Template, broken.Args.Select(Iso).ToArray()) : null);

    private static object Iso(object arg) => arg is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : arg;

    // ---- Referral and enrolment ----

    [Fact]
    public void Referred_case_has_its_referral_as_latest_event_and_nothing_else()
    {
        var life = Referred("2024-04-22");
        Assert.Equal(CaseStatus.Referred, life.Status);
        Assert.Equal(D("2024-04-22"), life.Latest);
        Assert.Null(life.Enrolment);
        Assert.Null(life.Closure);
    }

    [Fact]
    public void Enrolment_on_or_after_the_referral_makes_the_case_enrolled()
    {
        var life = Next(Referred("2024-04-22").Enrol(D("2024-04-22")));
        Assert.Equal(CaseStatus.Enrolled, life.Status);
        Assert.Equal(D("2024-04-22"), life.Enrolment);
    }

    [Fact]
    public void Enrolment_before_the_referral_names_the_referral_date()
    {
        AssertBroken("The enrolment date cannot be before the referral date 2024-04-22.", Referred("2024-04-22").Enrol(D("2024-04-19")));
    }

    [Fact]
    public void Second_enrolment_is_refused()
    {
        AssertBroken("The case is already enrolled.", Enrolled().Build().Lifecycle.Enrol(D("2024-05-02")));
    }

    [Fact]
    public void Date_before_the_earliest_the_system_accepts_is_refused()
    {
        AssertBroken("The date 1899-12-31 is before 1900-01-01, the earliest date the system accepts.",
            CaseLifecycle.Referred(D("1900-01-01")).Enrol(D("1899-12-31")));
    }

    [Fact]
    public void Info_meeting_before_the_referral_is_refused()
    {
        AssertBroken("The info meeting cannot be before the referral date 2024-04-22.", Referred("2024-04-22").InfoMeeting(D("2024-04-21")));
        Assert.Equal(D("2024-05-02"), Next(Referred("2024-04-22").InfoMeeting(D("2024-05-02"))).Latest);
    }

    // ---- Plans ----

    [Fact]
    public void Plan_on_a_case_not_enrolled_is_refused()
    {
        AssertBroken("The case must be enrolled before a plan is written.", Referred().AgreePlan(D("2024-04-29")));
    }

    [Fact]
    public void Plan_agreed_before_the_enrolment_names_the_enrolment_date()
    {
        AssertBroken("The plan cannot be agreed before the enrolment date 2024-04-29.", Enrolled().Build().Lifecycle.AgreePlan(D("2024-04-26")));
    }

    [Fact]
    public void Plan_agreed_before_the_previous_agreement_is_refused()
    {
        var life = Enrolled().WithPlanAgreedOn(D("2024-05-06")).Build().Lifecycle;
        AssertBroken("The agreement date cannot be before the previous version's (2024-05-06).", life.AgreePlan(D("2024-05-03")));
    }

    [Fact]
    public void Later_agreements_keep_the_first_plan_date()
    {
        var life = Next(Next(Enrolled().Build().Lifecycle.AgreePlan(D("2024-05-06"))).AgreePlan(D("2024-08-05")));
        Assert.Equal(D("2024-05-06"), life.FirstPlan);
        Assert.Equal(D("2024-08-05"), life.LastPlan);
    }

    // ---- Pause and resume ----

    [Fact]
    public void Pause_of_a_case_not_enrolled_is_refused()
    {
        AssertBroken("Only an enrolled case can be paused.", Referred().Pause(D("2024-04-29")));
    }

    [Fact]
    public void Pause_before_the_enrolment_names_the_enrolment_date()
    {
        AssertBroken("The pause cannot start before the enrolment date 2024-04-29.", Enrolled().Build().Lifecycle.Pause(D("2024-04-26")));
    }

    [Fact]
    public void Pause_while_paused_is_refused()
    {
        AssertBroken("The case is already paused.", Enrolled().PausedOn(D("2024-05-02")).Build().Lifecycle.Pause(D("2024-05-06")));
    }

    [Fact]
    public void Pause_before_the_previous_pause_ended_is_refused_and_on_its_last_day_is_allowed()
    {
        var life = Enrolled().PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-13")).Build().Lifecycle;
        AssertBroken("The pause cannot start before the previous pause ended.", life.Pause(D("2024-05-10")));
        Assert.Equal(CaseStatus.Paused, Next(life.Pause(D("2024-05-13"))).Status);
    }

    [Fact]
    public void Resume_while_not_paused_is_refused()
    {
        AssertBroken("The case is not paused.", Enrolled().Build().Lifecycle.Resume(D("2024-05-02")));
    }

    [Fact]
    public void Resume_before_the_pause_names_the_pause_date()
    {
        AssertBroken("The case cannot resume before it was paused (2024-05-02).",
            Enrolled().PausedOn(D("2024-05-02")).Build().Lifecycle.Resume(D("2024-05-01")));
    }

    [Fact]
    public void Resume_makes_the_case_enrolled_again_and_remembers_the_day()
    {
        var life = Next(Enrolled().PausedOn(D("2024-05-02")).Build().Lifecycle.Resume(D("2024-05-13")));
        Assert.Equal(CaseStatus.Enrolled, life.Status);
        Assert.Null(life.OpenPauseStart);
        Assert.Equal(D("2024-05-13"), life.LastResume);
    }

    // ---- Attendance and placements ----

    [Fact]
    public void Attendance_or_placement_on_a_case_not_enrolled_is_refused()
    {
        AssertBroken("Attendance and placements are recorded on enrolled cases only.", Referred().Record(D("2024-04-29")));
    }

    [Fact]
    public void Attendance_or_placement_before_the_enrolment_names_the_enrolment_date()
    {
        AssertBroken("The date cannot be before the enrolment date 2024-04-29.", Enrolled().Build().Lifecycle.Record(D("2024-04-26")));
    }

    [Fact]
    public void Placement_start_is_an_event_a_closure_may_not_precede()
    {
        var life = Next(Enrolled().Build().Lifecycle.Record(D("2024-06-03")));
        AssertBroken("The closure date cannot be before 2024-06-03.", life.Close(D("2024-05-31"), ClosureReason.Unknown, null));
    }

    // ---- Closure ----

    [Fact]
    public void Closure_before_the_latest_event_names_that_event_date()
    {
        var life = Enrolled().WithPlanAgreedOn(D("2024-05-06")).Build().Lifecycle;
        AssertBroken("The closure date cannot be before 2024-05-06.", life.Close(D("2024-05-03"), ClosureReason.Studies, null));
    }

    [Fact]
    public void Closure_of_a_referral_that_was_never_enrolled_is_allowed_on_its_referral_date()
    {
        var life = Next(Referred("2024-04-22").Close(D("2024-04-22"), ClosureReason.Other, ClosureSubReason.NotInTargetGroup));
        Assert.Equal(CaseStatus.Closed, life.Status);
        Assert.Null(life.Enrolment);
        Assert.Equal((ClosureReason.Other, ClosureSubReason.NotInTargetGroup), (life.ClosureReason!.Value, life.ClosureSubReason!.Value));
    }

    [Fact]
    public void Closure_ends_an_open_pause_on_the_closure_date()
    {
        var life = Next(Enrolled().PausedOn(D("2024-05-02")).Build().Lifecycle.Close(D("2024-06-03"), ClosureReason.Work, ClosureSubReason.Subsidised));
        Assert.Null(life.OpenPauseStart);
        Assert.Equal(D("2024-06-03"), life.LastResume);
        Assert.Equal(D("2024-06-03"), life.Closure);
    }

    public static TheoryData<string> Transitions => ["enrol", "info meeting", "agree a plan", "pause", "resume", "record", "close again"];

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Nothing_follows_a_closure(string transition)
    {
        var closed = Enrolled().PausedOn(D("2024-05-02")).ClosedOn(D("2024-06-03"), ClosureReason.Studies).Build().Lifecycle;
        var after = D("2024-06-10");
        var step = transition switch
        {
            "enrol" => closed.Enrol(after),
            "info meeting" => closed.InfoMeeting(after),
            "agree a plan" => closed.AgreePlan(after),
            "pause" => closed.Pause(after),
            "resume" => closed.Resume(after),
            "record" => closed.Record(after),
            _ => closed.Close(after, ClosureReason.Unknown, null),
        };
        AssertBroken("The case is closed and can no longer be changed.", step);
    }

    // ---- The entity asks the lifecycle ----

    [Fact]
    public void Case_worked_through_its_methods_stands_where_the_same_transitions_lead()
    {
        var c = Enrolled().WithPlanAgreedOn(D("2024-05-06")).PausedOn(D("2024-05-20")).ResumedOn(D("2024-06-03"))
            .PausedOn(D("2024-08-01")).ClosedOn(D("2024-09-02"), ClosureReason.Work, ClosureSubReason.Unsubsidised).Build();

        var life = Referred("2024-04-22");
        foreach (var step in new Func<CaseLifecycle, LifecycleStep>[]
                 {
                     l => l.Enrol(D("2024-04-29")), l => l.AgreePlan(D("2024-05-06")), l => l.Pause(D("2024-05-20")), l => l.Resume(D("2024-06-03")),
                     l => l.Pause(D("2024-08-01")), l => l.Close(D("2024-09-02"), ClosureReason.Work, ClosureSubReason.Unsubsidised),
                 })
            life = Next(step(life));

        Assert.Equal(life, c.Lifecycle);
        Assert.Equal((CaseStatus.Closed, D("2024-04-29"), D("2024-05-06"), D("2024-09-02")),
            (c.Status, c.EnrolmentDate!.Value, c.FirstPlanAgreedOn!.Value, c.ClosureDate!.Value));
    }

    [Fact]
    public void Case_refuses_with_the_lifecycle_message_and_stays_as_it_was()
    {
        var c = Enrolled().PausedOn(D("2024-05-02")).Build();
        var before = c.Lifecycle;

        var refused = Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-05-06"), PauseReason.Other, null, today: D("2024-05-06")));

        Assert.Equal("The case is already paused.", refused.Template);
        Assert.Equal(before, c.Lifecycle);
        Assert.Single(c.Pauses);
    }

    [Fact]
    public void Case_refuses_a_future_date_that_the_lifecycle_would_allow()
    {
        var c = Enrolled().Build();
        Assert.Null(c.Lifecycle.Pause(D("2024-05-10")).Broken);

        var refused = Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-05-10"), PauseReason.Sickness, null, today: D("2024-05-09")));
        Assert.Equal("The pause cannot start in the future.", refused.Template);
        Assert.Empty(c.Pauses);
    }
}
