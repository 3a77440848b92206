using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Builders;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>The info meeting's own rules: scheduling, booking a case, recording what happened and cancelling.</summary>
public class InfoMeetingRulesTests
{
    private static readonly DateTimeOffset Now = InfoMeetingBuilder.Now;
    private static readonly DateOnly Today = new(2024, 5, 6);

    private static Case Referred() => new CaseBuilder().Build();

    private static Case ReferredYouth()
    {
        var c = new CaseBuilder().Build();
        c.Participant.PersonalNumber = TestPeople.Aged(18, 22, c.ReferralDate);
        return c;
    }

    private static MeetingRequest Request(DateOnly date, string time = "09:30", int weeks = 1) => new()
    {
        JobCentre = "farsta", Kind = MeetingKind.Adult, Date = date, Time = TimeOnly.Parse(time), DurationMinutes = 90, Room = " Sal 1 ",
        Capacity = 15, Language = "svenska", Weeks = weeks,
    };

    private static Scheduling Schedule(MeetingRequest request) => InfoMeeting.Schedule(request, CaseBuilder.FarstaJobCentreId, "Maria Chef", Now);

    private static Dictionary<string, string> Refusals(Scheduling scheduling)
    {
        Assert.Empty(scheduling.Meetings);
        return scheduling.Broken.ToDictionary(r => r.Field, r => r.Template);
    }

    // ---- Scheduling ----

    [Fact]
    public void A_weekly_recurrence_is_one_meeting_a_week_at_the_same_Stockholm_time_in_one_series()
    {
        // Across the change to summer time on 31 March 2024: always 13:15 in Stockholm.
        var scheduling = InfoMeeting.Schedule(Request(new DateOnly(2024, 3, 19), "13:15", weeks: 3), CaseBuilder.FarstaJobCentreId, "Maria Chef",
            CaseBuilder.At(new DateOnly(2024, 3, 1)));

        Assert.Empty(scheduling.Broken);
        Assert.Equal(3, scheduling.Meetings.Count);
        Assert.Equal([new DateTimeOffset(2024, 3, 19, 12, 15, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 26, 12, 15, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 4, 2, 11, 15, 0, TimeSpan.Zero)], scheduling.Meetings.Select(m => m.StartsAt));
        Assert.All(scheduling.Meetings, m => Assert.Equal(new TimeOnly(13, 15), TimeOnly.FromDateTime(m.LocalStart.DateTime)));
        Assert.Equal([new DateOnly(2024, 3, 18), new DateOnly(2024, 3, 25), new DateOnly(2024, 4, 1)], scheduling.Meetings.Select(m => m.WeekStart));
        Assert.NotNull(scheduling.Meetings[0].SeriesId);
        Assert.All(scheduling.Meetings, m => Assert.Equal(scheduling.Meetings[0].SeriesId, m.SeriesId));
        Assert.All(scheduling.Meetings, m => Assert.Equal(("Sal 1", 15, 0, 15, "Maria Chef"), (m.Room, m.Capacity, m.BookedSeats, m.FreeSeats, m.CreatedBy)));
    }

    [Fact]
    public void A_single_meeting_belongs_to_no_series()
    {
        var meeting = Schedule(Request(new DateOnly(2024, 5, 14))).Meetings.Single();
        Assert.Null(meeting.SeriesId);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 7, 30, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal(meeting.StartsAt.AddMinutes(90), meeting.EndsAt);
        Assert.Equal(new DateOnly(2024, 5, 14), meeting.Day);
    }

