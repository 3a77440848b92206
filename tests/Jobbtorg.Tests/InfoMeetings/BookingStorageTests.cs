using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.InfoMeetings.MeetingKit;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>Its own application and database: the test reads back what a booking stored and counts a centre's seats
/// and a district's places, which the other info-meeting collections' centres would share.</summary>
[CollectionDefinition(Name)]
public sealed class BookingStorageCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "InfoMeetingStorage";
}

/// <summary>What a booking stores and answers, on SQLite and, with JOBBTORG_TEST_DB=Postgres, on PostgreSQL, where one
/// statement writes it (<c>SeatCounters.BookSeatAsync</c>).</summary>
[Collection(BookingStorageCollection.Name)]
[Trait("Category", "Http")]
public sealed class BookingStorageTests(JobbtorgAppFactory app)
{
    private HttpClient Robot => app.ApiClient(JobbtorgAppFactory.RobotKey);

    [Fact]
    public async Task A_booking_is_stored_whole_and_a_meeting_in_a_week_without_places_is_refused_for_the_places()
    {
        var today = app.Today;
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "vallingby");
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/bromma/quotas/Adult", new { placesPerWeek = 2 })).StatusCode);
        // Three wait (Vällingby has no meetings yet); a new meeting of two seats serves the first two at once.
        var waiting = new List<CaseDto>();
        for (var i = 0; i < 3; i++) waiting.Add(await ReferAsync(app, new Person(TestPeople.Adult(today), "bromma", ReferralDate: today.AddDays(i - 5))));
        Assert.All(waiting, c => Assert.Equal("Waiting", c.InfoMeeting!.Status));
        var week = NextMonday(today);
        var meeting = (await ScheduleAsync(manager, "vallingby", "Adult", week, capacity: 2)).Single();
        var (first, second, third) = (waiting[0].Id, waiting[1].Id, waiting[2].Id);

        Assert.Equal("The meeting is full.", await RefusalAsync(await BookAsync(Robot, third, meeting.Id)));
        // Another meeting that week has seats, but Bromma's places for the week are used up: the third case still waits,
        // and choosing that meeting for it is refused for the places; a case of another district is booked there.
        var sameWeek = (await ScheduleAsync(manager, "vallingby", "Adult", week.AddDays(2), capacity: 2)).Single();
        Assert.Equal("Waiting", (await StateAsync(Robot, third)).Status);
        Assert.StartsWith("Bromma has used all its 2 places for the week of", await RefusalAsync(await BookAsync(Robot, third, sameWeek.Id)));
        var other = await ReferAsync(app, new Person(TestPeople.Adult(today), "hasselby-vallingby"));
        Assert.Equal(sameWeek.Id, other.InfoMeeting!.Meeting!.Id);

        // A chosen booking answers with the meeting as it is after it: its centre, and the seat it took counted.
        var later = (await ScheduleAsync(manager, "vallingby", "Adult", week.AddDays(7), capacity: 3)).Single();
        Assert.Equal(later.Id, (await StateAsync(Robot, third)).Meeting!.Id);
        var chosen = await ReadBookingAsync(await BookAsync(Robot, first, later.Id));
        Assert.Equal(("Booked", later.Id, "vallingby", true), (chosen.Status, chosen.Meeting!.Id, chosen.Meeting.JobCentre, chosen.ChosenByHand));
        Assert.Equal((2, 1), (chosen.Meeting.BookedSeats, chosen.Meeting.FreeSeats));

        var stored = await app.WithDbAsync(async db => new
        {
            Bookings = await db.InfoMeetingBookings.AsNoTracking().Where(b => b.CaseId == first || b.CaseId == second).OrderBy(b => b.Id).ToListAsync(),
            Waits = await db.InfoMeetingWaits.Where(w => w.CaseId == first || w.CaseId == second || w.CaseId == third).CountAsync(),
            Used = await db.QuotaUsages.Where(u => db.Districts.Any(d => d.Code == "bromma" && d.Id == u.DistrictId) && u.WeekStart == week).Select(u => u.Used).SingleAsync(),
        });
        var served = stored.Bookings.Single(b => b.CaseId == second);
        Assert.Equal((meeting.Id, BookingStatus.Booked, (int?)second, false), (served.InfoMeetingId, served.Status, served.ActiveCaseId, served.ChosenByHand));
        Assert.Equal(app.Clock.GetUtcNow(), served.BookedAt);
        Assert.False(string.IsNullOrWhiteSpace(served.BookedBy));
        Assert.Null(served.OutcomeAt);
        var moved = stored.Bookings.Where(b => b.CaseId == first).ToList();
        Assert.Equal([(meeting.Id, BookingStatus.Cancelled, (int?)null), (later.Id, BookingStatus.Booked, first)],
            moved.Select(b => (b.InfoMeetingId, b.Status, b.ActiveCaseId)));
        Assert.True(moved[1].ChosenByHand);
        Assert.Equal(0, stored.Waits);
        // Moving to the next week gave the place back.
        Assert.Equal(1, stored.Used);
        await AssertConsistentAsync(app);
    }
}
