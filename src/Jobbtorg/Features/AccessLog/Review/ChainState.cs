namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>The result of verifying the access log's hash chain: intact, or the first entry whose link is broken.</summary>
public sealed record ChainState(bool Intact, long? FirstBrokenSequence, DateTimeOffset CheckedAt);

/// <summary>Where the review page learns the chain's state. The verification belongs to the access log itself; until it
/// registers an implementation, <see cref="NoChainState"/> answers and the page shows no chain section.</summary>
public interface IAccessLogChainState
{
    Task<ChainState?> CurrentAsync(CancellationToken ct);
}

public sealed class NoChainState : IAccessLogChainState
{
    public Task<ChainState?> CurrentAsync(CancellationToken ct) => Task.FromResult<ChainState?>(null);
}
