using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>Median calendar days from referral to the first attended info meeting and to enrolment, for cases
/// enrolled in the period; the mean of the two middle values for an even count.</summary>
public class WaitingTimeTests
{
    private static readonly DateOnly Enrolled = new(2024, 3, 15);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>A case enrolled on 15 March 2024, referred <paramref name="daysBefore"/> days earlier, attending info
    /// meetings on the given days after the referral (a negative day is a meeting the person did not attend).</summary>
    private static IEnumerable<string> Case(string caseRef, int daysBefore, params int[] meetings)
    {
        var referral = Enrolled.AddDays(-daysBefore);
        return [
            Referral(caseRef, TestPeople.Adult(referral), Iso(referral)),
            .. meetings.Select(day => InfoMeeting(caseRef, Iso(referral.AddDays(Math.Abs(day))), attended: day > 0)),
            Enrolment(caseRef, Iso(Enrolled)),
        ];
    }

    [Fact]
    public async Task Odd_count_takes_the_middle_value_and_only_attended_meetings_count()
    {
        var stream = Stream([
            .. Case("K-1", 5, 3),
            .. Case("K-2", 10, -2, 7, 9), // missed the first meeting, attended on day 7
            .. Case("K-3", 30, -12),      // never attended: left out of the info-meeting median
            // Enrolled in February: outside the period.
            Referral("K-4", TestPeople.Adult(Enrolled), "2024-01-02"), InfoMeeting("K-4", "2024-01-03"), Enrolment("K-4", "2024-02-28"),
        ]);

        var march = (await ScenarioDatabase.ReportAsync(stream, "2024-03-01", "2024-03-31", asOf: "2024-06-30")).Total;

        Assert.Equal(10.0, march.MedianDaysReferralToEnrolment);
        Assert.Equal(5.0, march.MedianDaysReferralToInfoMeeting); // 3 and 7
    }

    [Fact]
    public async Task Even_count_takes_the_mean_of_the_two_middle_values()
    {
        var stream = Stream([
            .. Case("K-1", 4, 1),
            .. Case("K-2", 6, 2),
            .. Case("K-3", 10, 9),
            .. Case("K-4", 100),
        ]);

        var march = (await ScenarioDatabase.ReportAsync(stream, "2024-03-01", "2024-03-31", asOf: "2024-06-30")).Total;

        Assert.Equal(8.0, march.MedianDaysReferralToEnrolment);
        Assert.Equal(2.0, march.MedianDaysReferralToInfoMeeting);
    }

    [Fact]
    public async Task A_case_enrolled_after_as_of_is_not_measured()
    {
        var stream = Stream([
            .. Case("K-1", 4, 1),
            Referral("K-2", TestPeople.Adult(Enrolled), "2024-03-01"), InfoMeeting("K-2", "2024-03-12"), Enrolment("K-2", "2024-03-25"),
        ]);

        var seenOn20March = (await ScenarioDatabase.ReportAsync(stream, "2024-03-01", "2024-03-31", asOf: "2024-03-20")).Total;
        var seenInJune = (await ScenarioDatabase.ReportAsync(stream, "2024-03-01", "2024-03-31", asOf: "2024-06-30")).Total;

        Assert.Equal(4.0, seenOn20March.MedianDaysReferralToEnrolment);
        Assert.Equal(1.0, seenOn20March.MedianDaysReferralToInfoMeeting);
        Assert.Equal(14.0, seenInJune.MedianDaysReferralToEnrolment);   // 4 and 24
        Assert.Equal(6.0, seenInJune.MedianDaysReferralToInfoMeeting);  // 1 and 11
    }
}
