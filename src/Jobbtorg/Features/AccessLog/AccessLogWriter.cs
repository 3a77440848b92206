using System.Threading.Channels;
using Jobbtorg.Data;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// Takes entries from requests without making them wait, and seals them into the chain in batches: every
/// <see cref="AccessLogOptions.BatchIntervalMilliseconds"/> or <see cref="AccessLogOptions.BatchSize"/> entries, whichever
/// comes first. <see cref="FlushAsync"/> writes everything handed over so far (at shutdown, and in tests). A batch that
/// cannot be written is kept and tried again.
/// </summary>
public sealed class AccessLogWriter(IServiceScopeFactory scopes, IOptions<AccessLogOptions> options, ILogger<AccessLogWriter> log)
    : BackgroundService
{
    private readonly Channel<AccessLogEntry> queue = Channel.CreateUnbounded<AccessLogEntry>(new UnboundedChannelOptions { SingleReader = false });
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly List<AccessLogEntry> pending = [];

    public void Enqueue(AccessLogEntry entry) => queue.Writer.TryWrite(entry);

    /// <summary>Writes every entry handed over before the call.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await writing.WaitAsync(ct);
        try
        {
            while (TakeBatch() is { Count: > 0 } batch) await WriteAsync(batch, ct);
        }
        finally
        {
            writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.BatchIntervalMilliseconds);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a batch gather, unless it is full already.
                if (queue.Reader.Count < options.Value.BatchSize) await Task.Delay(interval, stoppingToken);
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Access-log entries could not be written; they are kept and tried again.");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e)
        {
            log.LogError(e, "Access-log entries could not be written at shutdown.");
        }
    }

    private List<AccessLogEntry> TakeBatch()
    {
        var size = options.Value.BatchSize;
        while (pending.Count < size && queue.Reader.TryRead(out var entry)) pending.Add(entry);
        return pending.Take(size).ToList();
    }

    private async Task WriteAsync(List<AccessLogEntry> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        await AccessLogChain.SealAsync(db, batch, ct);
        pending.RemoveRange(0, batch.Count);
    }
}
