using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// Initial assessment in time (domain.md): among cases newly enrolled in the period, with D the job guarantee's deadline
/// (five working days after enrolment, paused days left out), met if the first assessment A1 of any instrument is on or
/// before D, excluded if closed on or before D without one, pending while D has not passed, missed otherwise. Monday
/// 29 April 2024 has its deadline on Tuesday 7 May (1 May is a holiday).
/// </summary>
public class InitialAssessmentIndicatorTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    private static IEnumerable<string> EnrolledMonday29April(string caseRef) =>
        [Referral(caseRef, Person(), "2024-04-22"), Enrolment(caseRef, "2024-04-29")];

    [Fact]
    public async Task Assessed_on_the_deadline_is_met_and_a_day_later_missed_with_the_May_Day_holiday_inside_the_five_days()
    {
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), Assessment("K-1", "2024-05-07"),
            .. EnrolledMonday29April("K-2"), Assessment("K-2", "2024-05-08"),
            // The in-depth one is an assessment too: the first of any instrument counts.
            .. EnrolledMonday29April("K-3"), Assessment("K-3", "2024-05-06", instrument: "InDepth", availability: "NotAvailable", needCategory: "LongTermAdapted"),
        ]);

        var report = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 2, Missed: 1, Pending: 0, Excluded: 0, Rate: 2 / 3.0), report.Total.InitialAssessment);
        // The plans are another indicator: none was agreed, so the job guarantee is missed for all three.
        Assert.Equal(new(Met: 0, Missed: 3, Pending: 0, Excluded: 0, Rate: 0.0), report.Total.JobGuarantee);
    }

    [Fact]
    public async Task An_assessment_before_enrolment_is_met_and_a_later_one_does_not_move_A1()
    {
        var stream = Stream([
            Referral("K-1", Person(), "2024-04-22"), Assessment("K-1", "2024-04-22", availability: "PartlyAvailable", needCategory: "Situational"),
            Enrolment("K-1", "2024-04-29"), Assessment("K-1", "2024-06-01", instrument: "InDepth"),
        ]);

        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(stream);
        var report = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 1, Missed: 0, Pending: 0, Excluded: 0, Rate: 1.0), report.Total.InitialAssessment);
        var behind = await scenario.CasesBehindAsync("initialAssessment.met", ScenarioDatabase.Date("2024-04-01"), ScenarioDatabase.Date("2024-04-30"),
            ScenarioDatabase.Date("2024-12-31"));
        var counted = Assert.Single(behind);
        Assert.Equal(("K-1", (DateOnly?)new DateOnly(2024, 4, 22), (DateOnly?)new DateOnly(2024, 5, 7)), (counted.CaseRef, counted.FirstAssessment, counted.Deadline));
    }

    [Fact]
    public async Task Closed_on_the_deadline_without_an_assessment_is_excluded_and_closed_a_day_later_missed()
    {
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), Closure("K-1", "2024-05-07", "Other"),
            .. EnrolledMonday29April("K-2"), Closure("K-2", "2024-05-08", "Other"),
            // Assessed on the day it closed, the deadline: met, not excluded.
            .. EnrolledMonday29April("K-3"), Assessment("K-3", "2024-05-07"), Closure("K-3", "2024-05-07", "Work"),
        ]);

        var report = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 1, Missed: 1, Pending: 0, Excluded: 1, Rate: 0.5), report.Total.InitialAssessment);
    }

    [Fact]
    public async Task Without_an_assessment_a_case_is_pending_up_to_its_deadline_and_one_dated_after_as_of_has_not_happened()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream([
            .. EnrolledMonday29April("K-1"),
            .. EnrolledMonday29April("K-2"), Assessment("K-2", "2024-05-08"),
            .. EnrolledMonday29April("K-3"), Assessment("K-3", "2024-05-06"),
        ]));

        var onEnrolmentDay = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-04-29");
        var onTheDeadline = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-05-07");
        var dayAfter = await scenario.ReportAsync("2024-04-01", "2024-04-30", asOf: "2024-05-08");

        Assert.Equal(new(Met: 0, Missed: 0, Pending: 3, Excluded: 0, Rate: null), onEnrolmentDay.Total.InitialAssessment);
        Assert.Equal(new(Met: 1, Missed: 0, Pending: 2, Excluded: 0, Rate: 1.0), onTheDeadline.Total.InitialAssessment);
        Assert.Equal(new(Met: 1, Missed: 2, Pending: 0, Excluded: 0, Rate: 1 / 3.0), dayAfter.Total.InitialAssessment);
    }

    [Fact]
    public async Task A_pause_before_the_deadline_moves_it_and_an_open_pause_stops_the_clock()
    {
        // Paused Tuesday 30 April, resumed Monday 6 May: 6, 7, 8, 10 and 13 May are the five days (9 May 2024 is Ascension
        // Day), D = 13 May instead of 7 May.
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), Pause("K-1", "2024-04-30"), Resume("K-1", "2024-05-06"), Assessment("K-1", "2024-05-13"),
            .. EnrolledMonday29April("K-2"), Pause("K-2", "2024-04-30"), Resume("K-2", "2024-05-06"), Assessment("K-2", "2024-05-14"),
            .. EnrolledMonday29April("K-3"), Pause("K-3", "2024-04-30"),
        ]);

        var report = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31");

        Assert.Equal(new(Met: 1, Missed: 1, Pending: 1, Excluded: 0, Rate: 0.5), report.Total.InitialAssessment);
    }

    [Fact]
    public async Task Only_cases_newly_enrolled_in_the_period_are_measured_and_the_groups_add_up()
    {
        var stream = Stream([
            .. EnrolledMonday29April("K-1"), Assessment("K-1", "2024-05-02"),
            Referral("K-2", Person(), "2024-05-02", gender: "M"), Enrolment("K-2", "2024-05-02"), Assessment("K-2", "2024-05-20"),
            // Never enrolled: an assessment but no deadline.
            Referral("K-3", Person(), "2024-04-10"), Assessment("K-3", "2024-04-11"),
        ]);

        var april = await ScenarioDatabase.ReportAsync(stream, "2024-04-01", "2024-04-30", asOf: "2024-12-31", GroupBy.Gender);

        Assert.Equal(new(Met: 1, Missed: 0, Pending: 0, Excluded: 0, Rate: 1.0), april.Total.InitialAssessment);
        Assert.Equal(new(Met: 1, Missed: 0, Pending: 0, Excluded: 0, Rate: 1.0), april.Groups!["F"].InitialAssessment);
        Assert.Equal(new(Met: 0, Missed: 0, Pending: 0, Excluded: 0, Rate: null), april.Groups["M"].InitialAssessment);
    }

    [Fact]
    public async Task Open_cases_on_a_day_are_counted_by_their_latest_assessment_up_to_that_day()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream([
            // Superseded by the in-depth one before the day.
            .. EnrolledMonday29April("K-1"), Assessment("K-1", "2024-04-30", availability: "PartlyAvailable", needCategory: "Situational"),
            Assessment("K-1", "2024-05-15", instrument: "InDepth", availability: "NotAvailable", needCategory: "LongTermAdapted"),
            // Its later assessment comes after the day: the earlier one counts.
            .. EnrolledMonday29April("K-2"), Assessment("K-2", "2024-05-02"), Assessment("K-2", "2024-06-03", availability: "PartlyAvailable"),
            // Referred, not enrolled, assessed by the district.
            Referral("K-3", Person(), "2024-05-20"), Assessment("K-3", "2024-05-21"),
            // Not assessed by the day.
            .. EnrolledMonday29April("K-4"), Assessment("K-4", "2024-06-01"),
            // Closed on the day: no longer open at its end.
            .. EnrolledMonday29April("K-5"), Assessment("K-5", "2024-05-02"), Closure("K-5", "2024-05-31", "Work"),
            // Referred after the day.
            Referral("K-6", Person(), "2024-06-01"), Assessment("K-6", "2024-06-01"),
        ]));

        var counts = await scenario.AssessedOpenCasesAsync(ScenarioDatabase.Date("2024-05-31"));

        Assert.Equal(4, counts.Total);
        Assert.Equal(1, counts.NotAssessed);
        Assert.Equal(1, counts.Count(Availability.NotAvailable, NeedCategory.LongTermAdapted));
        Assert.Equal(2, counts.Count(Availability.Available, NeedCategory.Standard));
        Assert.Equal(0, counts.Count(Availability.PartlyAvailable));
    }
}
