using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Plans;

public class PlanVersionTests
{
    private static readonly DateOnly Today = D("2025-06-02");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Case EnrolledOn(string date) => new CaseBuilder().ReferredOn(D("2024-04-22")).EnrolledOn(D(date)).Build();

    private static PlanVersion Draft(Case c) => c.StartPlanVersion("Kim Coach", CaseBuilder.At(D("2024-04-29")));

    /// <summary>A draft with a goal and one activity: ready to be agreed.</summary>
    private static PlanVersion ReadyDraft(Case c, int activityId = 1)
    {
        var draft = Draft(c);
        draft.SetGoal(PlanData.Cook, "School kitchens.");
        draft.AddActivity(PlanData.Activity(activityId, D("2024-05-06"), D("2024-08-30"), 20));
        return draft;
    }

    // ---- Starting a version ----

    [Fact]
    public void Plan_cannot_be_started_before_enrolment()
    {
        var c = new CaseBuilder().ReferredOn(D("2024-04-22")).Build();
        Assert.Throws<RuleBrokenException>(() => Draft(c));
        Assert.Empty(c.Plans);
    }

    [Fact]
    public void First_plan_is_an_empty_draft_numbered_one()
    {
        var c = EnrolledOn("2024-04-29");

        var draft = Draft(c);

        Assert.Same(draft, Assert.Single(c.Plans));
        Assert.Equal(1, draft.Number);
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.Null(draft.GoalSsykCode);
        Assert.Empty(draft.Activities);
        Assert.Equal("Kim Coach", draft.CreatedBy);
        Assert.Same(draft, c.CurrentDraft);
        Assert.Null(c.LatestAgreedPlan);
    }

    [Fact]
    public void Starting_a_plan_while_a_draft_exists_returns_that_draft()
    {
        var c = EnrolledOn("2024-04-29");
        var first = ReadyDraft(c);

        var again = Draft(c);

        Assert.Same(first, again);
        Assert.Single(c.Plans);
        Assert.Single(again.Activities);
    }

    // ---- Editing a draft ----

    [Fact]
    public void Goal_is_taken_from_the_occupation_and_a_blank_summary_is_left_empty()
    {
        var draft = Draft(EnrolledOn("2024-04-29"));

        draft.SetGoal(PlanData.Cleaner, "   ");
        Assert.Equal("9111", draft.GoalSsykCode);
        Assert.Equal("Städare", draft.GoalTitle);
        Assert.Null(draft.Summary);

        draft.SetGoal(PlanData.Cook, "  Work in a school kitchen.  ");
        Assert.Equal("5120", draft.GoalSsykCode);
        Assert.Equal("Work in a school kitchen.", draft.Summary);
    }

    [Fact]
    public void Activity_ending_before_it_starts_is_refused()
    {
        var draft = Draft(EnrolledOn("2024-04-29"));
        Assert.Throws<RuleBrokenException>(() => draft.AddActivity(PlanData.Activity(1, D("2024-05-06"), D("2024-05-05"))));
        Assert.Empty(draft.Activities);
    }

