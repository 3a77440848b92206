using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>Enrolled, newly enrolled, closed, closed before enrolment, closure rate and reasons, closed to work or
/// studies: who is counted at the edges of the period.</summary>
public class EnrolmentAndClosureTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    [Fact]
    public async Task Enrolled_counts_every_case_open_on_some_day_of_the_period_and_closed_counts_closures_in_it()
    {
        var stream = Stream(
            // Enrolled before March and still open: enrolled, not newly enrolled.
            Referral("K-1", Person(), "2024-01-02"), Enrolment("K-1", "2024-01-10"),
            // Closed on the first day of the period: enrolled and closed.
            Referral("K-2", Person(), "2024-01-02"), Enrolment("K-2", "2024-01-15"), Closure("K-2", "2024-03-01", "Work"),
            // Closed the day before the period: not enrolled in it.
            Referral("K-3", Person(), "2024-01-05"), Enrolment("K-3", "2024-01-20"), Closure("K-3", "2024-02-29", "Studies"),
            // Enrolled on the last day: enrolled and newly enrolled.
            Referral("K-4", Person(), "2024-03-01"), Enrolment("K-4", "2024-03-31"),
            // Enrolled the day after the period: nothing.
            Referral("K-5", Person(), "2024-03-20"), Enrolment("K-5", "2024-04-01"),
            // Enrolled and closed within the period.
            Referral("K-6", Person(), "2024-02-01"), Enrolment("K-6", "2024-03-05"), Closure("K-6", "2024-03-31", "Other"),
            // A referral closed before enrolment in the period is counted apart, never as closed.
            Referral("K-7", Person(), "2024-03-02"), Closure("K-7", "2024-03-15", "Unknown"),
            // …and one closed before enrolment before the period is not counted at all.
            Referral("K-8", Person(), "2024-01-10"), Closure("K-8", "2024-02-10", "Other"));

        var total = (await ScenarioDatabase.ReportAsync(stream, "2024-03-01", "2024-03-31", asOf: "2024-06-30")).Total;

        Assert.Equal(4, total.Enrolled);
        Assert.Equal(2, total.NewlyEnrolled);
        Assert.Equal(2, total.Closed);
        Assert.Equal(1, total.ClosedBeforeEnrolment);
        Assert.Equal(0.5, total.ClosureRate);
        Assert.Equal(new Dictionary<string, int> { ["Work"] = 1, ["Studies"] = 0, ["EmploymentProgramme"] = 0, ["Other"] = 1, ["Unknown"] = 0 },
            total.ClosureReasons);
        Assert.Equal(new(1, 2, 0.5), total.ClosedToWorkOrStudies);
    }

    [Fact]
    public async Task Closure_reasons_list_all_five_and_closed_to_work_or_studies_counts_only_work_and_studies()
    {
        string[] reasons = ["Work", "Work", "Studies", "EmploymentProgramme", "Other"];
        var stream = Stream(reasons.SelectMany((reason, i) => new[]
        {
            Referral($"K-{i}", Person(), "2023-11-01"), Enrolment($"K-{i}", "2023-11-20"), Closure($"K-{i}", $"2024-01-{10 + i}", reason),
        }));

        var total = (await ScenarioDatabase.ReportAsync(stream, "2024-01-01", "2024-04-30", asOf: "2024-06-30")).Total;

        Assert.Equal(["Work", "Studies", "EmploymentProgramme", "Other", "Unknown"], total.ClosureReasons.Keys);
        Assert.Equal([2, 1, 1, 1, 0], total.ClosureReasons.Values);
        Assert.Equal(5, total.Closed);
        Assert.Equal(5, total.Enrolled);
        Assert.Equal(1.0, total.ClosureRate);
        Assert.Equal(new(3, 5, 0.6), total.ClosedToWorkOrStudies);
        Assert.Equal(0, total.NewlyEnrolled);
    }

    [Fact]
    public async Task An_empty_period_counts_nothing_and_every_rate_and_median_is_null()
    {
        var pn = Person();
        var stream = Stream(
            Referral("K-1", pn, "2024-01-02"), InfoMeeting("K-1", "2024-01-09"), Enrolment("K-1", "2024-01-10"),
            PlanAgreed("K-1", "2024-01-12"), Placement("K-1", "MunicipalJob", "2024-02-01", "2024-07-31"),
            Closure("K-1", "2024-08-15", "Work"), BenefitMonth(pn, "2025-02", false), OccupationStatus(pn, "2024-10-31", "Working"));

        var total = (await ScenarioDatabase.ReportAsync(stream, "2023-01-01", "2023-12-31", asOf: "2025-06-30")).Total;

        Assert.Equal(new IndicatorSetCounts(0, 0, 0, 0), IndicatorSetCounts.Of(total));
        Assert.Null(total.ClosureRate);
        Assert.All(total.ClosureReasons.Values, n => Assert.Equal(0, n));
        Assert.Equal(5, total.ClosureReasons.Count);
        Assert.Equal(new(0, 0, 0, 0, null), total.JobGuarantee);
        Assert.Equal(new(0, 0, null), total.SelfSufficientWithin12Months);
        Assert.Equal(new(0, 0, null), total.SelfSufficientWithin12MonthsAll);
        Assert.Equal(new(0, 0, null), total.ClosedToWorkOrStudies);
        Assert.Equal(new(0, 0, 0, null), total.StillSelfSupporting6Months);
        Assert.Equal(new(0, 0, 0, null), total.WorkingOrStudying3MonthsAfterMunicipalJob);
        Assert.Null(total.MedianDaysReferralToInfoMeeting);
        Assert.Null(total.MedianDaysReferralToEnrolment);
    }
}

/// <summary>The four head counts of an indicator set, to compare in one assertion.</summary>
public sealed record IndicatorSetCounts(int Enrolled, int NewlyEnrolled, int Closed, int ClosedBeforeEnrolment)
{
    public static IndicatorSetCounts Of(Jobbtorg.Features.Reports.IndicatorSet set) =>
        new(set.Enrolled, set.NewlyEnrolled, set.Closed, set.ClosedBeforeEnrolment);
}
