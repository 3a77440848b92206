using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.DistrictMessages;

/// <summary>The outbox against a real receiver over HTTP: signed, in order per case, retried while the district is down,
/// at least once across a restart. Each test runs its own application on its own database.</summary>
[Trait("Category", "Http")]
public sealed class OutboxDeliveryTests
{
    private const string District = "farsta";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static Dictionary<string, string> Settings(DistrictReceiver receiver) => new()
    {
        ["Jobbtorg:DistrictEndpoints:0:District"] = District,
        ["Jobbtorg:DistrictEndpoints:0:Url"] = receiver.Url,
        ["Jobbtorg:DistrictEndpoints:0:Secret"] = receiver.Secret,
        ["Jobbtorg:Outbox:PollInterval"] = "00:00:00.050",
        ["Jobbtorg:Outbox:FirstBackoff"] = "00:00:10",
        ["Jobbtorg:Outbox:MaxAttempts"] = "5",
    };

    private static async Task<JobbtorgAppFactory> StartAppAsync(DistrictReceiver receiver, string? database = null, bool create = true, bool drop = true,
        FakeTimeProvider? clock = null)
    {
        var app = JobbtorgAppFactory.WithSettings(Settings(receiver), database, create, drop, clock);
        await app.InitializeAsync();
        return app;
    }

    private static async Task StopAsync(JobbtorgAppFactory app) => await ((IAsyncLifetime)app).DisposeAsync();

