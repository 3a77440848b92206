using Jobbtorg.Features.Reminders;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Jobbtorg.Tests.Reminders.ReminderKit;

namespace Jobbtorg.Tests.Reminders;

/// <summary>Two instances of the app on one PostgreSQL database, as behind a load balancer: the reminder round runs
/// once and each reminder is sent once, whichever instance gets there first.</summary>
[Trait("Category", "Http")]
public sealed class ReminderTwoInstancesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeSmsProvider sms = new();
    private readonly string database = JobbtorgAppFactory.NewDatabaseName();
    private JobbtorgAppFactory a = null!;
    private JobbtorgAppFactory b = null!;

    public async Task InitializeAsync()
    {
        if (!JobbtorgAppFactory.OnPostgres) return;
        await sms.StartAsync();
        var settings = Settings(sms, null);
        a = JobbtorgAppFactory.WithSettings(settings, database, createDatabase: true, dropDatabase: false, clock: clock);
        b = JobbtorgAppFactory.WithSettings(settings, database, createDatabase: false, dropDatabase: true, clock: clock);
        await a.InitializeAsync();
        await b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (!JobbtorgAppFactory.OnPostgres) return;
        await ((IAsyncLifetime)a).DisposeAsync();
        await ((IAsyncLifetime)b).DisposeAsync();
        await sms.DisposeAsync();
    }

    [PostgresFact]
    public async Task The_round_runs_once_and_each_reminder_is_sent_once_across_both_instances()
    {
        var manager = await ManagerAsync(a);
        for (var i = 0; i < 8; i++)
        {
            var (caseId, _) = await BookedCaseAsync(a, manager, new DateOnly(2026, 3, 16), $"{8 + i:00}:00");
            await ConsentAsync(manager, caseId, true, Phone, false, null);
        }
        var friday = new DateOnly(2026, 3, 13);
        var rounds = await Task.WhenAll(RoundAsync(a, friday), RoundAsync(b, friday), RoundAsync(a, friday), RoundAsync(b, friday));
        Assert.Equal([8], rounds.Where(r => r is not null).Select(r => r!.Value));
        Assert.Equal(1, await a.WithDbAsync(db => db.ReminderRoundRuns.CountAsync()));

        static Task<int> Send(JobbtorgAppFactory app) => app.Services.GetRequiredService<ReminderDispatcher>().SendDueAsync();
        var sent = await Task.WhenAll(Send(a), Send(b), Send(a), Send(b));
        Assert.Equal(8, sent.Sum());
        Assert.Equal(8, sms.Requests.Count);
        Assert.Equal(8, sms.Requests.Select(r => r.Reference).Distinct().Count());
        Assert.All(await MessagesAsync(b), m => Assert.Equal((ReminderState.Sent, 1), (m.State, m.Attempts)));
    }
}
