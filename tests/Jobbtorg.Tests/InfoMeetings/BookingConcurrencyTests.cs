using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.InfoMeetings.MeetingKit;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>Its own application and database: hundreds of bookings race here and nothing else should share the counters.</summary>
[CollectionDefinition(Name)]
public sealed class BookingConcurrencyCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "InfoMeetingConcurrency";
}

/// <summary>A seat is never sold twice and a district's weekly quota never exceeded, however many bookings race
/// (domain.md, process step 2). Runs on SQLite and, with JOBBTORG_TEST_DB=Postgres, on PostgreSQL.</summary>
[Collection(BookingConcurrencyCollection.Name)]
[Trait("Category", "Http")]
public sealed class BookingConcurrencyTests(JobbtorgAppFactory app)
{
    private const int Racers = 220;

    [Fact]
    public async Task Parallel_bookings_on_one_meeting_sell_exactly_its_seats()
    {
        // Skarpnäck (20 adult places a week) is served by Farsta; the quota leaves room, so only the seats limit.
        var cases = await ImportReferralsAsync(app, Adults(app, "skarpnack", Racers));
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var meeting = (await ScheduleAsync(manager, "farsta", "Adult", NextMonday(app.Today).AddDays(1), capacity: 10)).Single();
        Assert.Equal(0, meeting.BookedSeats);

        // Every case asks for the meeting at once; the first 20 ask twice, so one case also races itself.
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var requests = cases.Concat(cases.Take(20)).Select(id => (Case: id, Answer: BookAsync(robot, id, meeting.Id))).ToList();
        await Task.WhenAll(requests.Select(r => r.Answer));

        var booked = new List<int>();
        var refused = 0;
        foreach (var (caseId, task) in requests)
        {
            var response = await task;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var state = await ReadBookingAsync(response);
                Assert.Equal("Booked", state.Status);
                Assert.Equal(meeting.Id, state.Meeting!.Id);
                Assert.True(state.ChosenByHand);
                booked.Add(caseId);
            }
            else
            {
                Assert.Equal("The meeting is full.", await RefusalAsync(response));
                refused++;
            }
        }
        // A case that raced itself answers 200 twice with its one booking; it still holds one seat.
        Assert.Equal(10, booked.Distinct().Count());
        Assert.Equal(Racers - 10, requests.Select(r => r.Case).Distinct().Except(booked).Count());
        Assert.True(refused >= Racers - 10, $"{refused} refused");