    [Fact]
    public void Activity_may_end_on_the_day_it_starts_or_have_no_end_date()
    {
        var draft = Draft(EnrolledOn("2024-04-29"));
        draft.AddActivity(PlanData.Activity(1, D("2024-05-06"), D("2024-05-06")));
        draft.AddActivity(new PlannedActivity { Id = 2, ActivityTypeId = 1, StartDate = D("2024-05-06"), EndDate = null, HoursPerWeek = 10 });
        Assert.Equal(2, draft.Activities.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("40.5")]
    [InlineData("41")]
    public void Activity_with_hours_a_week_outside_what_a_week_holds_is_refused(string hours)
    {
        var draft = Draft(EnrolledOn("2024-04-29"));
        Assert.Throws<RuleBrokenException>(() =>
            draft.AddActivity(PlanData.Activity(1, D("2024-05-06"), hoursPerWeek: decimal.Parse(hours, CultureInfo.InvariantCulture))));
        Assert.Empty(draft.Activities);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("40")]
    public void Activity_with_half_an_hour_up_to_forty_hours_a_week_is_accepted(string hours)
    {
        var draft = Draft(EnrolledOn("2024-04-29"));
        draft.AddActivity(PlanData.Activity(1, D("2024-05-06"), hoursPerWeek: decimal.Parse(hours, CultureInfo.InvariantCulture)));
        Assert.Single(draft.Activities);
    }

    [Fact]
    public void Activity_can_be_removed_from_a_draft()
    {
        var c = EnrolledOn("2024-04-29");
        var draft = ReadyDraft(c, activityId: 1);
        draft.AddActivity(PlanData.Activity(2, D("2024-05-13")));

        draft.RemoveActivity(1);

        Assert.Equal(2, Assert.Single(draft.Activities).Id);
    }

    // ---- Agreement ----

    [Fact]
    public void Agreement_makes_the_draft_the_agreed_plan()
    {
        var c = EnrolledOn("2024-04-29");
        var draft = ReadyDraft(c);

        c.AgreePlan(D("2024-05-06"), "Kim Coach", Today);

        Assert.Equal(PlanStatus.Agreed, draft.Status);
        Assert.Equal(D("2024-05-06"), draft.AgreedOn);
        Assert.Equal("Kim Coach", draft.AgreementRecordedBy);
        Assert.Equal(D("2024-05-06"), c.FirstPlanAgreedOn);
        Assert.Same(draft, c.LatestAgreedPlan);
        Assert.Null(c.CurrentDraft);
    }

    [Fact]
    public void Agreement_without_a_draft_is_refused()
    {
        var c = EnrolledOn("2024-04-29");
        Assert.Throws<RuleBrokenException>(() => c.AgreePlan(D("2024-05-06"), "Kim Coach", Today));
    }

    [Fact]
    public void Plan_without_a_goal_cannot_be_agreed()
    {
        var c = EnrolledOn("2024-04-29");
        var draft = Draft(c);
        draft.AddActivity(PlanData.Activity(1, D("2024-05-06")));

        Assert.Throws<RuleBrokenException>(() => c.AgreePlan(D("2024-05-06"), "Kim Coach", Today));
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.Null(c.FirstPlanAgreedOn);
    }

    [Fact]
    public void Plan_without_an_activity_cannot_be_agreed()
    {
        var c = EnrolledOn("2024-04-29");
        var draft = Draft(c);
        draft.SetGoal(PlanData.Cook, null);

        Assert.Throws<RuleBrokenException>(() => c.AgreePlan(D("2024-05-06"), "Kim Coach", Today));
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.Null(c.FirstPlanAgreedOn);
    }

    [Fact]
    public void Agreement_before_the_enrolment_date_is_refused()
    {
        var c = EnrolledOn("2024-04-29");
        ReadyDraft(c);
        Assert.Throws<RuleBrokenException>(() => c.AgreePlan(D("2024-04-26"), "Kim Coach", Today));
        Assert.Null(c.FirstPlanAgreedOn);
    }

    [Fact]
    public void Agreement_in_the_future_is_refused()
    {
        var c = EnrolledOn("2024-04-29");
        ReadyDraft(c);
        Assert.Throws<RuleBrokenException>(() => c.AgreePlan(D("2024-05-07"), "Kim Coach", today: D("2024-05-06")));
        Assert.Null(c.FirstPlanAgreedOn);
    }

    [Fact]
    public void Agreed_version_cannot_be_changed()
    {
        var c = EnrolledOn("2024-04-29");
        var agreed = ReadyDraft(c, activityId: 1);
        c.AgreePlan(D("2024-05-06"), "Kim Coach", Today);

        Assert.Throws<RuleBrokenException>(() => agreed.SetGoal(PlanData.Cleaner, "Another goal"));
        Assert.Throws<RuleBrokenException>(() => agreed.AddActivity(PlanData.Activity(2, D("2024-05-13"))));
        Assert.Throws<RuleBrokenException>(() => agreed.RemoveActivity(1));

        Assert.Equal("5120", agreed.GoalSsykCode);
        Assert.Equal(1, Assert.Single(agreed.Activities).Id);
    }

    // ---- Review: a new version ----

    [Fact]
    public void Review_starts_version_two_as_a_copy_of_the_agreed_version()
    {
        var c = EnrolledOn("2024-04-29");
        var v1 = ReadyDraft(c);
        c.AgreePlan(D("2024-05-06"), "Kim Coach", Today);

        var v2 = c.StartPlanVersion("Alex Coach", CaseBuilder.At(D("2024-07-01")));

        Assert.Equal(2, v2.Number);
        Assert.Equal(PlanStatus.Draft, v2.Status);
        Assert.Null(v2.AgreedOn);
        Assert.Equal(v1.GoalSsykCode, v2.GoalSsykCode);
        Assert.Equal(v1.GoalTitle, v2.GoalTitle);
        Assert.Equal(v1.Summary, v2.Summary);
        var original = Assert.Single(v1.Activities);
        var copy = Assert.Single(v2.Activities);
        Assert.NotSame(original, copy);
        Assert.Equal(
            (original.ActivityTypeId, original.ProviderId, original.StartDate, original.EndDate, original.HoursPerWeek, original.Note),
            (copy.ActivityTypeId, copy.ProviderId, copy.StartDate, copy.EndDate, copy.HoursPerWeek, copy.Note));
        Assert.Same(v1, c.LatestAgreedPlan);
    }

    [Fact]
    public void Agreeing_a_review_keeps_version_one_readable_and_unchanged()
    {
        var c = EnrolledOn("2024-04-29");
        var v1 = ReadyDraft(c, activityId: 1);
        c.AgreePlan(D("2024-05-06"), "Kim Coach", Today);

        var v2 = c.StartPlanVersion("Alex Coach", CaseBuilder.At(D("2024-07-01")));
        v2.SetGoal(PlanData.Cleaner, "Cleaning at the hospital.");
        v2.Activities[0].Id = 2;  // as saving would number the copied activity
        v2.RemoveActivity(2);
        v2.AddActivity(PlanData.Activity(3, D("2024-07-08"), hoursPerWeek: 30));
        c.AgreePlan(D("2024-07-01"), "Alex Coach", Today);

        Assert.Equal(new[] { 1, 2 }, c.Plans.Select(p => p.Number));
        Assert.Equal(PlanStatus.Agreed, v1.Status);
        Assert.Equal(D("2024-05-06"), v1.AgreedOn);
        Assert.Equal("Kim Coach", v1.AgreementRecordedBy);
        Assert.Equal("5120", v1.GoalSsykCode);
        Assert.Equal("School kitchens.", v1.Summary);
        var kept = Assert.Single(v1.Activities);
        Assert.Equal((1, D("2024-05-06"), (DateOnly?)D("2024-08-30"), 20m), (kept.Id, kept.StartDate, kept.EndDate, kept.HoursPerWeek));

        Assert.Equal("9111", v2.GoalSsykCode);
        Assert.Equal(3, Assert.Single(v2.Activities).Id);
        Assert.Same(v2, c.LatestAgreedPlan);
    }

    [Fact]
    public void Review_agreed_before_the_previous_agreement_is_refused()
    {
        var c = EnrolledOn("2024-04-29");
        ReadyDraft(c);
        c.AgreePlan(D("2024-05-06"), "Kim Coach", Today);
        c.StartPlanVersion("Kim Coach", CaseBuilder.At(D("2024-07-01")));

        Assert.Throws<RuleBrokenException>(() => c.AgreePlan(D("2024-05-03"), "Kim Coach", Today));
        Assert.Equal(PlanStatus.Draft, c.Plans[1].Status);
    }

    [Fact]
    public void First_plan_agreement_date_never_moves_after_a_review()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29"))
            .WithPlanAgreedOn(D("2024-05-06"))
            .WithPlanAgreedOn(D("2024-08-05"))
            .WithPlanAgreedOn(D("2024-11-04"))
            .Build();

        Assert.Equal(3, c.Plans.Count);
        Assert.Equal(D("2024-05-06"), c.FirstPlanAgreedOn);
        Assert.Equal(D("2024-11-04"), c.LatestAgreedPlan!.AgreedOn);
    }

