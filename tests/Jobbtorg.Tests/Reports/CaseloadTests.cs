using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>Open enrolled cases per coach at the end of a day: paused cases are still the coach's, a case closed
/// that day is not.</summary>
public class CaseloadTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    [Fact]
    public async Task Caseload_counts_open_and_paused_cases_per_coach_at_the_end_of_the_day()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            Referral("K-1", Person(), "2024-01-02"), Enrolment("K-1", "2024-01-10", coach: "coach-1"),
            Referral("K-2", Person(), "2024-01-02"), Enrolment("K-2", "2024-01-10", coach: "coach-1"), Pause("K-2", "2024-05-01"),
            Referral("K-3", Person(), "2024-01-02"), Enrolment("K-3", "2024-01-10", coach: "coach-1"), Closure("K-3", "2024-06-30", "Work"),
            Referral("K-4", Person(), "2024-01-02"), Enrolment("K-4", "2024-02-10", coach: "coach-2"),
            Referral("K-5", Person(), "2024-06-02"), Enrolment("K-5", "2024-07-01", coach: "coach-2"),
            Referral("K-6", Person(), "2024-01-02"), Enrolment("K-6", "2024-03-10", coach: "coach-2"), Closure("K-6", "2024-07-01", "Studies"),
            Referral("K-7", Person(), "2024-01-02"), Enrolment("K-7", "2024-03-12", coach: "coach-2"),
            Referral("K-8", Person(), "2024-06-20", district: "farsta")));

        var asOf = new DateOnly(2024, 12, 31);

        Assert.Equal([new CoachCaseload("coach-2", 3), new CoachCaseload("coach-1", 2)], await scenario.CaseloadAsync(new DateOnly(2024, 6, 30), asOf));
        Assert.Equal([new CoachCaseload("coach-2", 3), new CoachCaseload("coach-1", 2)], await scenario.CaseloadAsync(new DateOnly(2024, 7, 1), asOf));
        Assert.Equal([new CoachCaseload("coach-1", 3), new CoachCaseload("coach-2", 1)], await scenario.CaseloadAsync(new DateOnly(2024, 2, 10), asOf));
    }
}