    private static async Task<int> ReferAsync(JobbtorgAppFactory app, bool consent = true, string district = District)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = consent, consentDate = consent ? app.Today.ToString("yyyy-MM-dd") : null,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id;
    }

    /// <summary>Messages written as the application writes them: through the outbox, committed with SaveChanges.</summary>
    private static async Task<List<Guid>> EnqueueAsync(JobbtorgAppFactory app, int caseId, int count, MessageKind kind = MessageKind.WeeklyAttendance)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<DistrictOutbox>();
        var c = await db.Cases.Include(x => x.District).SingleAsync(x => x.Id == caseId);
        var ids = Enumerable.Range(1, count).Select(i => outbox.Enqueue(c, kind, $"Meddelande {i}", new { Index = i }).MessageId).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    private static Task<List<DistrictMessage>> StoredAsync(JobbtorgAppFactory app) =>
        app.WithDbAsync(db => db.DistrictMessages.OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task Messages_arrive_signed_with_their_id_and_in_order_for_each_case()
    {
        await using var receiver = new DistrictReceiver();
        await receiver.StartAsync();
        var app = await StartAppAsync(receiver);
        try
        {
            var first = await ReferAsync(app);
            var second = await ReferAsync(app);
            var expected = new Dictionary<int, List<Guid>> { [first] = [], [second] = [] };
            // Interleaved writes: each case's messages must still arrive in the order they were written.
            for (var round = 0; round < 4; round++)
            {
                expected[first].AddRange(await EnqueueAsync(app, first, 2));
                expected[second].AddRange(await EnqueueAsync(app, second, 1));
            }

            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count == 12), $"received {receiver.Messages.Count} of 12");
            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
            var refs = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == first || c.Id == second).ToDictionaryAsync(c => c.CaseRef, c => c.Id));
            foreach (var (caseRef, caseId) in refs)
                Assert.Equal(expected[caseId], receiver.Messages.Where(m => m.CaseRef == caseRef).Select(m => m.MessageId));

            var body = JsonDocument.Parse(receiver.Messages.First().Body).RootElement;
            Assert.Equal(receiver.Messages.First().MessageId, body.GetProperty("messageId").GetGuid());
            Assert.Equal(District, body.GetProperty("district").GetString());
            Assert.False(body.GetProperty("consentRequired").GetBoolean());
            Assert.Equal(1, body.GetProperty("details").GetProperty("index").GetInt32());

            Assert.True(await WaitAsync(async () => (await StoredAsync(app)).All(m => m.State == DeliveryState.Delivered)));
        }
        finally
        {
            await StopAsync(app);
        }
    }

    [Fact]
    public async Task While_the_district_answers_503_the_message_waits_and_is_retried_with_growing_pauses()
    {
        await using var receiver = new DistrictReceiver { Refuse = HttpStatusCode.ServiceUnavailable };
        await receiver.StartAsync();
        var app = await StartAppAsync(receiver);
        try
        {
            var caseId = await ReferAsync(app);
            var ids = await EnqueueAsync(app, caseId, 2);

            Assert.True(await receiver.WaitForAsync(r => r.Refused >= 1));
            var waiting = await WaitForMessageAsync(app, ids[0], m => m.Attempts == 1 && m.LockedUntil == null);
            Assert.Equal(DeliveryState.Pending, waiting.State);
            Assert.Equal("HTTP 503 Service Unavailable", waiting.LastError);
            Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(10), waiting.NextAttemptAt);
            // The later message of the same case does not overtake the one that waits.
            Assert.Equal(0, (await StoredAsync(app)).Single(m => m.MessageId == ids[1]).Attempts);

            // Not before its time: nothing more is tried until the pause has passed.
            await Task.Delay(300);
            Assert.Equal(1, receiver.Refused);
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            waiting = await WaitForMessageAsync(app, ids[0], m => m.Attempts == 2 && m.LockedUntil == null);
            Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(20), waiting.NextAttemptAt);

            // The district is back: both arrive, in order, once each.
            receiver.Refuse = null;
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count == 2));
            Assert.Equal(ids, receiver.Messages.Select(m => m.MessageId));
            var delivered = await WaitForMessageAsync(app, ids[1], m => m.State == DeliveryState.Delivered);
            Assert.Null(delivered.LastError);
        }
        finally
        {
            await StopAsync(app);
        }
    }

    [Fact]
    public async Task A_lost_acknowledgement_sends_the_same_message_id_again_and_the_receiver_deduplicates()
    {
        await using var receiver = new DistrictReceiver { LoseAcknowledgement = true };
        await receiver.StartAsync();
        var app = await StartAppAsync(receiver);
        try
        {
            var ids = await EnqueueAsync(app, await ReferAsync(app), 1);
            Assert.True(await receiver.WaitForAsync(r => r.Requests.Count == 1));
            await WaitForMessageAsync(app, ids[0], m => m.Attempts == 1 && m.LockedUntil == null);
            receiver.LoseAcknowledgement = false;
            app.Clock.Advance(TimeSpan.FromSeconds(10));

            Assert.True(await receiver.WaitForAsync(r => r.Requests.Count == 2));
            Assert.Equal([ids[0], ids[0]], receiver.Requests.Select(r => r.MessageId));
            Assert.Single(receiver.Messages);
            await WaitForMessageAsync(app, ids[0], m => m.State == DeliveryState.Delivered);
        }
        finally
        {
            await StopAsync(app);
        }
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_failed_and_an_operator_sees_it_with_the_error()
    {
        await using var receiver = new DistrictReceiver { Refuse = HttpStatusCode.BadGateway };
        await receiver.StartAsync();
        var app = await StartAppAsync(receiver);
        try
        {
            var ids = await EnqueueAsync(app, await ReferAsync(app), 1);
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await WaitForMessageAsync(app, ids[0], m => m.Attempts == attempt && m.LockedUntil == null);
                app.Clock.Advance(TimeSpan.FromHours(1));
            }
            var failed = await WaitForMessageAsync(app, ids[0], m => m.State == DeliveryState.Failed);
            Assert.Equal("HTTP 502 Bad Gateway", failed.LastError);

            var operatorClient = await app.SignInAsNewAsync(Jobbtorg.Features.Access.Roles.Administrator);
            var queue = await operatorClient.GetStringAsync("/Messages/Queue");
            Assert.Contains("HTTP 502 Bad Gateway", queue);
            Assert.DoesNotContain("Meddelande 1", queue); // the queue shows no message contents

            receiver.Refuse = null;
            var retry = await operatorClient.SubmitFormAsync("/Messages/Queue", new(), $"/Messages/Queue?handler=Retry&id={failed.Id}");
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count == 1));
        }
        finally
        {
            await StopAsync(app);
        }
    }

    [Fact]
    public async Task A_district_whose_endpoint_never_answers_does_not_hold_up_another_district()
    {
        // Skärholmen's system takes every request and never answers; the app would wait ten minutes for each message.
        await using var silent = new DistrictReceiver { Delay = TimeSpan.FromHours(1) };
        await using var farsta = new DistrictReceiver();
        await silent.StartAsync();
        await farsta.StartAsync();
        var settings = Settings(farsta);
        settings["Jobbtorg:DistrictEndpoints:1:District"] = "skarholmen";
        settings["Jobbtorg:DistrictEndpoints:1:Url"] = silent.Url;
        settings["Jobbtorg:DistrictEndpoints:1:Secret"] = silent.Secret;
        settings["Jobbtorg:Outbox:RequestTimeout"] = "00:10:00";
        var app = JobbtorgAppFactory.WithSettings(settings);
        await app.InitializeAsync();
        try
        {
            // The silent district's messages are written first: older, so a single queue would send them first.
            var waiting = new List<Guid>();
            for (var i = 0; i < 6; i++) waiting.AddRange(await EnqueueAsync(app, await ReferAsync(app, district: "skarholmen"), 1));
            var expected = new List<Guid>();
            for (var i = 0; i < 3; i++) expected.AddRange(await EnqueueAsync(app, await ReferAsync(app), 2));

            Assert.True(await farsta.WaitForAsync(r => r.Messages.Count == expected.Count), $"Farsta received {farsta.Messages.Count} of {expected.Count}");
            Assert.Equal(expected.Order(), farsta.Messages.Select(m => m.MessageId).Order());
            Assert.True(await WaitAsync(async () => (await StoredAsync(app)).Where(m => expected.Contains(m.MessageId)).All(m => m.State == DeliveryState.Delivered)));

            // Skärholmen's messages are still on their way: nothing delivered there, nothing given up.
            Assert.Empty(silent.Messages);
            Assert.All((await StoredAsync(app)).Where(m => waiting.Contains(m.MessageId)), m => Assert.Equal(DeliveryState.Pending, m.State));
        }
        finally
        {
            await StopAsync(app);
        }
    }

    [Fact]
    public async Task Nothing_is_lost_when_the_application_stops_mid_way_and_starts_again()
    {
        await using var receiver = new DistrictReceiver { Delay = TimeSpan.FromMilliseconds(150) };
        await receiver.StartAsync();
        var database = JobbtorgAppFactory.NewDatabaseName();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var app = await StartAppAsync(receiver, database, create: true, drop: false, clock);
        List<Guid> written;
        try
        {
            var first = await ReferAsync(app);
            var second = await ReferAsync(app);
            written = [.. await EnqueueAsync(app, first, 10), .. await EnqueueAsync(app, second, 10)];
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count >= 3));
        }
        finally
        {
            await StopAsync(app); // stopped while deliveries are under way
        }
        var beforeRestart = receiver.Messages.Count;
        Assert.InRange(beforeRestart, 3, 19);

        // The same database, a new process: a delivery cut off mid-way is held by its lease until that runs out.
        clock.Advance(TimeSpan.FromMinutes(3));
        app = await StartAppAsync(receiver, database, create: false, drop: true, clock);
        try
        {
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count == 20, TimeSpan.FromSeconds(30)), $"received {receiver.Messages.Count} of 20");
            Assert.Equal(written.Order(), receiver.Messages.Select(m => m.MessageId).Order());
            foreach (var caseMessages in receiver.Messages.GroupBy(m => m.CaseRef))
                Assert.Equal(written.Where(caseMessages.Select(m => m.MessageId).Contains), caseMessages.Select(m => m.MessageId));
            Assert.True(await WaitAsync(async () => (await StoredAsync(app)).All(m => m.State == DeliveryState.Delivered)));
        }
        finally
        {
            await StopAsync(app);
        }
    }

    private static async Task<DistrictMessage> WaitForMessageAsync(JobbtorgAppFactory app, Guid id, Func<DistrictMessage, bool> condition)
    {
        DistrictMessage? last = null;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            last = await app.WithDbAsync(db => db.DistrictMessages.AsNoTracking().SingleAsync(m => m.MessageId == id));
            if (condition(last)) return last;
            await Task.Delay(25);
        }
        Assert.Fail($"The message never reached the expected state; last: {last?.State}, attempts {last?.Attempts}, error {last?.LastError}");
        return last!;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(25);
        }
        return await condition();
    }
}
