using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

/// <summary>Slows password guessing without locking anyone out: limits per client address and per account name,
/// the same answer whether the account exists or not. Per app instance.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> byAddress;
    private readonly PartitionedRateLimiter<string> byAccount;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        byAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }));
        byAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerAccountPer15Minutes, Window = TimeSpan.FromMinutes(15) }));
    }

    /// <summary>False when this attempt is one too many.</summary>
    public bool TryAttempt(IPAddress? address, string account)
    {
        using var fromAddress = byAddress.AttemptAcquire(address?.ToString() ?? "unknown");
        using var forAccount = byAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return fromAddress.IsAcquired && forAccount.IsAcquired;
    }

    public void Dispose()
    {
        byAddress.Dispose();
        byAccount.Dispose();
    }
}
