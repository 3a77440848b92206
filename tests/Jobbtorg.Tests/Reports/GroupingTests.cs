using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// Breakdowns by reporting group, job centre, district, gender, target group and benefit. Reporting group and job
/// centre come from the enrolment ("unassigned" before it), district, gender, target group and benefit from the referral; a group is listed whenever a case of
/// it exists on the as-of date, and every case is in exactly one group.
/// </summary>
public class GroupingTests
{
    private const string Period = "2024-01-01", PeriodEnd = "2024-12-31", AsOf = "2025-06-30";

    /// <summary>An official test number whose sex digit agrees with the gender the district reports.</summary>
    private static string Person(string gender, int minAge = 30, int maxAge = 55)
    {
        while (true)
        {
            var pn = TestPeople.Aged(minAge, maxAge, new DateOnly(2024, 1, 1));
            if (gender == "X" || ((pn[10] - '0') % 2 == 1) == (gender == "M")) return pn;
        }
    }

    private static readonly string Cases = Stream(
        Referral("K-1", Person("F", 19, 21), "2024-03-01", district: "farsta", targetGroup: "Youth", gender: "F"),
        InfoMeeting("K-1", "2024-03-08"), Enrolment("K-1", "2024-03-10", jobCentre: "kista-ungdom"),
        Referral("K-2", Person("M"), "2024-03-20", targetGroup: "AdultRefugee", gender: "M"), Enrolment("K-2", "2024-04-02"),
        Referral("K-3", Person("F"), "2024-04-20", district: "farsta", gender: "F", newlyArrived: true), Enrolment("K-3", "2024-05-06"),
        Closure("K-3", "2024-10-01", "Studies"),
        Referral("K-4", Person("X"), "2024-01-15", gender: "X", receivesBenefit: false), Enrolment("K-4", "2024-02-01"), Closure("K-4", "2024-09-30", "Work"),
        // Never enrolled: no reporting group and no job centre.
        Referral("K-5", Person("F"), "2024-05-20", gender: "F"), Closure("K-5", "2024-06-10", "Other"),
        // Enrolled after the as-of date: not enrolled yet.
        Referral("K-6", Person("M"), "2024-11-01", district: "farsta", gender: "M"), Enrolment("K-6", "2025-07-10"),
        // Referred after the as-of date: does not exist, so Skarpnäck is no group.
        Referral("K-7", Person("F"), "2025-07-01", district: "skarpnack", gender: "F"),
        // Worked and closed in 2023: Älvsjö and Vårberg are groups with nothing counted in 2024.
        Referral("K-8", Person("M"), "2023-01-10", district: "alvsjo", gender: "M", receivesBenefit: false), Enrolment("K-8", "2023-01-20", jobCentre: "varberg"),
        Closure("K-8", "2023-06-01", "Work"));

    private static async Task<IndicatorReport> ReportAsync(GroupBy? groupBy) =>
        await ScenarioDatabase.ReportAsync(Cases, Period, PeriodEnd, AsOf, groupBy);

    private static Dictionary<string, IndicatorSetCounts> Counts(IndicatorReport report) =>
        report.Groups!.ToDictionary(g => g.Key, g => IndicatorSetCounts.Of(g.Value));

    [Fact]
    public async Task Without_a_grouping_there_are_no_groups()
    {
        var report = await ReportAsync(null);

        Assert.Null(report.Groups);
        Assert.Equal(new IndicatorSetCounts(Enrolled: 4, NewlyEnrolled: 4, Closed: 2, ClosedBeforeEnrolment: 1), IndicatorSetCounts.Of(report.Total));
    }

    [Fact]
    public async Task By_reporting_group_a_case_never_enrolled_is_unassigned()
    {
        var report = await ReportAsync(GroupBy.ReportingGroup);

        Assert.Equal(["NewlyArrivedRefugee", "Other25Plus", "Youth", "unassigned"], report.Groups!.Keys);
        Assert.Equal(new Dictionary<string, IndicatorSetCounts>
        {
            ["NewlyArrivedRefugee"] = new(Enrolled: 2, NewlyEnrolled: 2, Closed: 1, ClosedBeforeEnrolment: 0),
            ["Other25Plus"] = new(1, 1, 1, 0),
            ["Youth"] = new(1, 1, 0, 0),
            ["unassigned"] = new(0, 0, 0, 1),
        }, Counts(report));
        Assert.Equal(new(1, 1, 1.0), report.Groups["NewlyArrivedRefugee"].ClosedToWorkOrStudies);
        Assert.Equal(7.0, report.Groups["Youth"].MedianDaysReferralToInfoMeeting);
        Assert.Null(report.Groups["NewlyArrivedRefugee"].MedianDaysReferralToInfoMeeting);
    }