        var stored = await app.WithDbAsync(async db => new
        {
            Seats = await db.InfoMeetings.Where(m => m.Id == meeting.Id).Select(m => m.BookedSeats).SingleAsync(),
            Bookings = await db.InfoMeetingBookings.Where(b => b.InfoMeetingId == meeting.Id && b.Status == BookingStatus.Booked).Select(b => b.CaseId).ToListAsync(),
            AllBookings = await db.InfoMeetingBookings.CountAsync(b => cases.Contains(b.CaseId)),
            Used = await db.QuotaUsages.Where(u => db.Districts.Any(d => d.Code == "skarpnack" && d.Id == u.DistrictId)).SumAsync(u => u.Used),
        });
        Assert.Equal(10, stored.Seats);
        Assert.Equal(booked.Distinct().Order(), stored.Bookings.Order());
        Assert.Equal(10, stored.AllBookings);
        Assert.Equal(10, stored.Used);
        Assert.Equal(0, (await app.ApiClient(JobbtorgAppFactory.RobotKey).GetFromJsonAsync<InfoMeetingDto>($"/api/info-meetings/{meeting.Id}", Json))!.FreeSeats);
        await AssertConsistentAsync(app);
    }

    [Fact]
    public async Task Parallel_bookings_never_exceed_a_districts_weekly_quota()
    {
        // Rinkeby-Kista is served by Kista. Seats are plenty; the district's quota of 7 a week is what runs out.
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "kista");
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/rinkeby-kista/quotas/Adult", new { placesPerWeek = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/spanga-tensta/quotas/Adult", new { placesPerWeek = 5 })).StatusCode);
        var cases = await ImportReferralsAsync(app, Adults(app, "rinkeby-kista", Racers));
        var chosers = await ImportReferralsAsync(app, Adults(app, "spanga-tensta", 60));

        var week = NextMonday(app.Today);
        var inWeek = new List<InfoMeetingDto>();
        foreach (var (day, time) in new[] { (0, "09:00"), (2, "13:00"), (4, "09:00") })
            inWeek.AddRange(await ScheduleAsync(manager, "kista", "Adult", week.AddDays(day), capacity: 100, time));
        var nextWeek = (await ScheduleAsync(manager, "kista", "Adult", week.AddDays(8), capacity: 100)).Single();

        // Automatic bookings for Rinkeby-Kista and chosen ones for Spånga-Tensta race together.
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var automatic = cases.Select(id => BookAsync(robot, id)).ToList();
        var chosen = chosers.Select((id, i) => BookAsync(robot, id, inWeek[i % inWeek.Count].Id)).ToList();
        await Task.WhenAll(automatic.Concat(chosen));

        var states = new List<CaseBookingDto>();
        foreach (var response in automatic) states.Add(await ReadBookingAsync(await response));
        var weekIds = inWeek.Select(m => m.Id).ToHashSet();
        Assert.Equal(7, states.Count(s => s.Status == "Booked" && weekIds.Contains(s.Meeting!.Id)));
        Assert.Equal(7, states.Count(s => s.Status == "Booked" && s.Meeting!.Id == nextWeek.Id));
        Assert.Equal(Racers - 14, states.Count(s => s.Status == "Waiting"));

        var chosenOk = 0;
        foreach (var task in chosen)
        {
            var response = await task;
            if (response.StatusCode == HttpStatusCode.OK) chosenOk++;
            else Assert.StartsWith("Spånga-Tensta has used all its 5 places for the week of", await RefusalAsync(response));
        }
        Assert.Equal(5, chosenOk);

        var stored = await app.WithDbAsync(async db => new
        {
            Used = await db.QuotaUsages.Where(u => db.Districts.Any(d => d.Code == "rinkeby-kista" && d.Id == u.DistrictId) && u.Kind == MeetingKind.Adult)
                .ToDictionaryAsync(u => u.WeekStart, u => u.Used),
            UsedChosen = await db.QuotaUsages.Where(u => db.Districts.Any(d => d.Code == "spanga-tensta" && d.Id == u.DistrictId) && u.WeekStart == week).Select(u => u.Used).SingleAsync(),
            SeatsInWeek = await db.InfoMeetings.Where(m => weekIds.Contains(m.Id)).SumAsync(m => m.BookedSeats),
            Waiting = await db.InfoMeetingWaits.CountAsync(w => cases.Contains(w.CaseId)),
            Booked = await db.InfoMeetingBookings.CountAsync(b => cases.Contains(b.CaseId) && b.Status == BookingStatus.Booked),
        });
        Assert.Equal(7, stored.Used[week]);
        Assert.Equal(7, stored.Used[week.AddDays(7)]);
        Assert.Equal(5, stored.UsedChosen);
        Assert.Equal(12, stored.SeatsInWeek);
        Assert.Equal(Racers, stored.Waiting + stored.Booked);
        Assert.Equal(14, stored.Booked);
        await AssertConsistentAsync(app);
    }

    [Fact]
    public async Task Racing_automatic_bookings_move_on_to_the_next_week_when_the_places_run_out_under_them()
    {
        // Bromma is served by Vällingby, which no other test here uses. Four places a week over three weeks of meetings
        // with seats to spare: every one of twelve racing cases gets a place, in the earliest week that has one, and
        // none is put on the waiting list while a later week still has places. A booking that started while a week
        // looked free finds its places gone only when it locks the meeting, and must go on to the next week.
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "vallingby");
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/bromma/quotas/Adult", new { placesPerWeek = 4 })).StatusCode);
        var cases = await ImportReferralsAsync(app, Adults(app, "bromma", 12));
        var week = NextMonday(app.Today);
        var meetings = new List<InfoMeetingDto>();
        for (var w = 0; w < 3; w++) meetings.AddRange(await ScheduleAsync(manager, "vallingby", "Adult", week.AddDays(7 * w + 1), capacity: 30));

        var states = await BookAllAtOnceAsync(cases);

        Assert.All(states, s => Assert.Equal("Booked", s.Status));
        Assert.Equal([4, 4, 4], meetings.Select(m => states.Count(s => s.Meeting!.Id == m.Id)));
        var stored = await app.WithDbAsync(async db => new
        {
            Seats = await db.InfoMeetings.Where(m => meetings.Select(x => x.Id).Contains(m.Id)).OrderBy(m => m.StartsAt).Select(m => m.BookedSeats).ToListAsync(),
            Waiting = await db.InfoMeetingWaits.CountAsync(w => cases.Contains(w.CaseId)),
        });
        Assert.Equal([4, 4, 4], stored.Seats);
        Assert.Equal(0, stored.Waiting);
        await AssertConsistentAsync(app);
    }

    [Fact]
    public async Task Racing_automatic_bookings_fill_one_meeting_after_another()
    {
        // Älvsjö is served by Vårberg, which no other test here uses, and its 20 places a week leave the seats to decide.
        // Nine cases racing for three meetings of three seats in one week: each meeting is filled in turn, the earliest
        // first, and nobody waits while a seat is free.
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var cases = await ImportReferralsAsync(app, Adults(app, "alvsjo", 9));
        var week = NextMonday(app.Today);
        var meetings = new List<InfoMeetingDto>();
        foreach (var day in new[] { 0, 2, 4 }) meetings.AddRange(await ScheduleAsync(manager, "varberg", "Adult", week.AddDays(day), capacity: 3));

        var states = await BookAllAtOnceAsync(cases);

        Assert.All(states, s => Assert.Equal("Booked", s.Status));
        Assert.Equal([3, 3, 3], meetings.Select(m => states.Count(s => s.Meeting!.Id == m.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.InfoMeetingWaits.CountAsync(w => cases.Contains(w.CaseId))));
        await AssertConsistentAsync(app);
    }

    /// <summary>Every case booked automatically at the same time; the answers in the cases' order.</summary>
    private async Task<List<CaseBookingDto>> BookAllAtOnceAsync(List<int> cases)
    {
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var answers = await Task.WhenAll(cases.Select(id => BookAsync(robot, id)));
        var states = new List<CaseBookingDto>();
        foreach (var answer in answers) states.Add(await ReadBookingAsync(answer));
        return states;
    }
}
