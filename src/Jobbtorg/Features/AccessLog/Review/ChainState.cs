using Jobbtorg.Data;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>The result of verifying the access log's hash chain: intact, or the first entry whose link is broken.</summary>
public sealed record ChainState(bool Intact, long? FirstBrokenSequence, DateTimeOffset CheckedAt);

/// <summary>
/// The chain's state for the review page. A verification walks the whole log, so each instance keeps its latest result
/// for <see cref="Interval"/> and verifies again only after that; the <c>verify-access-log</c> command always walks it.
/// </summary>
public sealed class AccessLogChainState(TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    private readonly SemaphoreSlim _one = new(1, 1);
    private ChainState? _latest;

    public async Task<ChainState> CurrentAsync(JobbtorgDb db, CancellationToken ct)
    {
        if (_latest is { } fresh && clock.GetUtcNow() - fresh.CheckedAt < Interval) return fresh;
        await _one.WaitAsync(ct);
        try
        {
            if (_latest is { } other && clock.GetUtcNow() - other.CheckedAt < Interval) return other;
            var report = await AccessLogChain.VerifyAsync(db, ct);
            return _latest = new ChainState(report.Intact, report.Sequence, clock.GetUtcNow());
        }
        finally
        {
            _one.Release();
        }
    }
}
