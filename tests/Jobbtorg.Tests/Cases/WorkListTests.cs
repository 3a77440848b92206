using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Cases;

/// <summary>A coach's cases grouped by what to do next, and the next step of a referral waiting for enrolment.</summary>
public class WorkListTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Working_days_are_counted_to_the_due_date_and_past_it_holidays_left_out()
    {
        // Deadline Tue 7 May 2024; 1 May is a holiday.
        Assert.Equal(4, WorkList.WorkingDaysLeft(D("2024-05-07"), D("2024-04-30")));
        Assert.Equal(0, WorkList.WorkingDaysLeft(D("2024-05-07"), D("2024-05-07")));
        Assert.Equal(-1, WorkList.WorkingDaysLeft(D("2024-05-07"), D("2024-05-08")));
        // Due on a Friday, seen on the Saturday: late all the same.
        Assert.Equal(-1, WorkList.WorkingDaysLeft(D("2024-05-10"), D("2024-05-11")));
    }

    [Fact]
    public void A_paused_case_waits_for_its_resumption_whatever_else_is_due()
    {
        var c = new CaseBuilder().ReferredOn(D("2024-01-02")).EnrolledOn(D("2024-01-08")).WithPlanAgreedOn(D("2024-01-10")).PausedOn(D("2024-03-01")).Build();

        var item = WorkList.ItemOf(c, D("2024-04-20")); // the review was due 10 April
        Assert.Equal(WorkGroup.Paused, item.Group);
        Assert.Null(item.WorkingDaysLeft);
    }

    [Fact]
    public void Groups_come_in_the_order_of_what_to_do_and_the_latest_first_within_each()
    {
        var today = D("2024-05-20");
        var reviewLate = new CaseBuilder().WithId(1).ReferredOn(D("2024-01-02")).EnrolledOn(D("2024-01-08")).WithPlanAgreedOn(D("2024-01-10")).Build();
        var planLate = new CaseBuilder().WithId(2).ReferredOn(D("2024-05-02")).EnrolledOn(D("2024-05-06")).Build();
        var planLater = new CaseBuilder().WithId(3).ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-04-29")).Build();
        var calm = new CaseBuilder().WithId(4).EnrolledOn(D("2024-04-29")).WithPlanAgreedOn(D("2024-04-30")).Build();

        var groups = WorkList.Of([calm, reviewLate, planLate, planLater], today);

        Assert.Equal([WorkGroup.WritePlan, WorkGroup.ReviewPlan, WorkGroup.NothingDue], groups.Select(g => g.Group));
        Assert.Equal([3, 2], groups[0].Items.Select(i => i.Case.Id)); // deadline 7 May before 14 May (Ascension Day 9 May)
        Assert.True(groups[0].Items[0].IsLate);
        Assert.Equal(D("2024-04-10"), groups[1].Items[0].Due);
    }

    [Fact]
    public void A_referral_that_came_to_its_meeting_is_enrolled_first_and_those_waiting_for_one_come_last()
    {
        var today = D("2024-05-20");
        AwaitingCase With(int id, MeetingState state, DateOnly? date = null) =>
            new(new CaseBuilder().WithId(id).ReferredOn(D("2024-05-02")).Build(), state,
                date is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) : null, date, false);
        var cases = new[]
        {
            With(1, MeetingState.Booked, D("2024-05-28")), With(2, MeetingState.WaitingList), With(3, MeetingState.NotBooked),
            With(4, MeetingState.NoShow, D("2024-05-14")), With(5, MeetingState.Booked, D("2024-05-20")), With(6, MeetingState.Attended, D("2024-05-14")),
        };

        var ordered = AwaitingCase.MostUrgentFirst(cases, today);

        Assert.Equal([6, 5, 4, 3, 2, 1], ordered.Select(a => a.Case.Id));
        Assert.Equal([EnrolmentStep.Enrol, EnrolmentStep.RecordAttendance, EnrolmentStep.BookAgain, EnrolmentStep.Book, EnrolmentStep.WaitForPlace,
            EnrolmentStep.WaitForMeeting], ordered.Select(a => a.NextStep(today)));
    }
}
