using System.Collections.Concurrent;
using System.Text;
using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.DistrictMessages;

/// <summary>
/// Delivers the outbox: at least once, in order per case, retried with growing pauses while a district is down.
/// Only the oldest undelivered message of a case is ever sent, so a later one never overtakes it. Each district is
/// delivered on its own (at most <see cref="OutboxOptions.MaxParallelDistricts"/> at a time, one delivery at a time per
/// district), so a district whose endpoint is slow or never answers holds up only its own messages. Everything is in
/// the database, so a restart continues where it stopped; a delivery cut off mid-way is sent again when its lease runs out.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<OutboxOptions> options, IOptions<DistrictEndpointOptions> districts,
    DistrictEndpoints endpoints, TimeProvider clock, ILogger<OutboxDispatcher> log) : BackgroundService
{
    public const string HttpClientName = "districts";
    private readonly SemaphoreSlim wake = new(0);
    /// <summary>Districts being delivered now, and the deliveries themselves (awaited when the app stops).</summary>
    private readonly ConcurrentDictionary<int, Task> running = new();

    private OutboxOptions Options => options.Value;

    /// <summary>Another instance (or a round after a crash) leaves a message alone while a delivery holds it; it outlasts
    /// the longest attempt, so a slow answer is never sent twice at once.</summary>
    private TimeSpan Lease => TimeSpan.FromMinutes(2) > Options.RequestTimeout + TimeSpan.FromSeconds(30)
        ? TimeSpan.FromMinutes(2) : Options.RequestTimeout + TimeSpan.FromSeconds(30);

    /// <summary>Asks for a round now rather than at the next poll.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0) wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var endpoint in districts.Value.DistrictEndpoints)
            if (DistrictEndpoints.Problem(endpoint) is { } problem) log.LogError("District endpoint not used: {Problem}", problem);
        using var slots = new SemaphoreSlim(Math.Max(1, Options.MaxParallelDistricts));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueDistrictsAsync(slots, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "An outbox round failed; the next one tries again");
            }
            try
            {
                await wake.WaitAsync(Options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        // Deliveries under way end with the stopping token; their leases let a later start send them again.
        try
        {
            await Task.WhenAll(running.Values);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>The oldest waiting message of each case that is due and not held by a delivery under way.</summary>
    private static IQueryable<DistrictMessage> DueHeads(JobbtorgDb db, DateTimeOffset now) => db.DistrictMessages
        .Where(m => m.State == DeliveryState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
        .Where(m => !db.DistrictMessages.Any(earlier => earlier.CaseId == m.CaseId && earlier.Id < m.Id
                                                        && (earlier.State == DeliveryState.Pending || earlier.State == DeliveryState.Failed)));

    /// <summary>Starts a delivery for each district with messages due that has none under way, as far as the slots allow.</summary>
    private async Task StartDueDistrictsAsync(SemaphoreSlim slots, CancellationToken ct)
    {
        List<int> districts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
            districts = await DueHeads(db, clock.GetUtcNow()).Select(m => m.DistrictId).Distinct().ToListAsync(ct);
        }
        foreach (var district in districts)
        {
            if (running.ContainsKey(district)) continue;
            // Every slot taken: the district's turn comes when a delivery ends and wakes the loop.
            if (!await slots.WaitAsync(0, ct)) break;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            running[district] = done.Task;
            _ = Task.Run(async () =>
            {
                try
                {
                    await DeliverDistrictAsync(district, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Delivering to district {DistrictId} failed; the next round tries again", district);
                }
                catch (OperationCanceledException) { }
                finally
                {
                    running.TryRemove(district, out _);
                    slots.Release();
                    done.SetResult();
                    Wake();
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Sends the district's due messages one at a time, oldest first, until none is due.</summary>
    private async Task DeliverDistrictAsync(int districtId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
            var now = clock.GetUtcNow();
            var heads = await DueHeads(db, now).Where(m => m.DistrictId == districtId).OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
            if (heads.Count == 0) return;
            var district = await db.Districts.Where(d => d.Id == districtId).Select(d => d.Code).SingleAsync(ct);
            var attempted = 0;
            foreach (var id in heads)
            {
                var claimedAt = clock.GetUtcNow();
                var until = claimedAt + Lease;
                // The lease: another instance (or a round after a crash) leaves a message alone while it is held.
                var claimed = await db.DistrictMessages.Where(m => m.Id == id && m.State == DeliveryState.Pending && (m.LockedUntil == null || m.LockedUntil < claimedAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct);
                if (claimed == 0) continue;
                attempted++;
                await DeliverAsync(db, id, district, ct);
            }
            if (attempted == 0) return;
        }
    }

    private async Task DeliverAsync(JobbtorgDb db, long id, string district, CancellationToken ct)
    {
        var message = await db.DistrictMessages.AsTracking().FirstAsync(m => m.Id == id, ct);
        // Consent may have been withdrawn since the message was written: it then leaves without its details. Decided here,
        // just before it is signed and sent, and stored as sent, so a retry sends the same bytes.
        if (message.HasDetails && !await db.Cases.Where(c => c.Id == message.CaseId).Select(c => c.ConsentGiven).FirstOrDefaultAsync(ct))
        {
            message.Body = DistrictOutbox.WithoutDetails(message.Body);
            message.HasDetails = false;
        }
        var endpoint = endpoints.For(district);
        var error = endpoint is null ? "no endpoint is configured for the district"
            : DistrictEndpoints.Problem(endpoint) ?? await PostAsync(endpoint, message, ct);

        message.Attempts++;
        message.LockedUntil = null;
        if (error is null)
        {
            message.State = DeliveryState.Delivered;
            message.DeliveredAt = clock.GetUtcNow();
            message.LastError = null;
        }
        else
        {
            message.LastError = error.Length > 500 ? error[..500] : error;
            if (message.Attempts >= Options.MaxAttempts) message.State = DeliveryState.Failed;
            else message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
            log.LogWarning("Message {MessageId} ({Kind}) to {District}, attempt {Attempt}: {Error}",
                message.MessageId, message.Kind, district, message.Attempts, message.LastError);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<string?> PostAsync(DistrictEndpointConfig endpoint, DistrictMessage message, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(message.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(MessageSignature.MessageIdHeader, message.MessageId.ToString());
        request.Headers.Add(MessageSignature.KindHeader, message.Kind.ToString());
        request.Headers.Add(MessageSignature.SignatureHeader, MessageSignature.Sign(body, endpoint.Secret));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.RequestTimeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return e is TaskCanceledException ? "no answer within the time limit" : e.Message;
        }
    }

    public TimeSpan Backoff(int attempts)
    {
        var wait = Options.FirstBackoff * Math.Pow(2, Math.Min(attempts - 1, 20));
        return wait < Options.MaxBackoff ? wait : Options.MaxBackoff;
    }
}
