using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Tests.Builders;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>Which meetings an automatic booking may use (24 hours' notice, eight weeks ahead by default) and the next
/// free time a case worker tells the person on the phone.</summary>
public class BookingPolicyTests
{
    private static readonly BookingPolicy Policy = BookingPolicy.From(new InfoMeetingOptions());
    private static readonly DateTimeOffset Now = InfoMeetingBuilder.Now;
    private const int Farsta = CaseBuilder.FarstaJobCentreId;

    private static bool Qualifies(InfoMeeting meeting, MeetingKind kind = MeetingKind.Adult, int centre = Farsta, DateTimeOffset? now = null) =>
        Policy.Qualifying(centre, kind, now ?? Now).Compile()(meeting);

    private static readonly IReadOnlyDictionary<DateOnly, int> NothingUsed = new Dictionary<DateOnly, int>();

    [Fact]
    public void The_defaults_are_24_hours_notice_and_8_weeks_ahead()
    {
        Assert.Equal(new BookingPolicy(MinimumNoticeHours: 24, BookingHorizonWeeks: 8), Policy);
    }

    [Fact]
    public void A_meeting_qualifies_from_exactly_the_minimum_notice_ahead()
    {
        Assert.True(Qualifies(new InfoMeetingBuilder().StartingAt(Now.AddHours(24)).Build()));
        Assert.False(Qualifies(new InfoMeetingBuilder().StartingAt(Now.AddHours(24).AddMinutes(-1)).Build()));
        Assert.False(Qualifies(new InfoMeetingBuilder().StartingAt(Now.AddHours(23)).Build()));
    }

    [Fact]
    public void A_meeting_beyond_the_booking_horizon_qualifies_once_it_comes_within_it()
    {
        var far = new InfoMeetingBuilder().StartingAt(Now.AddDays(7 * 8).AddHours(1)).Build();
        var edge = new InfoMeetingBuilder().StartingAt(Now.AddDays(7 * 8)).Build();
        var justWithin = new InfoMeetingBuilder().StartingAt(Now.AddDays(7 * 8).AddMinutes(-1)).Build();

        Assert.False(Qualifies(far));
        Assert.False(Qualifies(edge));
        Assert.True(Qualifies(justWithin));
        Assert.True(Qualifies(far, now: Now.AddDays(2)));
    }

    [Fact]
    public void Only_an_open_meeting_of_the_kind_at_the_centre_with_a_free_seat_qualifies()
    {
        Assert.True(Qualifies(new InfoMeetingBuilder().Build()));
        Assert.False(Qualifies(new InfoMeetingBuilder().Build(), MeetingKind.Youth));
        Assert.True(Qualifies(new InfoMeetingBuilder().Youth().Build(), MeetingKind.Youth));
        Assert.False(Qualifies(new InfoMeetingBuilder().AtCentre(CaseBuilder.KistaJobCentreId).Build()));
        Assert.False(Qualifies(new InfoMeetingBuilder().WithSeats(5, booked: 5).Build()));
        Assert.True(Qualifies(new InfoMeetingBuilder().WithSeats(5, booked: 4).Build()));
        var cancelled = new InfoMeetingBuilder().Build();
        cancelled.Cancel([], "Maria Chef", Now);
        Assert.False(Qualifies(cancelled));
    }

    [Fact]
    public void People_aged_16_to_24_on_the_referral_date_go_to_youth_meetings()
    {
        var c = new CaseBuilder().Build();
        foreach (var (age, kind) in new[] { (16, MeetingKind.Youth), (24, MeetingKind.Youth), (25, MeetingKind.Adult), (40, MeetingKind.Adult) })
        {
            c.Participant.PersonalNumber = TestPeople.Aged(age, age, c.ReferralDate);
            Assert.Equal(kind, BookingPolicy.KindFor(c));
        }
    }

    [Fact]
    public void Youth_go_to_the_districts_youth_branch_where_it_has_one()
    {
        var district = new District { Id = 1, Code = "rinkeby-kista", Name = "Rinkeby-Kista", AdultJobCentreId = 5, YouthJobCentreId = 6 };
        Assert.Equal((5, 6), (BookingPolicy.ServingCentre(district, MeetingKind.Adult), BookingPolicy.ServingCentre(district, MeetingKind.Youth)));
        district.YouthJobCentreId = null;
        Assert.Equal(5, BookingPolicy.ServingCentre(district, MeetingKind.Youth));
    }

    [Fact]
    public void A_district_without_a_quota_for_the_kind_is_limited_only_by_the_seats()
    {
        Assert.Null(BookingPolicy.PlacesLeft(null, 500));
        Assert.Equal(1, BookingPolicy.PlacesLeft(26, 25));
        Assert.Equal(0, BookingPolicy.PlacesLeft(26, 26));
    }

    // ---- Next free time ----

    private static readonly DateOnly ThisWeek = new(2024, 5, 13);
    private static readonly DateOnly NextWeek = ThisWeek.AddDays(7);

    [Fact]
    public void The_next_free_time_is_the_earliest_qualifying_meeting_with_the_places_left_that_week()
    {
        var later = new InfoMeetingBuilder().WithId(2).On(ThisWeek.AddDays(3)).Build();
        var earliest = new InfoMeetingBuilder().WithId(1).On(ThisWeek.AddDays(1)).WithSeats(3).Build();
        var tooSoon = new InfoMeetingBuilder().WithId(3).StartingAt(Now.AddHours(2)).Build();
        var youth = new InfoMeetingBuilder().WithId(4).Youth().On(ThisWeek).Build();

        var next = Policy.NextFree([later, tooSoon, youth, earliest], Farsta, MeetingKind.Adult, 20, new Dictionary<DateOnly, int> { [ThisWeek] = 5 }, Now);

        Assert.Equal((earliest, 15), (next!.Value.Meeting, next.Value.QuotaLeft!.Value));
        Assert.Equal(3, next.Value.Meeting.FreeSeats);
    }

    [Fact]
    public void A_week_whose_quota_is_used_up_is_skipped_for_the_next_week()
    {
        var thisWeek = new InfoMeetingBuilder().WithId(1).On(ThisWeek.AddDays(2)).Build();
        var nextWeek = new InfoMeetingBuilder().WithId(2).On(NextWeek.AddDays(2)).Build();

        Assert.Equal((thisWeek, 1), Next(quota: 1, used: new() { [ThisWeek] = 0 }));
        Assert.Equal((nextWeek, 1), Next(quota: 1, used: new() { [ThisWeek] = 1 }));
        Assert.Null(Policy.NextFree([thisWeek, nextWeek], Farsta, MeetingKind.Adult, 1, new Dictionary<DateOnly, int> { [ThisWeek] = 1, [NextWeek] = 1 }, Now));
        // A district with 20 places a week is still offered this week's meeting.
        Assert.Equal((thisWeek, 19), Next(quota: 20, used: new() { [ThisWeek] = 1, [NextWeek] = 1 }));

        (InfoMeeting, int) Next(int quota, Dictionary<DateOnly, int> used)
        {
            var next = Policy.NextFree([nextWeek, thisWeek], Farsta, MeetingKind.Adult, quota, used, Now)!.Value;
            return (next.Meeting, next.QuotaLeft!.Value);
        }
    }

    [Fact]
    public void A_full_meeting_is_skipped_and_without_a_quota_no_places_are_counted()
    {
        var full = new InfoMeetingBuilder().WithId(1).On(ThisWeek.AddDays(1)).WithSeats(2, booked: 2).Build();
        var free = new InfoMeetingBuilder().WithId(2).On(ThisWeek.AddDays(2)).WithSeats(2, booked: 1).Build();

        var next = Policy.NextFree([full, free], Farsta, MeetingKind.Adult, placesPerWeek: null, NothingUsed, Now)!.Value;

        Assert.Same(free, next.Meeting);
        Assert.Null(next.QuotaLeft);
    }

    [Fact]
    public void Meetings_at_the_same_time_are_offered_lowest_id_first_and_none_means_no_free_time()
    {
        var second = new InfoMeetingBuilder().WithId(9).Build();
        var first = new InfoMeetingBuilder().WithId(4).Build();
        Assert.Same(first, Policy.NextFree([second, first], Farsta, MeetingKind.Adult, null, NothingUsed, Now)!.Value.Meeting);
        Assert.Null(Policy.NextFree([], Farsta, MeetingKind.Adult, null, NothingUsed, Now));
        Assert.Null(Policy.NextFree([second, first], Farsta, MeetingKind.Youth, null, NothingUsed, Now));
    }
}
