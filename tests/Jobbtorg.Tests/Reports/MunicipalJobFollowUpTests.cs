using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// Working or studying three months after a municipal job: the occupation status nearest to end + 3 months and at
/// most 31 days from it, the earlier one on a tie. A job ending 30 November is followed up on 28 February.
/// </summary>
public class MunicipalJobFollowUpTests
{
    [Fact]
    public async Task The_observation_nearest_three_months_after_the_job_counts_within_31_days_and_the_earlier_wins_a_tie()
    {
        string[] people = [.. Enumerable.Range(0, 8).Select(_ => TestPeople.Adult(new DateOnly(2024, 1, 1)))];
        IEnumerable<string> MunicipalJob(int i, string? end, string kind = "MunicipalJob") =>
        [
            Referral($"K-{i}", people[i], "2024-04-15"), Enrolment($"K-{i}", "2024-05-02"), PlanAgreed($"K-{i}", "2024-05-06"),
            Placement($"K-{i}", kind, "2024-06-01", end),
        ];
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream([
            // Followed up on 28 February 2025. 28 January is 31 days before: counts.
            .. MunicipalJob(0, "2024-11-30"), OccupationStatus(people[0], "2025-01-28", "Working"),
            // 27 January is 32 days before: unknown.
            .. MunicipalJob(1, "2024-11-30"), OccupationStatus(people[1], "2025-01-27", "Working"),
            // Three days either side: the earlier one.
            .. MunicipalJob(2, "2024-11-30"), OccupationStatus(people[2], "2025-02-25", "Neither"), OccupationStatus(people[2], "2025-03-03", "Working"),
            // Ten days before and two days after: the nearer one.
            .. MunicipalJob(3, "2024-11-30"), OccupationStatus(people[3], "2025-02-18", "Working"), OccupationStatus(people[3], "2025-03-02", "Neither"),
            // Not a municipal job, or one with no end: not followed up.
            .. MunicipalJob(4, "2024-11-30", kind: "Internship"), OccupationStatus(people[4], "2025-02-28", "Working"),
            .. MunicipalJob(5, end: null), OccupationStatus(people[5], "2025-02-28", "Working"),
            // Followed up on 31 January: outside the period.
            .. MunicipalJob(6, "2024-10-31"), OccupationStatus(people[6], "2025-02-01", "Working"),
            // Followed up on 15 February; studying 31 days later.
            .. MunicipalJob(7, "2024-11-15"), OccupationStatus(people[7], "2025-03-18", "Studying"),
        ]));

        var february = (await scenario.ReportAsync("2025-02-01", "2025-02-28", asOf: "2025-06-30")).Total;
        // As of 1 March the observations of March have not been made: K-3's nearest is then 18 February, K-7 has none.
        var onFirstOfMarch = (await scenario.ReportAsync("2025-02-01", "2025-02-28", asOf: "2025-03-01")).Total;

        Assert.Equal(new(Numerator: 2, Denominator: 4, Unknown: 1, Rate: 0.5), february.WorkingOrStudying3MonthsAfterMunicipalJob);
        Assert.Equal(new(Numerator: 2, Denominator: 3, Unknown: 2, Rate: 2 / 3.0), onFirstOfMarch.WorkingOrStudying3MonthsAfterMunicipalJob);
    }

    [Fact]
    public async Task Each_municipal_job_of_a_case_is_followed_up_on_its_own()
    {
        var pn = TestPeople.Adult(new DateOnly(2024, 1, 1));
        var stream = Stream(
            Referral("K-1", pn, "2023-12-01"), Enrolment("K-1", "2024-01-08"),
            Placement("K-1", "MunicipalJob", "2024-02-01", "2024-04-30"), Placement("K-1", "MunicipalJob", "2024-05-15", "2024-08-31"),
            Closure("K-1", "2024-09-02", "Work"),
            OccupationStatus(pn, "2024-07-30", "Working"), OccupationStatus(pn, "2024-11-29", "Neither"));

        var year = (await ScenarioDatabase.ReportAsync(stream, "2024-01-01", "2024-12-31", asOf: "2025-06-30")).Total;

        Assert.Equal(new(Numerator: 1, Denominator: 2, Unknown: 0, Rate: 0.5), year.WorkingOrStudying3MonthsAfterMunicipalJob);
    }
}
