using Jobbtorg.Features.Shared;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Retention;

/// <summary>Looks every <see cref="RetentionOptions.CheckEvery"/> whether the day's retention round is due (from
/// <see cref="RetentionOptions.RunFrom"/>, Stockholm time) and runs it; the round itself makes sure it runs once a day
/// on one instance.</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var local = clock.GetUtcNow().ToStockholm();
                if (TimeOnly.FromTimeSpan(local.TimeOfDay) >= settings.RunFrom)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RetentionRound>().RunAsync(clock.Today(), stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The retention round failed; the next check tries again");
            }
            await Task.Delay(settings.CheckEvery, clock, stoppingToken);
        }
    }
}
