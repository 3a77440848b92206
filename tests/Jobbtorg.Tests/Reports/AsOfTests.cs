using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>A report seen on an earlier date ignores whatever is dated after it, whenever it was recorded.</summary>
public class AsOfTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    private static readonly string Cases = Stream(
        Referral("K-1", Person(), "2024-02-01"), Enrolment("K-1", "2024-02-10"), Closure("K-1", "2024-11-01", "Work"),
        Referral("K-2", Person(), "2024-03-01", district: "rinkeby-kista"), Enrolment("K-2", "2024-09-01", jobCentre: "kista"),
        Referral("K-3", Person(), "2024-09-15", district: "skarpnack"), Closure("K-3", "2024-10-01", "Other"));

    [Fact]
    public async Task Seen_at_the_end_of_the_year_everything_has_happened()
    {
        var report = await ScenarioDatabase.ReportAsync(Cases, "2024-01-01", "2024-12-31", asOf: "2024-12-31");

        Assert.Equal(new IndicatorSetCounts(Enrolled: 2, NewlyEnrolled: 2, Closed: 1, ClosedBeforeEnrolment: 1), IndicatorSetCounts.Of(report.Total));
        Assert.Equal(new DateOnly(2024, 12, 31), report.AsOf);
    }

    [Fact]
    public async Task Seen_in_August_a_later_closure_enrolment_and_referral_have_not_happened()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Cases);

        var total = await scenario.ReportAsync("2024-01-01", "2024-12-31", asOf: "2024-08-31");
        var byCentre = await scenario.ReportAsync("2024-01-01", "2024-12-31", asOf: "2024-08-31", GroupBy.JobCentre);
        var byDistrict = await scenario.ReportAsync("2024-01-01", "2024-12-31", asOf: "2024-08-31", GroupBy.District);

        Assert.Equal(new IndicatorSetCounts(Enrolled: 1, NewlyEnrolled: 1, Closed: 0, ClosedBeforeEnrolment: 0), IndicatorSetCounts.Of(total.Total));
        Assert.Equal(["farsta", "unassigned"], byCentre.Groups!.Keys);
        Assert.Equal(new IndicatorSetCounts(0, 0, 0, 0), IndicatorSetCounts.Of(byCentre.Groups["unassigned"]));
        Assert.Equal(["enskede-arsta-vantor", "rinkeby-kista"], byDistrict.Groups!.Keys);
    }
}
