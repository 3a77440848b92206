using System.Globalization;
using Jobbtorg.Features.Plans;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Plans;

/// <summary>A plan's hours a week, and when a plan is thin.</summary>
public class PlanIntensityTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PlanVersion Plan(params PlannedActivity[] activities)
    {
        var plan = new PlanVersion { CreatedBy = "Kim Coach" };
        foreach (var a in activities) plan.AddActivity(a);
        return plan;
    }

    [Fact]
    public void The_hours_are_those_of_the_activities_in_progress_side_by_side()
    {
        var plan = Plan(PlanData.Activity(1, D("2024-03-01"), hoursPerWeek: 20),
            PlanData.Activity(2, D("2024-03-15"), D("2024-04-30"), hoursPerWeek: 10),
            PlanData.Activity(3, D("2024-05-01"), hoursPerWeek: 15));

        Assert.Equal(30m, PlanIntensity.Of(plan, D("2024-04-02")).HoursPerWeek);
        Assert.Equal(35m, PlanIntensity.Of(plan, D("2024-05-02")).HoursPerWeek); // the course ended, the next began
    }

    [Fact]
    public void A_plan_not_started_yet_counts_its_first_week()
    {
        var intensity = PlanIntensity.Of(Plan(PlanData.Activity(1, D("2024-06-03"), hoursPerWeek: 25)), D("2024-05-20"));

        Assert.Equal(D("2024-06-03"), intensity.On);
        Assert.Equal(25m, intensity.HoursPerWeek);
        Assert.False(intensity.IsThin);
    }

    [Fact]
    public void One_visit_a_week_is_thin_for_an_enrolled_case_but_not_while_it_is_paused()
    {
        var thin = new CaseBuilder().EnrolledOn(D("2024-04-29")).WithPlanAgreedOn(D("2024-04-30")).Build();
        thin.LatestAgreedPlan!.Activities[0].HoursPerWeek = 2;

        Assert.True(PlanIntensity.IsThinPlan(thin, D("2024-05-20")));
        Assert.Equal(9.5m < PlanIntensity.ThinBelowHours, PlanIntensity.Of(Plan(PlanData.Activity(1, D("2024-05-01"), hoursPerWeek: 9.5m)), D("2024-05-20")).IsThin);
        Assert.False(PlanIntensity.Of(Plan(PlanData.Activity(1, D("2024-05-01"), hoursPerWeek: 10)), D("2024-05-20")).IsThin);

        var paused = new CaseBuilder().EnrolledOn(D("2024-04-29")).WithPlanAgreedOn(D("2024-04-30")).PausedOn(D("2024-05-06")).Build();
        paused.LatestAgreedPlan!.Activities[0].HoursPerWeek = 2;
        Assert.False(PlanIntensity.IsThinPlan(paused, D("2024-05-20")));
    }
}
