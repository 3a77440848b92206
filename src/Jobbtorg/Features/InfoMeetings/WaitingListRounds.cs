using Jobbtorg.Data;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Serves the waiting lists at intervals: meetings scheduled beyond the booking horizon come within it as
/// days pass, and the people waiting longest should have them first. With several app instances each one's timer
/// ticks, but a lease in the database lets only one of them serve the lists per interval.</summary>
public sealed class WaitingListRounds(IServiceScopeFactory scopes, IOptions<InfoMeetingOptions> options, TimeProvider clock,
    ILogger<WaitingListRounds> log) : BackgroundService
{
    public const string LeaseName = "WaitingListRound";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.ServeWaitingListsEvery;
        if (every <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Serving the waiting lists failed; the next round tries again");
            }
        }
    }

    /// <summary>Serves the lists unless another instance did within this interval; true when this call served them.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        // Nine tenths of the interval: the timers of the instances drift apart, and the next interval's first tick,
        // whichever instance it comes from, should find the lease free.
        var every = options.Value.ServeWaitingListsEvery;
        if (!await Leases.TryTakeAsync(db, LeaseName, every > TimeSpan.Zero ? every * 0.9 : TimeSpan.FromMinutes(1), clock, ct))
            return false;
        await scope.ServiceProvider.GetRequiredService<ServeWaitingList>().AllAsync(ct);
        return true;
    }
}
