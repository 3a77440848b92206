using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Jobbtorg.Features.DistrictMessages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jobbtorg.Tests.DistrictMessages;

/// <summary>A district's system in miniature: a real Kestrel server on 127.0.0.1 that checks each message's signature,
/// keeps what it accepted, and deduplicates on the message id as a real receiver should.</summary>
public sealed class DistrictReceiver : IAsyncDisposable
{
    public sealed record Received(Guid MessageId, string Kind, string CaseRef, string Body, bool SignatureValid);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<Guid, int> seen = new();

    public string Secret { get; } = "district-secret-" + Guid.NewGuid().ToString("N");
    public string Url { get; private set; } = "";
    /// <summary>Every accepted request in arrival order, duplicates included.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>Each message once, in the order first accepted.</summary>
    public ConcurrentQueue<Received> Messages { get; } = new();
    /// <summary>Non-null: every request is answered with this status and not accepted.</summary>
    public HttpStatusCode? Refuse { get; set; }
    /// <summary>Accepts the message, then answers 500 anyway: a lost acknowledgement, so the sender must try again.</summary>
    public bool LoseAcknowledgement { get; set; }
    public TimeSpan Delay { get; set; }
    public int Refused;

    public DistrictReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/messages", async (HttpContext http) =>
        {
            // A sender that gives up (or stops) ends the wait, as a real server's request would end.
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, http.RequestAborted);
            if (Refuse is { } status)
            {
                Interlocked.Increment(ref Refused);
                return Results.StatusCode((int)status);
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = MessageSignature.Verify(body, Secret, http.Request.Headers[MessageSignature.SignatureHeader]);
            if (!valid) return Results.Unauthorized();
            using var json = JsonDocument.Parse(body);
            var id = Guid.Parse(http.Request.Headers[MessageSignature.MessageIdHeader]!);
            var received = new Received(id, json.RootElement.GetProperty("kind").GetString()!, json.RootElement.GetProperty("caseRef").GetString()!,
                System.Text.Encoding.UTF8.GetString(body), valid);
            Requests.Enqueue(received);
            if (seen.TryAdd(id, 1)) Messages.Enqueue(received);
            return LoseAcknowledgement ? Results.StatusCode(500) : Results.Ok();
        });
    }

    public async Task StartAsync()
    {
        await app.StartAsync();
        Url = app.Urls.First().TrimEnd('/') + "/messages";
    }

    public async Task<bool> WaitForAsync(Func<DistrictReceiver, bool> condition, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (condition(this)) return true;
            await Task.Delay(25);
        }
        return condition(this);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
