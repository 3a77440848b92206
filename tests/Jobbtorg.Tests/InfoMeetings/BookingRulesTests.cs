using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jobbtorg.Tests.InfoMeetings.MeetingKit;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>Its own application and database. Each test owns a job centre (and kind of meeting) of its own, because a
/// new meeting serves its centre's waiting list at once; the clock only moves forward, in whole days.</summary>
[CollectionDefinition(Name)]
public sealed class BookingRulesCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "InfoMeetingRules";
}

[Collection(BookingRulesCollection.Name)]
[Trait("Category", "Http")]
public sealed class BookingRulesTests(JobbtorgAppFactory app)
{
    private HttpClient Robot => app.ApiClient(JobbtorgAppFactory.RobotKey);

    private async Task<List<WaitingCaseDto>> WaitingListAsync(string query = "") =>
        (await Robot.GetFromJsonAsync<List<WaitingCaseDto>>("/api/info-meetings/waiting-list" + query, Json))!;

    private async Task<NextFreeTimeDto> NextFreeAsync(string district, string kind = "Adult") =>
        (await Robot.GetFromJsonAsync<NextFreeTimeDto>($"/api/info-meetings/next-free?district={district}&kind={kind}", Json))!;

    private static (DateOnly Date, string Time) Local(DateTimeOffset instant)
    {
        var local = instant.ToStockholm();
        return (DateOnly.FromDateTime(local.DateTime), local.ToString("HH:mm"));
    }

    // Kista (adult) and Kista ungdom (youth): Rinkeby-Kista and Spånga-Tensta.
    [Fact]
    public async Task The_waiting_list_is_served_youth_first_then_children_then_newly_unemployed_then_earliest_referral()
    {
        var today = app.Today;
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "kista");
        // Referred in an order that is not the order of the list.
        var latePlain = await ReferAsync(app, new Person(TestPeople.Adult(today), "rinkeby-kista", ReferralDate: today.AddDays(-3)));
        var earlyPlain = await ReferAsync(app, new Person(TestPeople.Adult(today), "spanga-tensta", ReferralDate: today.AddDays(-10)));
        var newly = await ReferAsync(app, new Person(TestPeople.Adult(today), "rinkeby-kista", NewlyUnemployed: true));
        var children = await ReferAsync(app, new Person(TestPeople.Adult(today), "spanga-tensta", HasChildren: true, NewlyUnemployed: false));
        var youth = await ReferAsync(app, new Person(TestPeople.Aged(18, 22, today), "rinkeby-kista"));
        Assert.All(new[] { latePlain, earlyPlain, newly, children, youth }, c => Assert.Equal("Waiting", c.InfoMeeting!.Status));

        var mine = new[] { latePlain.Id, earlyPlain.Id, newly.Id, children.Id, youth.Id }.ToHashSet();
        var combined = (await WaitingListAsync()).Where(w => mine.Contains(w.CaseId)).ToList();
        Assert.Equal([youth.Id, children.Id, newly.Id, earlyPlain.Id, latePlain.Id], combined.Select(w => w.CaseId));
        Assert.Equal(MeetingKind.Youth, combined[0].Kind);
        Assert.Equal("kista-ungdom", combined[0].JobCentre);
        Assert.Equal([children.Id, newly.Id, earlyPlain.Id, latePlain.Id], (await WaitingListAsync("?jobCentre=kista&kind=Adult")).Select(w => w.CaseId));

        // A new meeting with two seats takes the first two adults in order.
        var week = NextMonday(today);
        var first = (await ScheduleAsync(manager, "kista", "Adult", week.AddDays(1), capacity: 2)).Single();
        Assert.Equal(2, first.BookedSeats);
        Assert.Equal(first.Id, (await StateAsync(Robot, children.Id)).Meeting!.Id);
        Assert.Equal(first.Id, (await StateAsync(Robot, newly.Id)).Meeting!.Id);
        Assert.Equal([earlyPlain.Id, latePlain.Id], (await WaitingListAsync("?jobCentre=kista&kind=Adult")).Select(w => w.CaseId));

        // A cancellation frees the seat for the next in line; the person who cancelled waits for another meeting.
        var cancelled = await ReadBookingAsync(await Robot.PostAsync($"/api/cases/{newly.Id}/info-meeting/cancel", null));
        Assert.Equal("Waiting", cancelled.Status);
        Assert.Equal(first.Id, (await StateAsync(Robot, earlyPlain.Id)).Meeting!.Id);
        Assert.Equal([newly.Id, latePlain.Id], (await WaitingListAsync("?jobCentre=kista&kind=Adult")).Select(w => w.CaseId));