    [Fact]
    public async Task By_job_centre_the_centre_is_the_one_enrolled_at()
    {
        var report = await ReportAsync(GroupBy.JobCentre);

        Assert.Equal(["farsta", "kista-ungdom", "varberg", "unassigned"], report.Groups!.Keys);
        Assert.Equal(new Dictionary<string, IndicatorSetCounts>
        {
            ["farsta"] = new(Enrolled: 3, NewlyEnrolled: 3, Closed: 2, ClosedBeforeEnrolment: 0),
            ["kista-ungdom"] = new(1, 1, 0, 0),
            ["varberg"] = new(0, 0, 0, 0),
            ["unassigned"] = new(0, 0, 0, 1),
        }, Counts(report));
        Assert.Equal(2 / 3.0, report.Groups["farsta"].ClosureRate);
        Assert.Null(report.Groups["varberg"].ClosureRate);
    }

    [Fact]
    public async Task By_district_every_case_has_the_district_that_referred_it()
    {
        var report = await ReportAsync(GroupBy.District);

        Assert.Equal(["alvsjo", "enskede-arsta-vantor", "farsta"], report.Groups!.Keys);
        Assert.Equal(new Dictionary<string, IndicatorSetCounts>
        {
            ["alvsjo"] = new(0, 0, 0, 0),
            ["enskede-arsta-vantor"] = new(Enrolled: 2, NewlyEnrolled: 2, Closed: 1, ClosedBeforeEnrolment: 1),
            ["farsta"] = new(2, 2, 1, 0),
        }, Counts(report));
    }

    [Fact]
    public async Task By_gender_as_the_district_reported_it()
    {
        var report = await ReportAsync(GroupBy.Gender);

        Assert.Equal(["F", "M", "X"], report.Groups!.Keys);
        Assert.Equal(new Dictionary<string, IndicatorSetCounts>
        {
            ["F"] = new(Enrolled: 2, NewlyEnrolled: 2, Closed: 1, ClosedBeforeEnrolment: 1),
            ["M"] = new(1, 1, 0, 0),
            ["X"] = new(1, 1, 1, 0),
        }, Counts(report));
        Assert.Equal(new(1, 1, 1.0), report.Groups["X"].ClosedToWorkOrStudies);
        Assert.Equal(new(1, 1, 1.0), report.Groups["F"].ClosedToWorkOrStudies);
    }

    [Fact]
    public async Task By_target_group_as_the_referral_gave_it()
    {
        var report = await ReportAsync(GroupBy.TargetGroup);

        Assert.Equal(["AdultRefugee", "UnemployedOnBenefit", "Youth"], report.Groups!.Keys);
        Assert.Equal(new Dictionary<string, IndicatorSetCounts>
        {
            ["AdultRefugee"] = new(Enrolled: 1, NewlyEnrolled: 1, Closed: 0, ClosedBeforeEnrolment: 0),
            ["UnemployedOnBenefit"] = new(2, 2, 2, 1),
            ["Youth"] = new(1, 1, 0, 0),
        }, Counts(report));
        Assert.Equal(new(2, 2, 1.0), report.Groups["UnemployedOnBenefit"].ClosedToWorkOrStudies);
    }

    [Fact]
    public async Task By_benefit_as_the_referral_said_it_answers_how_many_benefit_recipients_got_a_job()
    {
        var report = await ReportAsync(GroupBy.Benefit);

        Assert.Equal(["WithBenefit", "WithoutBenefit"], report.Groups!.Keys);
        Assert.Equal(new Dictionary<string, IndicatorSetCounts>
        {
            ["WithBenefit"] = new(Enrolled: 3, NewlyEnrolled: 3, Closed: 1, ClosedBeforeEnrolment: 1),
            ["WithoutBenefit"] = new(1, 1, 1, 0),
        }, Counts(report));
        Assert.Equal(0, report.Groups["WithBenefit"].ClosureReasons["Work"]);
        Assert.Equal(1, report.Groups["WithBenefit"].ClosureReasons["Studies"]);
        Assert.Equal(1, report.Groups["WithoutBenefit"].ClosureReasons["Work"]);
    }

    [Theory]
    [InlineData(GroupBy.ReportingGroup)]
    [InlineData(GroupBy.JobCentre)]
    [InlineData(GroupBy.District)]
    [InlineData(GroupBy.Gender)]
    [InlineData(GroupBy.TargetGroup)]
    [InlineData(GroupBy.Benefit)]
    public async Task The_groups_add_up_to_the_total(GroupBy groupBy)
    {
        var report = await ReportAsync(groupBy);
        var groups = report.Groups!.Values;

        Assert.Equal(report.Total.Enrolled, groups.Sum(g => g.Enrolled));
        Assert.Equal(report.Total.NewlyEnrolled, groups.Sum(g => g.NewlyEnrolled));
        Assert.Equal(report.Total.Closed, groups.Sum(g => g.Closed));
        Assert.Equal(report.Total.ClosedBeforeEnrolment, groups.Sum(g => g.ClosedBeforeEnrolment));
        Assert.Equal(report.Total.ClosedToWorkOrStudies.Numerator, groups.Sum(g => g.ClosedToWorkOrStudies.Numerator));
    }
}
