using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// The job guarantee among cases newly enrolled in the period, D = five working days after enrolment with paused
/// days left out: met if the first plan is agreed on or before D, excluded if closed on or before D without a plan,
/// pending while D has not passed, missed otherwise. Monday 29 April 2024 has its deadline on Tuesday 7 May.
/// </summary>
public class JobGuaranteeIndicatorTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    private static IEnumerable<string> EnrolledMonday29April(string caseRef) =>
        [Referral(caseRef, Person(), "2024-04-22"), Enrolment(caseRef, "2024-04-29")];

    [Fact]
    public async Task A_plan_agreed_on_the_deadline_is_met_and_one_agreed_a_day_later_is_missed()
    {
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), PlanAgreed("K-1", "2024-05-07"), PlanAgreed("K-1", "2024-08-01"),
            .. EnrolledMonday29April("K-2"), PlanAgreed("K-2", "2024-05-08"),
        ]);

        var report = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 1, Missed: 1, Pending: 0, Excluded: 0, Rate: 0.5), report.Total.JobGuarantee);
    }

    [Fact]
    public async Task A_case_closed_on_the_deadline_without_a_plan_is_excluded_and_one_closed_a_day_later_is_missed()
    {
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), Closure("K-1", "2024-05-07", "Other"),
            .. EnrolledMonday29April("K-2"), Closure("K-2", "2024-05-08", "Other"),
            .. EnrolledMonday29April("K-3"), PlanAgreed("K-3", "2024-05-03"), Closure("K-3", "2024-05-06", "Work"),
        ]);

        var report = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 1, Missed: 1, Pending: 0, Excluded: 1, Rate: 0.5), report.Total.JobGuarantee);
    }

    [Fact]
    public async Task Without_a_plan_a_case_is_pending_up_to_its_deadline_and_a_plan_dated_after_as_of_has_not_happened()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream([
            .. EnrolledMonday29April("K-1"),
            .. EnrolledMonday29April("K-2"), PlanAgreed("K-2", "2024-05-08"),
            .. EnrolledMonday29April("K-3"), PlanAgreed("K-3", "2024-05-06"),
        ]));

        var onEnrolmentDay = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-04-29");
        var onTheDeadline = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-05-07");
        var dayAfter = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-05-08");

        Assert.Equal(new(Met: 0, Missed: 0, Pending: 3, Excluded: 0, Rate: null), onEnrolmentDay.Total.JobGuarantee);
        Assert.Equal(new(Met: 1, Missed: 0, Pending: 2, Excluded: 0, Rate: 1.0), onTheDeadline.Total.JobGuarantee);
        Assert.Equal(new(Met: 1, Missed: 2, Pending: 0, Excluded: 0, Rate: 1 / 3.0), dayAfter.Total.JobGuarantee);
    }

    [Fact]
    public async Task A_pause_over_Christmas_moves_the_deadline_to_13_January()
    {
        // Enrolled Thursday 19 December 2024. Without a pause: 20, 23, 27, 30 December and 2 January (24, 25, 26, 31
        // December and 1 January are holidays or eves). Paused 20 December–6 January: 7, 8, 9, 10 and 13 January.
        IEnumerable<string> Enrolled(string caseRef) => [Referral(caseRef, Person(), "2024-12-10"), Enrolment(caseRef, "2024-12-19")];
        IEnumerable<string> PausedOverChristmas(string caseRef) => [Pause(caseRef, "2024-12-20", "ParentalLeave"), Resume(caseRef, "2025-01-07")];
        var stream = Stream([
            .. Enrolled("K-1"), .. PausedOverChristmas("K-1"), PlanAgreed("K-1", "2025-01-13"),
            .. Enrolled("K-2"), .. PausedOverChristmas("K-2"), PlanAgreed("K-2", "2025-01-14"),
            .. Enrolled("K-3"), PlanAgreed("K-3", "2025-01-02"),
            .. Enrolled("K-4"), PlanAgreed("K-4", "2025-01-03"),
        ]);

        var report = await ScenarioDatabase.ReportAsync(stream, "2024-12-01", "2024-12-31", asOf: "2025-03-01");

        Assert.Equal(new(Met: 2, Missed: 2, Pending: 0, Excluded: 0, Rate: 0.5), report.Total.JobGuarantee);
    }

    [Fact]
    public async Task An_open_pause_stops_the_clock_and_a_resume_dated_after_as_of_leaves_the_pause_open()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream([
            .. EnrolledMonday29April("K-1"), Pause("K-1", "2024-04-30"),
            .. EnrolledMonday29April("K-2"), Pause("K-2", "2024-04-30"), Resume("K-2", "2024-10-01"),
        ]));

        var beforeTheResume = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-09-30");
        // Resumed Tuesday 1 October, the clock runs again: 1, 2, 3, 4 and 7 October.
        var afterTheNewDeadline = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-10-08");

        Assert.Equal(new(Met: 0, Missed: 0, Pending: 2, Excluded: 0, Rate: null), beforeTheResume.Total.JobGuarantee);
        Assert.Equal(new(Met: 0, Missed: 1, Pending: 1, Excluded: 0, Rate: 0.0), afterTheNewDeadline.Total.JobGuarantee);
    }

    [Fact]
    public async Task Only_cases_newly_enrolled_in_the_period_are_measured()
    {
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), PlanAgreed("K-1", "2024-05-02"),
            Referral("K-2", Person(), "2024-05-02"), Enrolment("K-2", "2024-05-02"), PlanAgreed("K-2", "2024-05-20"),
        ]);

        var april = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 1, Missed: 0, Pending: 0, Excluded: 0, Rate: 1.0), april.Total.JobGuarantee);
    }
}