        // Rinkeby-Kista has no places left: a new meeting's seats stay free until the quota is raised, and then
        // each raise goes to the first in line.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/rinkeby-kista/quotas/Adult", new { placesPerWeek = 0 })).StatusCode);
        var second = (await ScheduleAsync(manager, "kista", "Adult", week.AddDays(8), capacity: 5)).Single();
        Assert.Equal(0, second.BookedSeats);
        Assert.Equal("Waiting", (await StateAsync(Robot, newly.Id)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/rinkeby-kista/quotas/Adult", new { placesPerWeek = 1 })).StatusCode);
        Assert.Equal(second.Id, (await StateAsync(Robot, newly.Id)).Meeting!.Id);
        Assert.Equal("Waiting", (await StateAsync(Robot, latePlain.Id)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/rinkeby-kista/quotas/Adult", new { placesPerWeek = 2 })).StatusCode);
        Assert.Equal(second.Id, (await StateAsync(Robot, latePlain.Id)).Meeting!.Id);
        Assert.Equal(new Dictionary<MeetingKind, int> { [MeetingKind.Adult] = 2, [MeetingKind.Youth] = 8 },
            await Robot.GetFromJsonAsync<Dictionary<MeetingKind, int>>("/api/districts/rinkeby-kista/quotas", Json));

        // The youth waits for a youth meeting, which a Kista manager schedules at the youth branch.
        Assert.Equal("Waiting", (await StateAsync(Robot, youth.Id)).Status);
        var youthMeeting = (await ScheduleAsync(manager, "kista-ungdom", "Youth", week.AddDays(2), capacity: 3)).Single();
        var youthState = await StateAsync(Robot, youth.Id);
        Assert.Equal("Booked", youthState.Status);
        Assert.Equal(youthMeeting.Id, youthState.Meeting!.Id);
        Assert.DoesNotContain(await WaitingListAsync(), w => mine.Contains(w.CaseId));
        await AssertConsistentAsync(app);
    }

    // Vårberg: Älvsjö. The notice and the horizon to the minute are BookingPolicyTests; here the database applies them.
    [Fact]
    public async Task The_periodic_round_books_a_waiting_case_once_a_meeting_comes_within_the_booking_horizon()
    {
        var now = app.Clock.GetUtcNow();
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var soon = Local(now.AddHours(23));   // under the 24 hours' notice
        var far = Local(now.AddDays(7 * 8).AddHours(1)); // just beyond the eight weeks
        var tooSoon = (await ScheduleAsync(manager, "varberg", "Adult", soon.Date, 5, soon.Time)).Single();
        var tooFar = (await ScheduleAsync(manager, "varberg", "Adult", far.Date, 5, far.Time)).Single();

        var waiting = await ReferAsync(app, new Person(TestPeople.Adult(app.Today), "alvsjo"));
        Assert.Equal("Waiting", waiting.InfoMeeting!.Status);
        var nothing = await NextFreeAsync("alvsjo");
        Assert.Null(nothing.StartsAt);
        Assert.Null(nothing.MeetingId);

        // The periodic round finds nothing either until the far meeting comes within the horizon.
        await ServeAllWaitingListsAsync();
        Assert.Equal("Waiting", (await StateAsync(Robot, waiting.Id)).Status);
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(tooFar.Id, (await NextFreeAsync("alvsjo")).MeetingId);
        await ServeAllWaitingListsAsync();
        var served = await StateAsync(Robot, waiting.Id);
        Assert.Equal("Booked", served.Status);
        Assert.Equal(tooFar.Id, served.Meeting!.Id);
        Assert.False(served.ChosenByHand);
        Assert.Equal(0, (await Robot.GetFromJsonAsync<InfoMeetingDto>($"/api/info-meetings/{tooSoon.Id}", Json))!.BookedSeats);
        await AssertConsistentAsync(app);
    }

    private async Task ServeAllWaitingListsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ServeWaitingList>().AllAsync();
    }

    // Rosenlundsgatan: Kungsholmen and Norrmalm. Which meeting is next free is BookingPolicyTests; here each district's
    // quota and used places are read, and a referral goes where next-free said.
    [Fact]
    public async Task Next_free_time_is_per_district_and_skips_weeks_whose_quota_is_used_up()
    {
        var today = app.Today;
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "rosenlundsgatan");
        Assert.Null((await NextFreeAsync("kungsholmen")).StartsAt);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/districts/kungsholmen/quotas/Adult", new { placesPerWeek = 1 })).StatusCode);

        var week = NextMonday(today);
        var meetings = await ScheduleAsync(manager, "rosenlundsgatan", "Adult", week.AddDays(2), capacity: 3, weeks: 2);
        Assert.Equal(2, meetings.Count);
        Assert.Equal(meetings[0].SeriesId, meetings[1].SeriesId);
        var (thisWeek, nextWeek) = (meetings[0], meetings[1]);

        var kungsholmen = await NextFreeAsync("kungsholmen");
        Assert.Equal((thisWeek.Id, 3, 1), (kungsholmen.MeetingId!.Value, kungsholmen.FreeSeats!.Value, kungsholmen.QuotaLeftThatWeek!.Value));
        Assert.Equal(thisWeek.StartsAt, kungsholmen.StartsAt);
        Assert.Equal("Jobbtorg Rosenlundsgatan", kungsholmen.JobCentre);

        Assert.Equal(thisWeek.Id, (await ReferAsync(app, new Person(TestPeople.Adult(today), "kungsholmen"))).InfoMeeting!.Meeting!.Id);
        kungsholmen = await NextFreeAsync("kungsholmen");
        Assert.Equal((nextWeek.Id, 3, 1), (kungsholmen.MeetingId!.Value, kungsholmen.FreeSeats!.Value, kungsholmen.QuotaLeftThatWeek!.Value));
        var norrmalm = await NextFreeAsync("norrmalm");
        Assert.Equal((thisWeek.Id, 2, 20), (norrmalm.MeetingId!.Value, norrmalm.FreeSeats!.Value, norrmalm.QuotaLeftThatWeek!.Value));

        // The next Kungsholmen referral goes where next-free said; then neither week has room for Kungsholmen.
        Assert.Equal(nextWeek.Id, (await ReferAsync(app, new Person(TestPeople.Adult(today), "kungsholmen"))).InfoMeeting!.Meeting!.Id);
        Assert.Null((await NextFreeAsync("kungsholmen")).StartsAt);
        Assert.Equal(thisWeek.Id, (await NextFreeAsync("norrmalm")).MeetingId);

        var unknown = await Robot.GetAsync("/api/info-meetings/next-free?district=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("atlantis", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("district")[0].GetString());
        await AssertConsistentAsync(app);
    }

    // Farsta: Farsta and Skarpnäck. Why a chosen meeting is refused (full, cancelled, started, another centre or kind) is
    // InfoMeetingRulesTests; here a refusal answers 409 in the caller's language and leaves the case's booking as it was.
    [Fact]
    public async Task A_chosen_meeting_must_fit_and_a_refusal_keeps_the_booking_the_case_had()
    {
        var today = app.Today;
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var week = NextMonday(today);
        var small = (await ScheduleAsync(manager, "farsta", "Adult", week, capacity: 1)).Single();
        var roomy = (await ScheduleAsync(manager, "farsta", "Adult", week.AddDays(1), capacity: 5)).Single();
        var later = (await ScheduleAsync(manager, "farsta", "Adult", week.AddDays(7), capacity: 1)).Single();

        var first = await ReferAsync(app, new Person(TestPeople.Adult(today), "farsta"));
        var plain = await ReferAsync(app, new Person(TestPeople.Adult(today), "skarpnack"));
        var parent = await ReferAsync(app, new Person(TestPeople.Adult(today), "farsta", HasChildren: true));
        Assert.Equal(small.Id, first.InfoMeeting!.Meeting!.Id);
        Assert.Equal(roomy.Id, plain.InfoMeeting!.Meeting!.Id);
        Assert.Equal(roomy.Id, parent.InfoMeeting!.Meeting!.Id);

        Assert.Equal("The meeting is full.", await RefusalAsync(await BookAsync(Robot, parent.Id, small.Id)));
        Assert.Equal("There is no such info meeting.", await RefusalAsync(await BookAsync(Robot, parent.Id, 999_999)));
        var kept = await StateAsync(Robot, parent.Id);
        Assert.Equal(("Booked", roomy.Id), (kept.Status, kept.Meeting!.Id));
        Assert.Equal(2, (await Robot.GetFromJsonAsync<InfoMeetingDto>($"/api/info-meetings/{roomy.Id}", Json))!.BookedSeats);

        // In Swedish on request.
        var swedish = app.ApiClient(JobbtorgAppFactory.RobotKey);
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        Assert.Equal("Mötet är fullbokat.", await RefusalAsync(await BookAsync(swedish, parent.Id, small.Id)));

        // Cancelling the roomy meeting books its cases again in priority order: the parent gets the one free seat.
        var otherManager = await app.SignInAsNewAsync(Roles.Manager, centre: "kista");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PostAsync($"/api/info-meetings/{roomy.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/info-meetings/{roomy.Id}/cancel", null)).StatusCode);
        var parentNow = await StateAsync(Robot, parent.Id);
        Assert.Equal(("Booked", later.Id), (parentNow.Status, parentNow.Meeting!.Id));
        Assert.Equal("Waiting", (await StateAsync(Robot, plain.Id)).Status);
        var cancelledMeeting = (await Robot.GetFromJsonAsync<InfoMeetingDto>($"/api/info-meetings/{roomy.Id}", Json))!;
        Assert.True(cancelledMeeting.Cancelled);
        Assert.Equal(0, cancelledMeeting.FreeSeats);
        Assert.Empty(await Robot.GetFromJsonAsync<List<AttendeeDto>>($"/api/info-meetings/{roomy.Id}/attendees", Json) ?? []);
        Assert.DoesNotContain(await Robot.GetFromJsonAsync<List<InfoMeetingDto>>("/api/info-meetings?jobCentre=farsta", Json) ?? [], m => m.Id == roomy.Id);
        Assert.Equal("The meeting has been cancelled.", await RefusalAsync(await manager.PostAsync($"/api/info-meetings/{roomy.Id}/cancel", null)));

        // A refused move keeps the seat the case had.
        Assert.Equal("The meeting is full.", await RefusalAsync(await BookAsync(Robot, first.Id, later.Id)));
        Assert.Equal(small.Id, (await StateAsync(Robot, first.Id)).Meeting!.Id);
        await AssertConsistentAsync(app);
    }
}
