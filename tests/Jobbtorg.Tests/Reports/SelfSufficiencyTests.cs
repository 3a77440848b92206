using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// Self-sufficient within 12 months of enrolment (benefit recipients, and everyone) and still self-supporting in the
/// sixth month after closure, with month ends clamped the way the calendar does: 29 February + 12 months is
/// 28 February, 31 August + 6 months is 28 February.
/// </summary>
public class SelfSufficiencyTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    [Fact]
    public async Task Twelve_months_after_an_enrolment_on_29_February_ends_on_28_February()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            Referral("K-1", Person(), "2024-02-20"), Enrolment("K-1", "2024-02-29"), Closure("K-1", "2025-02-28", "Work"),
            Referral("K-2", Person(), "2024-02-20"), Enrolment("K-2", "2024-02-29"), Closure("K-2", "2025-03-01", "Studies"),
            Referral("K-3", Person(), "2024-02-20"), Enrolment("K-3", "2024-03-01")));

        var february = (await scenario.ReportAsync("2025-02-01", "2025-02-28", asOf: "2025-06-30")).Total;
        var march = (await scenario.ReportAsync("2025-03-01", "2025-03-31", asOf: "2025-06-30")).Total;

        Assert.Equal(new(1, 2, 0.5), february.SelfSufficientWithin12Months);
        Assert.Equal(new(1, 2, 0.5), february.SelfSufficientWithin12MonthsAll);
        Assert.Equal(new(0, 1, 0.0), march.SelfSufficientWithin12Months);
    }

    [Fact]
    public async Task Enrolled_on_31_January_the_twelve_months_end_on_31_January()
    {
        var stream = Stream(Referral("K-1", Person(), "2024-01-15"), Enrolment("K-1", "2024-01-31"), Closure("K-1", "2025-01-31", "Work"));

        var lastOfJanuary = (await ScenarioDatabase.ReportAsync(stream, "2025-01-31", "2025-01-31", asOf: "2025-06-30")).Total;
        var february = (await ScenarioDatabase.ReportAsync(stream, "2025-02-01", "2025-02-28", asOf: "2025-06-30")).Total;

        Assert.Equal(new(1, 1, 1.0), lastOfJanuary.SelfSufficientWithin12Months);
        Assert.Equal(new(0, 0, null), february.SelfSufficientWithin12Months);
    }

    [Fact]
    public async Task The_first_variant_counts_benefit_recipients_only_and_only_self_sufficiency_reasons_count_as_success()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            // Closed to an employment programme long before the period: the twelve months end in it, a success.
            Referral("K-1", Person(), "2024-01-02"), Enrolment("K-1", "2024-01-31"), Closure("K-1", "2024-06-15", "EmploymentProgramme"),
            // Not on benefit: counted in the variant for all only.
            Referral("K-2", Person(), "2024-01-02", receivesBenefit: false), Enrolment("K-2", "2024-01-10"), Closure("K-2", "2024-12-01", "Work"),
            // Closed for another reason, and still open: measured, no success.
            Referral("K-3", Person(), "2024-01-02"), Enrolment("K-3", "2024-01-15"), Closure("K-3", "2024-05-01", "Other"),
            Referral("K-4", Person(), "2024-01-02"), Enrolment("K-4", "2024-01-20"),
            // Closed to work on the last day of the twelve months.
            Referral("K-5", Person(), "2024-01-02"), Enrolment("K-5", "2024-01-25"), Closure("K-5", "2025-01-25", "Work"),
            // Twelve months ended on 31 December: outside the period.
            Referral("K-6", Person(), "2023-12-01"), Enrolment("K-6", "2023-12-31"), Closure("K-6", "2024-03-01", "Work")));

        var january = (await scenario.ReportAsync("2025-01-01", "2025-01-31", asOf: "2025-06-30")).Total;
        var beforeK5Closed = (await scenario.ReportAsync("2025-01-01", "2025-01-31", asOf: "2025-01-24")).Total;

        Assert.Equal(new(2, 4, 0.5), january.SelfSufficientWithin12Months);
        Assert.Equal(new(3, 5, 0.6), january.SelfSufficientWithin12MonthsAll);
        Assert.Equal(new(1, 4, 0.25), beforeK5Closed.SelfSufficientWithin12Months);
        Assert.Equal(new(2, 5, 0.4), beforeK5Closed.SelfSufficientWithin12MonthsAll);
    }

    [Fact]
    public async Task Still_self_supporting_reads_the_benefit_status_of_the_calendar_month_six_months_after_closure()
    {
        string[] people = [.. Enumerable.Range(0, 6).Select(_ => Person())];
        IEnumerable<string> Enrolled(int i, bool benefit = true) =>
            [Referral($"K-{i}", people[i], "2024-02-20", receivesBenefit: benefit), Enrolment($"K-{i}", "2024-03-01")];
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream([
            // 31 August + 6 months is 28 February: no benefit in February 2025.
            .. Enrolled(0), Closure("K-0", "2024-08-31", "Work"), BenefitMonth(people[0], "2025-02", false),
            // Back on benefit in February.
            .. Enrolled(1), Closure("K-1", "2024-08-01", "Studies"), BenefitMonth(people[1], "2025-02", true),
            // Only the months around February are known: unknown.
            .. Enrolled(2), Closure("K-2", "2024-08-15", "EmploymentProgramme"),
            BenefitMonth(people[2], "2025-01", false), BenefitMonth(people[2], "2025-03", false),
            // Not on benefit at referral, or closed for another reason: not followed up.
            .. Enrolled(3, benefit: false), Closure("K-3", "2024-08-20", "Work"), BenefitMonth(people[3], "2025-02", false),
            .. Enrolled(4), Closure("K-4", "2024-08-10", "Other"), BenefitMonth(people[4], "2025-02", false),
            // Closed 1 September: followed up in March.
            .. Enrolled(5), Closure("K-5", "2024-09-01", "Work"), BenefitMonth(people[5], "2025-03", false),
        ]));

        var february = (await scenario.ReportAsync("2025-02-01", "2025-02-28", asOf: "2025-06-30")).Total;
        var februaryLessItsLastDay = (await scenario.ReportAsync("2025-02-01", "2025-02-27", asOf: "2025-06-30")).Total;
        var secondFebruaryToMarch = (await scenario.ReportAsync("2025-02-02", "2025-03-31", asOf: "2025-06-30")).Total;
        var beforeFebruaryIsReported = (await scenario.ReportAsync("2025-02-01", "2025-02-28", asOf: "2025-01-31")).Total;
        var onFirstOfFebruary = (await scenario.ReportAsync("2025-02-01", "2025-02-28", asOf: "2025-02-01")).Total;

        Assert.Equal(new(Numerator: 1, Denominator: 2, Unknown: 1, Rate: 0.5), february.StillSelfSupporting6Months);
        Assert.Equal(new(0, 0, 0, null), februaryLessItsLastDay.StillSelfSupporting6Months);
        Assert.Equal(new(1, 1, 0, 1.0), secondFebruaryToMarch.StillSelfSupporting6Months);
        Assert.Equal(new(0, 0, 3, null), beforeFebruaryIsReported.StillSelfSupporting6Months);
        Assert.Equal(new(1, 2, 1, 0.5), onFirstOfFebruary.StillSelfSupporting6Months);
    }
}
