using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Cases;

/// <summary>What needs doing on a case: the start page lists these, most urgent first.</summary>
public class CaseNeedsTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Enrolled Monday 2024-04-29: the plan deadline is Tuesday 7 May (1 May is a holiday).
    private static CaseBuilder EnrolledOn29April() => new CaseBuilder().ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-04-29"));

    [Fact]
    public void A_newly_enrolled_case_needs_its_plan_by_the_deadline()
    {
        var needs = EnrolledOn29April().Build().NeedsOn(D("2024-04-30"));

        Assert.Equal([Need.PlanDue, Need.NewlyEnrolled], needs.Needs);
        Assert.Equal(D("2024-05-07"), needs.DueDate);
    }

    [Fact]
    public void The_plan_is_due_today_on_the_deadline_and_overdue_the_day_after()
    {
        var c = EnrolledOn29April().Build();

        Assert.True(c.NeedsOn(D("2024-05-07")).Has(Need.PlanDueToday));
        Assert.True(c.NeedsOn(D("2024-05-08")).Has(Need.PlanOverdue));
        Assert.False(c.NeedsOn(D("2024-05-08")).Has(Need.NewlyEnrolled));
    }

    [Fact]
    public void A_paused_case_has_no_plan_due_while_the_clock_is_stopped()
    {
        var needs = EnrolledOn29April().PausedOn(D("2024-05-02")).Build().NeedsOn(D("2024-05-20"));

        Assert.Equal([Need.Paused], needs.Needs);
        Assert.Null(needs.DueDate);
    }

    [Fact]
    public void A_resumed_case_is_due_by_the_deadline_moved_by_the_paused_days()
    {
        // Paused Thu 2 and Fri 3 May, so the fifth working day falls after Ascension Day (Thu 9 May).
        var needs = EnrolledOn29April().PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-06")).Build().NeedsOn(D("2024-05-08"));

        Assert.Equal([Need.PlanDue], needs.Needs);
        Assert.Equal(D("2024-05-10"), needs.DueDate);
    }

    [Fact]
    public void An_agreed_plan_needs_nothing_until_two_weeks_before_its_review()
    {
        var c = EnrolledOn29April().WithPlanAgreedOn(D("2024-05-06")).Build();

        Assert.Empty(c.NeedsOn(D("2024-07-22")).Needs);
        var soon = c.NeedsOn(D("2024-07-23"));
        Assert.Equal([Need.ReviewDue], soon.Needs);
        Assert.Equal(D("2024-08-06"), soon.DueDate);
        Assert.Equal([Need.ReviewOverdue], c.NeedsOn(D("2024-08-07")).Needs);
    }

    [Fact]
    public void A_closed_case_needs_nothing()
    {
        var c = EnrolledOn29April().ClosedOn(D("2024-05-10")).Build();

        Assert.Same(CaseNeeds.None, c.NeedsOn(D("2024-05-20")));
    }

    [Fact]
    public void A_referral_not_yet_enrolled_needs_nothing_from_a_coach()
    {
        Assert.Empty(new CaseBuilder().ReferredOn(D("2024-04-22")).Build().NeedsOn(D("2024-05-20")).Needs);
    }

    [Fact]
    public void Cases_are_listed_with_the_most_urgent_need_first_then_by_due_date()
    {
        var today = D("2024-05-08");
        var overdue = EnrolledOn29April().WithId(1).Build();
        var dueLater = new CaseBuilder().WithId(2).ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-05-06")).Build();
        var dueSooner = new CaseBuilder().WithId(3).ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-05-03")).Build();
        var nothing = EnrolledOn29April().WithId(4).WithPlanAgreedOn(D("2024-05-02")).Build();

        var order = CaseNeeds.MostUrgentFirst([nothing, dueLater, overdue, dueSooner], c => c.NeedsOn(today));

        Assert.Equal([1, 3, 2, 4], order.Select(c => c.Id));
    }
}
