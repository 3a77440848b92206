using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Serves the waiting lists at intervals: meetings scheduled beyond the booking horizon come within it as
/// days pass, and the people waiting longest should have them first.</summary>
public sealed class WaitingListRounds(IServiceScopeFactory scopes, IOptions<InfoMeetingOptions> options, ILogger<WaitingListRounds> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.ServeWaitingListsEvery;
        if (every <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ServeWaitingList>().AllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Serving the waiting lists failed; the next round tries again");
            }
        }
    }
}
