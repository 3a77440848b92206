using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Reminders;

/// <summary>
/// Writes the reminder outbox: once a working day the reminders of the appointments up to the next working day (so
/// on a Friday those of Saturday to Monday, and before a holiday those up to the working day after it), and, whenever
/// asked, a message for each booking moved or cancelled lately. Both are safe to run twice or on two instances at
/// once: the round stores its date and every message its key, uniquely, in the transaction that writes them.
/// </summary>
public sealed class ReminderRound(JobbtorgDb db, ReminderOutbox outbox, IEnumerable<IAppointmentSource> sources, IOptions<ReminderOptions> options,
    TimeProvider clock, ILogger<ReminderRound> log)
{
    public const string RoundLease = "reminders:round";

    /// <summary>The days whose appointments are reminded of on <paramref name="today"/>: from the day after it up to and
    /// including the next working day. Empty when today is not a working day.</summary>
    public static (DateOnly From, DateOnly To)? RemindedDays(DateOnly today)
    {
        if (!WorkingDays.IsWorkingDay(today)) return null;
        var next = today.AddDays(1);
        while (!WorkingDays.IsWorkingDay(next)) next = next.AddDays(1);
        return (today.AddDays(1), next);
    }

    /// <summary>Runs the day's round unless it has run; null when it did not run now (not a working day, already run,
    /// or another instance is running it), else the number of messages written.</summary>
    public async Task<int?> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        if (RemindedDays(today) is not { } days) return null;
        var (from, to) = days;
        if (await db.ReminderRoundRuns.AnyAsync(r => r.Date == today, ct)) return null;
        // One instance works on the round while others wait for the next poll; the lease is given back at the end.
        if (!await Leases.TryTakeAsync(db, RoundLease, TimeSpan.FromMinutes(5), clock, ct)) return null;
        try
        {
            return await RunHeldAsync(today, from, to, ct);
        }
        finally
        {
            var now = clock.GetUtcNow();
            await db.Set<Lease>().Where(l => l.Name == RoundLease).ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldUntil, now), CancellationToken.None);
        }
    }

    private async Task<int?> RunHeldAsync(DateOnly today, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = Clock.FromStockholm(from, TimeOnly.MinValue) ?? throw new InvalidOperationException("No midnight in Stockholm.");
        var end = Clock.FromStockholm(to.AddDays(1), TimeOnly.MinValue) ?? throw new InvalidOperationException("No midnight in Stockholm.");
        var drafts = new List<ReminderOutbox.Draft>();
        foreach (var source in sources)
            foreach (var a in await source.StartingAsync(db, start, end, ct))
            {
                var (subject, body) = ReminderTexts.Reminder(a);
                drafts.Add(new(a, ReminderKind.Reminder, subject, body));
            }
        var count = await outbox.AddAsync(drafts, ct);
        db.ReminderRoundRuns.Add(new ReminderRoundRun { Date = today, RanAt = clock.GetUtcNow(), Messages = count });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.ReminderRoundRuns.AnyAsync(r => r.Date == today, ct)) return null;
            throw;
        }
        log.LogInformation("Reminder round for {Date}: {Messages} messages for appointments {From} to {To}", today, count, from, to);
        return count;
    }

    /// <summary>A message for each booking moved or cancelled within the look-back whose time still lies ahead, to the
    /// participants who had agreed to reminders when it changed. Returns the number of messages written.</summary>
    public async Task<int> ChangesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var drafts = new List<ReminderOutbox.Draft>();
        foreach (var source in sources)
            foreach (var change in await source.ChangedAsync(db, now - options.Value.ChangesLookBack, now, ct))
            {
                var (kind, (subject, body)) = change.MovedTo is { } to
                    ? (ReminderKind.Moved, ReminderTexts.Moved(change.Cancelled, to))
                    : (ReminderKind.Cancelled, ReminderTexts.Cancelled(change.Cancelled));
                drafts.Add(new(change.Cancelled, kind, subject, body, change.ChangedAt));
            }
        var count = await outbox.AddAsync(drafts, ct);
        if (count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance wrote the same keys first.
            db.ChangeTracker.Clear();
            return 0;
        }
        return count;
    }
}
