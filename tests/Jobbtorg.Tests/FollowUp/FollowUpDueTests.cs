using Jobbtorg.Features.FollowUp;

namespace Jobbtorg.Tests.FollowUp;

/// <summary>When a follow-up question is due: the benefit check in the calendar month of closure + 6 months, the
/// municipal-job question from the job's end + 3 months (clamped to the month's end) through its 31-day window.</summary>
public sealed class FollowUpDueTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Theory]
    [InlineData("2025-09-15", "2026-03-01")]
    [InlineData("2025-08-31", "2026-02-01")] // 31 August + 6 months is 28 February: still February
    [InlineData("2023-08-31", "2024-02-01")] // leap year: 29 February, February
    [InlineData("2023-08-29", "2024-02-01")]
    [InlineData("2025-12-31", "2026-06-01")] // over the year's end, 30 June
    [InlineData("2025-07-01", "2026-01-01")]
    public void The_benefit_check_asks_about_the_calendar_month_six_months_after_closure(string closed, string month) =>
        Assert.Equal(D(month), FollowUpDue.BenefitCheckMonth(D(closed)));

    [Theory]
    [InlineData("2025-08-31", "2026-01-31", FollowUpUrgency.NotYet)]
    [InlineData("2025-08-31", "2026-02-01", FollowUpUrgency.Due)]
    [InlineData("2025-08-31", "2026-02-28", FollowUpUrgency.Due)]
    [InlineData("2025-08-31", "2026-03-01", FollowUpUrgency.Overdue)]
    [InlineData("2023-08-31", "2024-02-29", FollowUpUrgency.Due)]      // the leap day is still the month
    [InlineData("2023-08-31", "2024-03-01", FollowUpUrgency.Overdue)]
    public void The_benefit_check_is_due_through_its_month_and_overdue_after(string closed, string today, FollowUpUrgency expected) =>
        Assert.Equal(expected, FollowUpDue.BenefitCheck(D(closed), D(today)));

    [Theory]
    [InlineData("2025-05-31", "2025-08-31")]
    [InlineData("2025-11-30", "2026-02-28")] // clamped to February's end
    [InlineData("2023-11-30", "2024-02-29")] // leap year
    [InlineData("2023-11-29", "2024-02-29")]
    [InlineData("2025-10-31", "2026-01-31")]
    [InlineData("2025-12-31", "2026-03-31")]
    public void The_municipal_job_question_is_asked_three_months_after_the_job_ended(string end, string day) =>
        Assert.Equal(D(day), FollowUpDue.MunicipalJobDay(D(end)));

    [Theory]
    [InlineData("2023-11-30", "2024-02-28", FollowUpUrgency.NotYet)]
    [InlineData("2023-11-30", "2024-02-29", FollowUpUrgency.Due)]
    [InlineData("2023-11-30", "2024-03-31", FollowUpUrgency.Due)]      // 29 February + 31 days: the window's last day
    [InlineData("2023-11-30", "2024-04-01", FollowUpUrgency.Overdue)]
    [InlineData("2025-11-30", "2026-03-31", FollowUpUrgency.Due)]      // 28 February + 31 days
    [InlineData("2025-11-30", "2026-04-01", FollowUpUrgency.Overdue)]
    public void The_municipal_job_question_is_due_through_its_window_and_overdue_after(string end, string today, FollowUpUrgency expected) =>
        Assert.Equal(expected, FollowUpDue.MunicipalJob(D(end), D(today)));

    [Fact]
    public void The_window_is_the_indicators_31_days_either_side_inclusive()
    {
        var (first, last) = FollowUpDue.ObservationWindow(D("2024-02-29"));
        Assert.Equal((D("2024-01-29"), D("2024-03-31")), (first, last));
    }

    [Theory]
    [InlineData(FollowUpSource.Register, FollowUpSource.Call, true)]
    [InlineData(FollowUpSource.Register, FollowUpSource.Letter, true)]
    [InlineData(FollowUpSource.Register, FollowUpSource.Register, true)]  // a later register value corrects an earlier one
    [InlineData(FollowUpSource.Call, FollowUpSource.Register, false)]     // a call never overrides the register
    [InlineData(FollowUpSource.Letter, FollowUpSource.Register, false)]
    [InlineData(FollowUpSource.Call, FollowUpSource.Letter, true)]        // between calls and letters the later one stands
    [InlineData(FollowUpSource.Letter, FollowUpSource.Call, true)]
    public void A_register_value_wins_over_a_call_or_a_letter_for_the_same_month(FollowUpSource incoming, FollowUpSource held, bool replaces) =>
        Assert.Equal(replaces, FollowUpPrecedence.Replaces(incoming, held));
}
