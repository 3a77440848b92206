using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Cases;

/// <summary>
/// The job guarantee as domain.md defines it: D = Deadline(E, 5); met if P1 ≤ D; excluded if closed on or before D
/// with no plan; pending if no P1 and D ≥ asOf; otherwise missed. Paused working days do not count.
/// </summary>
public class JobGuaranteeTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly DateOnly LongAfter = D("2025-06-02");

    /// <summary>Monday 29 April 2024, the example in domain.md: Tue 30 Apr (1), 1 May holiday, Thu 2 (2), Fri 3 (3), Mon 6 (4), Tue 7 May (5).</summary>
    private static CaseBuilder EnrolledMonday29April() => new CaseBuilder().ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-04-29"));

    [Fact]
    public void Deadline_is_the_fifth_working_day_after_enrolment_skipping_first_of_May()
    {
        var c = EnrolledMonday29April().Build();
        Assert.Equal(D("2024-05-07"), c.JobGuaranteeDeadline);
    }

    [Fact]
    public void Referred_case_has_no_deadline_and_is_not_enrolled()
    {
        var c = new CaseBuilder().ReferredOn(D("2024-04-22")).Build();
        Assert.Null(c.JobGuaranteeDeadline);
        Assert.Equal(JobGuaranteeState.NotEnrolled, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Plan_agreed_on_the_fifth_working_day_is_on_time()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-05-07")).Build();
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Plan_agreed_on_the_enrolment_day_is_on_time()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-04-29")).Build();
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(D("2024-04-29")));
    }

    [Fact]
    public void Plan_agreed_one_working_day_after_the_deadline_is_missed()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-05-08")).Build();
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(LongAfter));
    }

    [Theory]
    [InlineData("2024-04-29")]
    [InlineData("2024-05-06")]
    [InlineData("2024-05-07")]
    public void No_plan_yet_with_the_deadline_today_or_later_is_pending(string today)
    {
        var c = EnrolledMonday29April().Build();
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(D(today)));
    }

    [Theory]
    [InlineData("2024-05-08")]
    [InlineData("2025-06-02")]
    public void No_plan_once_the_deadline_has_passed_is_missed(string today)
    {
        var c = EnrolledMonday29April().Build();
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(D(today)));
    }

    [Theory]
    [InlineData("2024-04-29")]
    [InlineData("2024-05-03")]
    [InlineData("2024-05-07")]
    public void Case_closed_on_or_before_the_deadline_without_a_plan_is_excluded(string closedOn)
    {
        var c = EnrolledMonday29April().ClosedOn(D(closedOn), ClosureReason.Work, ClosureSubReason.Unsubsidised).Build();
        Assert.Equal(JobGuaranteeState.Excluded, c.JobGuarantee(LongAfter));
        Assert.Equal(JobGuaranteeState.Excluded, c.JobGuarantee(D(closedOn)));
    }

    [Fact]
    public void Case_closed_after_the_deadline_without_a_plan_is_missed()
    {
        var c = EnrolledMonday29April().ClosedOn(D("2024-05-08"), ClosureReason.Studies).Build();
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Plan_agreed_on_time_stays_met_after_an_early_closure()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-05-02")).ClosedOn(D("2024-05-03"), ClosureReason.Studies).Build();
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Pause_across_a_holiday_moves_the_deadline_by_the_paused_working_days_only()
    {
        // Paused Tue 30 Apr to Thu 2 May: two working days and the 1 May holiday. Counting again from Fri 3 May:
        // Fri 3 (1), Mon 6 (2), Tue 7 (3), Wed 8 (4), Ascension Day Thu 9 May, Fri 10 (5).
        var c = EnrolledMonday29April().PausedOn(D("2024-04-30")).ResumedOn(D("2024-05-03")).Build();
        Assert.Equal(D("2024-05-10"), c.JobGuaranteeDeadline);
    }

    [Fact]
    public void Plan_agreed_after_the_unpaused_deadline_is_on_time_when_a_pause_moved_it()
    {
        var c = EnrolledMonday29April().PausedOn(D("2024-04-30")).ResumedOn(D("2024-05-03")).WithPlanAgreedOn(D("2024-05-10")).Build();
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(LongAfter));
    }

    // An open pause stops the clock: no deadline is shown, and the guarantee stays pending however long the pause
    // lasts, as the indicator report counts it (domain.md "Settled readings"), never missed.

    [Fact]
    public void Open_pause_before_the_fifth_working_day_stops_the_clock_and_the_guarantee_stays_pending()
    {
        var c = EnrolledMonday29April().PausedOn(D("2024-05-02")).Build();
        Assert.Null(c.JobGuaranteeDeadline);
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Open_pause_starting_on_the_fifth_working_day_stops_the_clock_and_the_guarantee_stays_pending()
    {
        var c = EnrolledMonday29April().PausedOn(D("2024-05-07")).Build();
        Assert.Null(c.JobGuaranteeDeadline);
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Pause_resumed_after_the_as_of_date_still_stops_the_clock_on_that_date()
    {
        // Paused Thu 2 May, resumed Mon 13 May: the deadline is Thu 16 May. Seen on 10 May the pause has no resume yet.
        var c = EnrolledMonday29April().PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-13")).Build();
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(D("2024-05-10")));
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(D("2024-05-17")));
    }

    [Fact]
    public void Open_pause_after_the_deadline_does_not_move_it()
    {
        var c = EnrolledMonday29April().PausedOn(D("2024-05-08")).Build();
        Assert.Equal(D("2024-05-07"), c.JobGuaranteeDeadline);
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void After_resume_the_deadline_is_counted_without_the_paused_days()
    {
        // Tue 30 Apr (1); paused Thu 2 May to Sun 12 May; Mon 13 (2), Tue 14 (3), Wed 15 (4), Thu 16 May (5).
        var c = EnrolledMonday29April().PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-13")).Build();
        Assert.Equal(D("2024-05-16"), c.JobGuaranteeDeadline);
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(D("2024-05-16")));
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(D("2024-05-17")));
    }

    [Fact]
    public void Every_pause_counts_when_there_are_several()
    {
        // Paused 30 Apr–1 May and 3–5 May: Thu 2 (1), Mon 6 (2), Tue 7 (3), Wed 8 (4), Ascension Day, Fri 10 May (5).
        var c = EnrolledMonday29April()
            .PausedOn(D("2024-04-30")).ResumedOn(D("2024-05-02"))
            .PausedOn(D("2024-05-03")).ResumedOn(D("2024-05-06"))
            .Build();
        Assert.Equal(D("2024-05-10"), c.JobGuaranteeDeadline);
    }

    [Fact]
    public void Plan_agreed_during_an_open_pause_that_stopped_the_clock_is_on_time()
    {
        // Once the clock runs again the deadline falls after the resume date, so any agreement during the pause is in time.
        var c = EnrolledMonday29April().PausedOn(D("2024-05-02")).WithPlanAgreedOn(D("2024-05-20")).Build();
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(LongAfter));

        c.Resume(D("2024-05-27"), LongAfter);
        Assert.Equal(D("2024-05-30"), c.JobGuaranteeDeadline);  // Tue 30 Apr (1), Mon 27 (2), Tue 28 (3), Wed 29 (4), Thu 30 May (5)
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(LongAfter));
    }

    [Fact]
    public void Case_closed_during_a_pause_that_stopped_the_clock_without_a_plan_is_excluded()
    {
        // Closing ends the pause on the closure date, and the clock starts again from there: the closure is before the deadline.
        var c = EnrolledMonday29April().PausedOn(D("2024-05-02")).ClosedOn(D("2024-05-20"), ClosureReason.Other, ClosureSubReason.Moved).Build();
        Assert.Equal(D("2024-05-23"), c.JobGuaranteeDeadline);  // Tue 30 Apr (1), Mon 20 (2), Tue 21 (3), Wed 22 (4), Thu 23 May (5)
        Assert.Equal(JobGuaranteeState.Excluded, c.JobGuarantee(LongAfter));
    }

    // ---- Seen on an earlier date: what is dated later has not happened yet (domain.md: events dated after asOf are ignored) ----

    [Fact]
    public void Plan_agreed_after_the_as_of_date_leaves_the_guarantee_pending_on_that_date()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-05-06")).Build();
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(D("2024-05-03")));
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(D("2024-05-06")));
    }

    [Fact]
    public void Plan_agreed_late_after_the_as_of_date_is_pending_before_the_deadline_and_missed_after_it()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-05-10")).Build();
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(D("2024-05-06")));
        Assert.Equal(JobGuaranteeState.Missed, c.JobGuarantee(D("2024-05-08")));
    }

    [Fact]
    public void Closure_after_the_as_of_date_does_not_exclude_the_case_on_that_date()
    {
        var c = EnrolledMonday29April().ClosedOn(D("2024-05-06"), ClosureReason.Studies).Build();
        Assert.Equal(JobGuaranteeState.Pending, c.JobGuarantee(D("2024-05-03")));
        Assert.Equal(JobGuaranteeState.Excluded, c.JobGuarantee(D("2024-05-06")));
    }

    [Fact]
    public void Case_enrolled_after_the_as_of_date_is_not_enrolled_on_that_date()
    {
        var c = EnrolledMonday29April().Build();
        Assert.Equal(JobGuaranteeState.NotEnrolled, c.JobGuarantee(D("2024-04-26")));
    }

    [Fact]
    public void Later_plan_versions_do_not_change_a_guarantee_already_met()
    {
        var c = EnrolledMonday29April().WithPlanAgreedOn(D("2024-05-06")).WithPlanAgreedOn(D("2024-06-10")).Build();
        Assert.Equal(D("2024-05-06"), c.FirstPlanAgreedOn);
        Assert.Equal(JobGuaranteeState.Met, c.JobGuarantee(LongAfter));
    }
}
