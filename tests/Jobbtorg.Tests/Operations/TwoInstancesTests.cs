using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Jobbtorg.Tests.InfoMeetings.MeetingKit;

namespace Jobbtorg.Tests.Operations;

/// <summary>Two instances of the app, each with its own services and in-memory state, on one PostgreSQL database, as
/// behind a load balancer: whatever one instance did, the other carries on with.</summary>
[Trait("Category", "Http")]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly DistrictReceiver receiver = new();
    private readonly string database = JobbtorgAppFactory.NewDatabaseName();
    private JobbtorgAppFactory a = null!;
    private JobbtorgAppFactory b = null!;

    public async Task InitializeAsync()
    {
        if (!JobbtorgAppFactory.OnPostgres) return;
        await receiver.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Jobbtorg:DistrictEndpoints:0:District"] = "farsta",
            ["Jobbtorg:DistrictEndpoints:0:Url"] = receiver.Url,
            ["Jobbtorg:DistrictEndpoints:0:Secret"] = receiver.Secret,
            ["Jobbtorg:Outbox:PollInterval"] = "00:00:00.020",
            ["Jobbtorg:Outbox:FirstBackoff"] = "00:00:10",
            // The round's interval; its timer never ticks within a test, which runs the round itself.
            ["Jobbtorg:InfoMeetings:ServeWaitingListsEvery"] = "01:00:00",
        };
        // A creates the database and B drops it; A stops first.
        a = JobbtorgAppFactory.WithSettings(settings, database, createDatabase: true, dropDatabase: false, clock: clock);
        b = JobbtorgAppFactory.WithSettings(settings, database, createDatabase: false, dropDatabase: true, clock: clock);
        await a.InitializeAsync();
        await b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (!JobbtorgAppFactory.OnPostgres) return;
        await ((IAsyncLifetime)a).DisposeAsync();
        await ((IAsyncLifetime)b).DisposeAsync();
        await receiver.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_sign_in_on_one_instance_works_on_the_other_and_signing_out_ends_it_on_both()
    {
        var manager = await a.CreateUserAsync(Roles.Manager, centre: "farsta");
        // One browser: one cookie jar, whichever instance the load balancer picks.
        var jar = new System.Net.CookieContainer();
        var onA = a.CreateDefaultClient(new CookieContainerHandler(jar));
        var onB = b.CreateDefaultClient(new CookieContainerHandler(jar));

        var signedIn = await onA.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = manager.Email!, ["Input.Password"] = JobbtorgAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var start = await onB.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains(manager.DisplayName, await start.Content.ReadAsStringAsync());

        // A page served by A, its change sent to B: B reads A's antiforgery token and schedules the meeting.
        onB.DefaultRequestHeaders.Add(ApiAntiforgery.HeaderName, await onA.AntiforgeryTokenAsync("/Account/Logout"));
        var scheduled = await PostMeetingAsync(onB, "farsta", "Adult", NextMonday(a.Today), capacity: 12);
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.Equal(1, await a.WithDbAsync(db => db.InfoMeetings.CountAsync(m => m.Capacity == 12)));

        // The keys both used are those in the database, not a folder of either instance.
        var stored = await a.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        foreach (var app in new[] { a, b })
        {
            var keys = app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"key-{k.KeyId:D}").ToList();
            Assert.NotEmpty(keys);
            Assert.Equal(stored.Order(), keys.Order());
        }

        // Another tab still holding the cookie is served by B; the sign-out is sent to A.
        var copyOnB = b.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copyOnB.DefaultRequestHeaders.Add("Cookie", jar.GetCookieHeader(onA.BaseAddress!));
        Assert.Equal(HttpStatusCode.OK, (await copyOnB.GetAsync("/")).StatusCode);
        var signedOut = await onA.SubmitFormAsync("/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await copyOnB.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [PostgresFact]
    public async Task The_daily_rounds_run_once_across_both_instances()
    {
        // The attendance rounds of today, started on both instances at once.
        async Task<RoundResult> AttendanceOn(JobbtorgAppFactory app)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AttendanceRounds>().RunAsync(app.Today);
        }
        var attendance = await Task.WhenAll(AttendanceOn(a), AttendanceOn(b), AttendanceOn(a), AttendanceOn(b));
        Assert.Equal(1, attendance.Count(r => r.NotRegisteredRan));
        Assert.Equal(1, attendance.Count(r => r.WeeklyRan));
        var runs = await a.WithDbAsync(db => db.AttendanceRoundRuns.Select(r => r.Round).ToListAsync());
        Assert.Equal([AttendanceRounds.NotRegisteredRound, AttendanceRounds.WeeklyRound], runs.Order());

        // The waiting-list round: each instance's timer would start it; one serves the lists per interval.
        static WaitingListRounds RoundOf(JobbtorgAppFactory app) => app.Services.GetServices<IHostedService>().OfType<WaitingListRounds>().Single();
        var first = await Task.WhenAll(RoundOf(a).RunOnceAsync(), RoundOf(b).RunOnceAsync(), RoundOf(a).RunOnceAsync(), RoundOf(b).RunOnceAsync());
        Assert.Equal(1, first.Count(ran => ran));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.False(await RoundOf(b).RunOnceAsync());
        clock.Advance(TimeSpan.FromMinutes(30));
        var next = await Task.WhenAll(RoundOf(b).RunOnceAsync(), RoundOf(a).RunOnceAsync());
        Assert.Equal(1, next.Count(ran => ran));
    }

    [PostgresFact]
    public async Task Both_outbox_dispatchers_deliver_each_message_once_and_in_order_per_case()
    {
        var cases = await ImportReferralsAsync(a, Adults(a, "farsta", 3));
        // Messages written on both instances, interleaved; both dispatchers poll the one outbox.
        for (var round = 0; round < 10; round++)
            foreach (var (caseId, i) in cases.Select((c, i) => (c, i)))
                await EnqueueAsync(i % 2 == round % 2 ? a : b, caseId, $"Meddelande {round}");
        var expected = await a.WithDbAsync(db => db.DistrictMessages.OrderBy(m => m.Id)
            .Select(m => new { m.MessageId, CaseRef = db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.CaseRef).Single() }).ToListAsync());
        Assert.True(expected.Count >= 30, $"{expected.Count} messages");

        Assert.True(await receiver.WaitForAsync(r => r.Messages.Count == expected.Count), $"received {receiver.Messages.Count} of {expected.Count}");
        // Give a second delivery of anything the time to arrive before counting.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(expected.Count, receiver.Requests.Count);
        foreach (var perCase in expected.GroupBy(m => m.CaseRef))
            Assert.Equal(perCase.Select(m => m.MessageId), receiver.Requests.Where(r => r.CaseRef == perCase.Key).Select(r => r.MessageId));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until && !await a.WithDbAsync(db => db.DistrictMessages.AllAsync(m => m.State == DeliveryState.Delivered)))
            await Task.Delay(25);
        Assert.Equal(expected.Count, await a.WithDbAsync(db => db.DistrictMessages.CountAsync(m => m.State == DeliveryState.Delivered && m.Attempts == 1)));
    }

    [PostgresFact]
    public async Task Parallel_bookings_split_across_both_instances_never_oversell_a_meeting()
    {
        var cases = await ImportReferralsAsync(a, Adults(a, "skarpnack", 80));
        var manager = await a.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var meeting = (await ScheduleAsync(manager, "farsta", "Adult", NextMonday(a.Today).AddDays(1), capacity: 10)).Single();

        var robots = new[] { a.ApiClient(JobbtorgAppFactory.RobotKey), b.ApiClient(JobbtorgAppFactory.RobotKey) };
        var answers = await Task.WhenAll(cases.Select((id, i) => BookAsync(robots[i % 2], id, meeting.Id)));

        Assert.Equal(10, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal("The meeting is full.", await RefusalAsync(refused));
        Assert.Equal(10, await b.WithDbAsync(db => db.InfoMeetings.Where(m => m.Id == meeting.Id).Select(m => m.BookedSeats).SingleAsync()));
        Assert.Equal(10, await b.WithDbAsync(db => db.InfoMeetingBookings.CountAsync(x => x.InfoMeetingId == meeting.Id && x.Status == BookingStatus.Booked)));
        await AssertConsistentAsync(a);
    }

    private static async Task EnqueueAsync(JobbtorgAppFactory app, int caseId, string summary)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var c = await db.Cases.Include(x => x.District).SingleAsync(x => x.Id == caseId);
        scope.ServiceProvider.GetRequiredService<DistrictOutbox>().Enqueue(c, MessageKind.WeeklyAttendance, summary, new { summary });
        await db.SaveChangesAsync();
    }
}
