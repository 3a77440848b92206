using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Reminders;

/// <summary>
/// Sends the reminder outbox: each due message is first claimed with a guarded update that sets its lease, so of two
/// instances (or two rounds) only one sends it; a send cut off mid-way is tried again when the lease has run out. The
/// consent and the person's protection are read again just before sending: a message for a channel the participant
/// has left, or for a person whose identity is now protected, is withdrawn instead. A failure waits twice as long each
/// time and after the last attempt the message is failed, for a manager or an administrator to see.
/// </summary>
public sealed class ReminderDispatcher(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, SmtpReminderSender email, SmsReminderSender sms,
    TimeProvider clock, ILogger<ReminderDispatcher> log)
{
    private ReminderOptions Options => options.Value;
    private TimeSpan Lease => Options.SendTimeout + TimeSpan.FromMinutes(1);

    /// <summary>Sends every due message once; returns how many this call attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var attempted = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
            var now = clock.GetUtcNow();
            var due = await db.ReminderMessages
                .Where(m => m.State == ReminderState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
            var round = 0;
            foreach (var id in due)
            {
                var claimedAt = clock.GetUtcNow();
                var until = claimedAt + Lease;
                var claimed = await db.ReminderMessages
                    .Where(m => m.Id == id && m.State == ReminderState.Pending && (m.LockedUntil == null || m.LockedUntil < claimedAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct);
                if (claimed == 0) continue;
                round++;
                await SendAsync(db, id, ct);
            }
            attempted += round;
            if (round == 0) break;
        }
        return attempted;
    }

    private async Task SendAsync(JobbtorgDb db, long id, CancellationToken ct)
    {
        var message = await db.ReminderMessages.AsTracking().FirstAsync(m => m.Id == id, ct);
        var shielded = await db.Cases.Where(c => c.Id == message.CaseId).Select(c => c.Participant.ProtectedIdentity).FirstAsync(ct);
        var consent = (await ReminderOutbox.ConsentsAsync(db, [message.CaseId], ct)).GetValueOrDefault(message.CaseId);
        message.LockedUntil = null;
        if (shielded || consent is null || !consent.Allows(message.Channel))
        {
            message.State = ReminderState.Withdrawn;
            message.LastError = shielded ? "The person's identity is protected." : "The participant opted out.";
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        string? error;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(Options.SendTimeout);
            try
            {
                error = message.Channel == ReminderChannel.Email
                    ? await email.SendAsync(consent.Email!, message, timeout.Token)
                    : await sms.SendAsync(consent.Phone!, message, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error = "no answer within the time limit";
            }
        }

        message.Attempts++;
        if (error is null)
        {
            message.State = ReminderState.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
        }
        else
        {
            message.LastError = error.Length > 500 ? error[..500] : error;
            if (message.Attempts >= Options.MaxAttempts) message.State = ReminderState.Failed;
            else message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
            // Never the address or the text: only which message, and what went wrong.
            log.LogWarning("Reminder {MessageId} ({Kind}, {Channel}), attempt {Attempt}: {Error}", message.Id, message.Kind, message.Channel,
                message.Attempts, message.LastError);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public TimeSpan Backoff(int attempts)
    {
        var wait = Options.FirstBackoff * Math.Pow(2, Math.Min(attempts - 1, 20));
        return wait < Options.MaxBackoff ? wait : Options.MaxBackoff;
    }
}

/// <summary>Every poll: the day's round once it is time (on one instance, once a day), the messages about changed
/// bookings, and the sending. Switched off by Jobbtorg:Reminders:Enabled=false.</summary>
public sealed class RemindersService(IServiceScopeFactory scopes, ReminderDispatcher dispatcher, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<RemindersService> log) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);

    public void Wake()
    {
        if (wake.CurrentCount == 0) wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Smtp.IsOn) log.LogInformation("Reminders by e-mail are on");
        else log.LogInformation("Reminders by e-mail are off: Jobbtorg:Reminders:Smtp:Host is not set");
        if (settings.Sms.IsOn) log.LogInformation("Reminders by SMS are on");
        else log.LogInformation("Reminders by SMS are off: Jobbtorg:Reminders:Sms:Url is not set");
        if (!settings.Enabled || settings.PollInterval <= TimeSpan.Zero)
        {
            log.LogInformation("Reminders are not sent by this instance: Jobbtorg:Reminders:Enabled is false");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var round = scope.ServiceProvider.GetRequiredService<ReminderRound>();
                    if (TimeOnly.FromDateTime(Shared.Clock.ToStockholm(clock.GetUtcNow()).DateTime) >= settings.RoundFrom)
                        await round.RunAsync(Shared.Clock.Today(clock), stoppingToken);
                    // Safe on every instance at once: each message's key is unique.
                    await round.ChangesAsync(stoppingToken);
                }
                await dispatcher.SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A reminder round failed; the next one tries again");
            }
            try
            {
                await wake.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