    [Fact]
    public void Every_field_that_is_missing_or_out_of_range_is_named_and_no_meeting_is_made()
    {
        var refused = Refusals(Schedule(new MeetingRequest
        {
            DurationMinutes = 5, Weeks = 60, Capacity = InfoMeeting.MaxCapacity + 1, Room = new string('x', 101), Language = " ",
        }));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Kind"] = "Choose adult or youth meeting.",
            ["Date"] = "Enter the date of the meeting.",
            ["Time"] = "Enter the time the meeting starts.",
            ["DurationMinutes"] = "The meeting lasts between {0} and {1} minutes.",
            ["Room"] = "The room may be at most {0} characters.",
            ["Capacity"] = "The number of seats is between {0} and {1}.",
            ["Language"] = "Enter the language of the meeting.",
            ["Weeks"] = "A weekly recurrence covers 1 to {0} weeks.",
        }, refused);
        var capacity = Schedule(new MeetingRequest { Capacity = 0 }).Broken.Single(r => r.Field == "Capacity");
        Assert.Equal(new object[] { 1, InfoMeeting.MaxCapacity }, capacity.Args);
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        var request = Request(new DateOnly(2024, 5, 14), weeks: InfoMeeting.MaxWeeks) with
        {
            DurationMinutes = InfoMeeting.MaxDurationMinutes, Capacity = InfoMeeting.MaxCapacity, Room = new string('x', InfoMeeting.MaxRoomLength),
        };
        Assert.Equal(InfoMeeting.MaxWeeks, Schedule(request).Meetings.Count);
        Assert.Single(Schedule(Request(new DateOnly(2024, 5, 14)) with { DurationMinutes = InfoMeeting.MinDurationMinutes, Capacity = 1 }).Meetings);
    }

    [Fact]
    public void A_meeting_starts_in_the_future_and_a_series_ends_at_most_two_years_ahead()
    {
        Assert.Equal("The meeting must start in the future.", Refusals(Schedule(Request(Today, "08:59")))["Date"]);
        Assert.Equal("The meeting must start in the future.", Refusals(Schedule(Request(Today, "09:00")))["Date"]);
        Assert.Single(Schedule(Request(Today, "09:01")).Meetings);

        Assert.StartsWith("The date {0} is too far ahead", Refusals(Schedule(Request(new DateOnly(2026, 5, 7))))["Date"]);
        Assert.Single(Schedule(Request(new DateOnly(2026, 5, 6))).Meetings);
        // Each meeting would be in time, but the last week of the series is not.
        Assert.StartsWith("The date {0} is too far ahead", Refusals(Schedule(Request(new DateOnly(2026, 4, 30), weeks: 2)))["Date"]);
    }

    [Fact]
    public void A_time_that_does_not_exist_in_Swedish_time_is_named_with_its_day()
    {
        var request = Request(new DateOnly(2025, 3, 23), "02:30", weeks: 2);
        var refused = Schedule(request).Broken.Single();
        Assert.Equal(("Time", "{0} {1} does not exist in Swedish time (the clocks are put forward)."), (refused.Field, refused.Template));
        Assert.Equal(new DateOnly(2025, 3, 30), refused.Args[0]);
    }

    [Fact]
    public void Text_that_is_not_text_is_refused_in_the_room_and_the_language()
    {
        var refused = Refusals(Schedule(Request(new DateOnly(2024, 5, 14)) with { Room = "Sal\0 1", Language = "sven\uFFFDska" }));
        Assert.Equal("The text contains a NUL character, which is not allowed.", refused["Room"]);
        Assert.Equal("The text contains characters that could not be read; send it as UTF-8.", refused["Language"]);
    }

    [Fact]
    public void Without_a_job_centre_the_fields_are_checked_but_no_meeting_is_made()
    {
        var valid = InfoMeeting.Schedule(Request(new DateOnly(2024, 5, 14)), jobCentreId: null, "Maria Chef", Now);
        Assert.Empty(valid.Broken);
        Assert.Empty(valid.Meetings);
        Assert.Contains(InfoMeeting.Schedule(new MeetingRequest(), jobCentreId: null, "Maria Chef", Now).Broken, r => r.Field == "Date");
    }

    // ---- Booking ----

    [Fact]
    public void A_case_is_booked_on_a_meeting_of_its_kind_at_its_centre()
    {
        var c = Referred();
        var meeting = new InfoMeetingBuilder().WithId(42).Build();

        var booking = meeting.Book(c, chosenByHand: true, "Kim Handläggare", Now);

        Assert.Equal((42, c.Id, c.Id, BookingStatus.Booked), (booking.InfoMeetingId, booking.CaseId, booking.ActiveCaseId, booking.Status));
        Assert.True(booking.IsStanding);
        Assert.Equal((true, "Kim Handläggare", Now), (booking.ChosenByHand, booking.BookedBy, booking.BookedAt));
        Assert.Null(booking.OutcomeAt);
    }

    [Fact]
    public void A_full_meeting_is_refused()
    {
        var refusal = Assert.Throws<RuleBrokenException>(() => new InfoMeetingBuilder().WithSeats(10, booked: 10).Build().Book(Referred(), true, "Kim", Now));
        Assert.Equal("The meeting is full.", refusal.Template);
        new InfoMeetingBuilder().WithSeats(10, booked: 9).Build().Book(Referred(), true, "Kim", Now);
    }

    [Fact]
    public void A_cancelled_meeting_is_refused_as_cancelled_not_as_full()
    {
        var meeting = new InfoMeetingBuilder().Build();
        meeting.Cancel([], "Maria Chef", Now);
        Assert.Equal(0, meeting.FreeSeats);
        Assert.Equal("The meeting has been cancelled.", Assert.Throws<RuleBrokenException>(() => meeting.Book(Referred(), true, "Kim", Now)).Template);
    }

    [Fact]
    public void A_meeting_that_has_started_is_refused()
    {
        var meeting = new InfoMeetingBuilder().StartingAt(Now.AddHours(1)).Build();
        Assert.Equal("The meeting has already started.",
            Assert.Throws<RuleBrokenException>(() => meeting.Book(Referred(), true, "Kim", meeting.StartsAt)).Template);
        meeting.Book(Referred(), true, "Kim", meeting.StartsAt.AddSeconds(-1));
    }

    [Fact]
    public void A_meeting_at_another_job_centre_than_the_cases_is_refused()
    {
        var kista = new InfoMeetingBuilder().AtCentre(CaseBuilder.KistaJobCentreId).Build();
        Assert.Equal("The meeting is at another job centre than the case's.",
            Assert.Throws<RuleBrokenException>(() => kista.Book(Referred(), true, "Kim", Now)).Template);
    }

    [Fact]
    public void Youth_go_to_youth_meetings_and_everyone_else_to_adult_meetings()
    {
        var adult = new InfoMeetingBuilder().Build();
        var youth = new InfoMeetingBuilder().Youth().Build();

        Assert.Equal("The person goes to an adult meeting.", Assert.Throws<RuleBrokenException>(() => youth.Book(Referred(), true, "Kim", Now)).Template);
        Assert.Equal("The person is 16–24 and goes to a youth meeting.",
            Assert.Throws<RuleBrokenException>(() => adult.Book(ReferredYouth(), true, "Kim", Now)).Template);
        Assert.True(youth.Book(ReferredYouth(), true, "Kim", Now).IsStanding);
        Assert.True(adult.Book(Referred(), false, "system", Now).IsStanding);
    }

    [Fact]
    public void A_closed_or_enrolled_case_needs_no_meeting()
    {
        var meeting = new InfoMeetingBuilder().Build();
        var closed = new CaseBuilder().ClosedOn(new DateOnly(2024, 4, 30)).Build();
        var enrolled = new CaseBuilder().EnrolledOn(new DateOnly(2024, 4, 29)).Build();

        Assert.Equal("The case is closed.", Assert.Throws<RuleBrokenException>(() => meeting.Book(closed, true, "Kim", Now)).Template);
        Assert.Equal("The case is already enrolled and needs no info meeting.",
            Assert.Throws<RuleBrokenException>(() => meeting.Book(enrolled, true, "Kim", Now)).Template);
    }

    // ---- What happened at the meeting ----

    private static (InfoMeeting Meeting, InfoMeetingBooking Booking) Booked()
    {
        var meeting = new InfoMeetingBuilder().WithId(7).On(new DateOnly(2024, 5, 14), new TimeOnly(9, 30)).Build();
        return (meeting, meeting.Book(Referred(), false, "system", Now));
    }

    private static DateTimeOffset Stockholm(int day, int hour, int minute = 0) => new(2024, 5, day, hour, minute, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Attendance_is_recorded_from_the_meeting_day_in_Stockholm()
    {
        var (meeting, booking) = Booked();

        var early = Assert.Throws<RuleBrokenException>(() => meeting.RecordOutcome(booking, BookingStatus.Attended, "Kim Coach", Stockholm(13, 23, 59)));
        Assert.Equal("Attendance can be recorded from the day of the meeting, {0}.", early.Template);
        Assert.Equal(new DateOnly(2024, 5, 14), early.Args.Single());
        Assert.Throws<RuleBrokenException>(() => meeting.RecordOutcome(booking, BookingStatus.NoShow, "Kim Coach", Stockholm(13, 23, 59)));
        Assert.True(booking.IsStanding);

        // The morning of the meeting, before it starts, is the meeting's day.
        Assert.NotNull(meeting.RecordOutcome(booking, BookingStatus.Attended, "Kim Coach", Stockholm(14, 0, 1)));
    }

    [Fact]
    public void An_attended_meeting_keeps_its_seat_and_goes_on_the_cases_record_with_the_meeting_day()
    {
        var (meeting, booking) = Booked();
        var at = Stockholm(14, 11);

        var attended = meeting.RecordOutcome(booking, BookingStatus.Attended, "Kim Coach", at)!;

        Assert.Equal((booking.CaseId, new DateOnly(2024, 5, 14), true), (attended.CaseId, attended.Date, attended.Attended));
        Assert.Equal((BookingStatus.Attended, (int?)null, at, "Kim Coach"), (booking.Status, booking.ActiveCaseId, booking.OutcomeAt, booking.OutcomeBy));
        Assert.False(booking.IsStanding);
    }

    [Fact]
    public void A_no_show_is_kept_on_the_cases_record_as_not_attended()
    {
        var (meeting, booking) = Booked();
        var noShow = meeting.RecordOutcome(booking, BookingStatus.NoShow, "Kim Coach", Stockholm(14, 11))!;
        Assert.False(noShow.Attended);
        Assert.Equal(BookingStatus.NoShow, booking.Status);
        Assert.Null(booking.ActiveCaseId);
    }

    [Fact]
    public void A_booking_can_be_cancelled_before_the_meeting_day_and_leaves_nothing_on_the_cases_record()
    {
        var (meeting, booking) = Booked();
        Assert.Null(meeting.RecordOutcome(booking, BookingStatus.Cancelled, "Kim Handläggare", Now));
        Assert.Equal((BookingStatus.Cancelled, (int?)null, "Kim Handläggare"), (booking.Status, booking.ActiveCaseId, booking.OutcomeBy));
        // Cancelled by staff from the meeting or the case: the case is booked again, and the booking says so.
        Assert.Equal(CancellationReason.CancelledByStaff, booking.CancellationReason);
    }

    [Fact]
    public void A_booking_keeps_why_it_was_cancelled_and_only_a_cancelled_one_has_a_reason()
    {
        var (_, attended) = Booked();
        attended.Attend("Kim Coach", Stockholm(14, 11));
        Assert.Null(attended.CancellationReason);

        var (_, booking) = Booked();
        booking.Cancel("Kim Coach", Now, CancellationReason.EnrolledBeforeMeeting);
        Assert.Equal((BookingStatus.Cancelled, CancellationReason.EnrolledBeforeMeeting, (int?)null),
            (booking.Status, booking.CancellationReason, booking.ActiveCaseId));
    }

    [Fact]
    public void A_booking_gets_one_outcome()
    {
        var (meeting, booking) = Booked();
        meeting.RecordOutcome(booking, BookingStatus.Attended, "Kim Coach", Stockholm(14, 11));

        foreach (var outcome in new[] { BookingStatus.NoShow, BookingStatus.Attended, BookingStatus.Cancelled })
            Assert.Equal("The booking already has an outcome.",
                Assert.Throws<RuleBrokenException>(() => meeting.RecordOutcome(booking, outcome, "Kim Coach", Stockholm(14, 12))).Template);
        Assert.Throws<RuleBrokenException>(() => booking.Cancel("Kim Coach", Now, CancellationReason.CancelledByStaff));
        Assert.Equal((BookingStatus.Attended, "Kim Coach"), (booking.Status, booking.OutcomeBy));
    }

    [Fact]
    public void Booked_is_where_a_booking_starts_not_an_outcome()
    {
        var (meeting, booking) = Booked();
        Assert.Equal("Choose attended, no-show or cancelled.",
            Assert.Throws<RuleBrokenException>(() => meeting.RecordOutcome(booking, BookingStatus.Booked, "Kim Coach", Stockholm(14, 11))).Template);
        Assert.True(booking.IsStanding);
    }

    [Fact]
    public void A_meeting_records_outcomes_only_for_its_own_bookings()
    {
        var (_, booking) = Booked();
        var other = new InfoMeetingBuilder().WithId(8).Build();
        Assert.Throws<InvalidOperationException>(() => other.RecordOutcome(booking, BookingStatus.Cancelled, "Kim", Now));
    }

    // ---- Cancelling the meeting ----

    [Fact]
    public void Cancelling_a_meeting_cancels_the_bookings_that_stand_on_it()
    {
        var meeting = new InfoMeetingBuilder().WithId(3).Build();
        var bookings = new[] { meeting.Book(Referred(), false, "system", Now), meeting.Book(Referred(), true, "Kim", Now) };

        meeting.Cancel(bookings, "Maria Chef", Now.AddHours(1));

        Assert.True(meeting.IsCancelled);
        Assert.Equal(Now.AddHours(1), meeting.CancelledAt);
        Assert.All(bookings, b => Assert.Equal((BookingStatus.Cancelled, (int?)null, "Maria Chef", CancellationReason.MeetingCancelled),
            (b.Status, b.ActiveCaseId, b.OutcomeBy, b.CancellationReason)));
    }

    [Fact]
    public void A_meeting_that_has_started_or_is_cancelled_cannot_be_cancelled()
    {
        var meeting = new InfoMeetingBuilder().Build();
        Assert.Equal("The meeting has already started.", Assert.Throws<RuleBrokenException>(() => meeting.Cancel([], "Maria Chef", meeting.StartsAt)).Template);
        Assert.False(meeting.IsCancelled);

        meeting.Cancel([], "Maria Chef", Now);
        Assert.Equal("The meeting has been cancelled.", Assert.Throws<RuleBrokenException>(() => meeting.Cancel([], "Maria Chef", Now)).Template);
    }
}