    // ---- Review due ----

    [Fact]
    public void No_review_is_due_before_a_plan_is_agreed()
    {
        var c = EnrolledOn("2024-04-29");
        ReadyDraft(c);
        Assert.Null(c.PlanReviewDue);
    }

    [Fact]
    public void Review_is_due_three_months_after_the_agreement()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).WithPlanAgreedOn(D("2024-05-07")).Build();
        Assert.Equal(D("2024-08-07"), c.PlanReviewDue);
    }

    [Fact]
    public void Review_is_due_three_months_after_the_latest_agreement()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).WithPlanAgreedOn(D("2024-05-07")).WithPlanAgreedOn(D("2024-07-15")).Build();
        Assert.Equal(D("2024-10-15"), c.PlanReviewDue);
    }

    [Fact]
    public void Draft_review_does_not_move_the_review_date()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).WithPlanAgreedOn(D("2024-05-07")).Build();
        c.StartPlanVersion("Kim Coach", CaseBuilder.At(D("2024-07-15")));
        Assert.Equal(D("2024-08-07"), c.PlanReviewDue);
    }

    [Theory]
    [InlineData("2024-11-30", "2025-02-28")]
    [InlineData("2023-11-30", "2024-02-29")]
    [InlineData("2024-05-31", "2024-08-31")]
    [InlineData("2024-03-31", "2024-06-30")]
    public void Review_date_is_clamped_to_the_end_of_a_shorter_month(string agreedOn, string due)
    {
        var c = new CaseBuilder().ReferredOn(D(agreedOn).AddDays(-14)).EnrolledOn(D(agreedOn).AddDays(-7)).WithPlanAgreedOn(D(agreedOn)).Build();
        Assert.Equal(D(due), c.PlanReviewDue);
    }
}
