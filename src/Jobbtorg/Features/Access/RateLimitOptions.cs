using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.Access;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts a minute from one client address.</summary>
    [Range(1, 100_000)] public int SignInsPerAddressPerMinute { get; set; } = 10;
    /// <summary>Sign-in attempts in 15 minutes for one e-mail address, whether or not such an account exists.</summary>
    [Range(1, 100_000)] public int SignInsPerAccountPer15Minutes { get; set; } = 20;
    /// <summary>Requests a minute with one API key.</summary>
    [Range(1, 10_000_000)] public int ApiRequestsPerKeyPerMinute { get; set; } = 1200;
}
