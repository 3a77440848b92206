using System.Globalization;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Attendance;

public sealed record RoundResult(bool NotRegisteredRan, int NotRegisteredMessages, bool WeeklyRan, int WeeklyMessages);

/// <summary>
/// The morning rounds of a working day: required days of the previous working day(s) that nobody registered are reported
/// to the district as "not registered" (and shown to the coach on the start page, which reads the registrations live);
/// on the first working day of a week each participant's previous week is summed up for the district.
/// Each round stores a row keyed by (round, date) in the same transaction as its messages, so it runs once per date even
/// with two instances or after a restart.
/// </summary>
public sealed class AttendanceRounds(JobbtorgDb db, AttendanceRegister register, DistrictOutbox outbox, TimeProvider clock,
    ILogger<AttendanceRounds> log)
{
    public const string NotRegisteredRound = "NotRegistered";
    public const string WeeklyRound = "Weekly";
    /// <summary>After a longer stop the first round looks back at most this far.</summary>
    public const int MaxCatchUpDays = 31;

    public async Task<RoundResult> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        if (!WorkingDays.IsWorkingDay(today)) return new(false, 0, false, 0);
        var (notRegisteredRan, notRegistered) = await NotRegisteredAsync(today, ct);
        var (weeklyRan, weekly) = await WeeklyAsync(today, ct);
        return new(notRegisteredRan, notRegistered, weeklyRan, weekly);
    }

    /// <summary>Covers the working days from the last round's date (or the previous working day) up to yesterday.</summary>
    private async Task<(bool, int)> NotRegisteredAsync(DateOnly today, CancellationToken ct)
    {
        if (await db.AttendanceRoundRuns.AnyAsync(r => r.Round == NotRegisteredRound && r.Date == today, ct)) return (false, 0);
        var previous = WorkingDays.PreviousWorkingDay(today);
        var last = await db.AttendanceRoundRuns.Where(r => r.Round == NotRegisteredRound && r.Date < today)
            .MaxAsync(r => (DateOnly?)r.Date, ct);
        var from = last is { } l && l < previous && l >= today.AddDays(-MaxCatchUpDays) ? l : previous;

        var missing = (await register.SlotsAsync(db.Cases, from, today.AddDays(-1), ct: ct)).Where(s => !s.IsRegistered).ToList();
        var count = 0;
        foreach (var day in missing.GroupBy(s => (s.Case.Id, s.Date)).OrderBy(g => g.Key.Date).ThenBy(g => g.Key.Id))
        {
            outbox.AttendanceNotRegistered(day.First().Case, day.Key.Date, day.Select(s => s.ActivityType));
            count++;
        }
        return await CompleteAsync(NotRegisteredRound, today, count, ct) ? (true, count) : (false, 0);
    }

    /// <summary>The week before, sent once, on the first working day the rounds run in the following week. Keyed by the
    /// reported week's Monday.</summary>
    private async Task<(bool, int)> WeeklyAsync(DateOnly today, CancellationToken ct)
    {
        var monday = WorkingDays.MondayOf(today).AddDays(-7);
        if (await db.AttendanceRoundRuns.AnyAsync(r => r.Round == WeeklyRound && r.Date == monday, ct)) return (false, 0);
        var sunday = monday.AddDays(6);
        var week = ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
        var slots = await register.SlotsAsync(db.Cases, monday, sunday, ct: ct);
        var count = 0;
        foreach (var perCase in slots.GroupBy(s => s.Case.Id).OrderBy(g => g.Key))
        {
            var counts = AttendanceCounts.Of(perCase);
            var days = perCase.GroupBy(s => s.Date).OrderBy(g => g.Key).Select(d =>
            {
                var dayCounts = AttendanceCounts.Of(d);
                return new
                {
                    Date = d.Key,
                    dayCounts.Present, ExcusedAbsence = dayCounts.Excused, UnexcusedAbsence = dayCounts.Unexcused, dayCounts.NotRegistered,
                    Activities = d.Select(s => new
                    {
                        Activity = s.ActivityType.Code, Name = s.ActivityType.NameSv,
                        Status = s.Status?.ToString() ?? "NotRegistered", Reason = s.Registration?.Reason?.ToString(),
                    }).ToList(),
                };
            }).ToList();
            outbox.WeeklyAttendance(perCase.First().Case, monday, week,
                new { counts.Present, ExcusedAbsence = counts.Excused, UnexcusedAbsence = counts.Unexcused, counts.NotRegistered, counts.Rate },
                days, counts.Present, counts.Excused, counts.Unexcused, counts.NotRegistered);
            count++;
        }
        return await CompleteAsync(WeeklyRound, monday, count, ct) ? (true, count) : (false, 0);
    }

    /// <summary>Stores the round's row with its messages; false when another instance stored the same round first.</summary>
    private async Task<bool> CompleteAsync(string round, DateOnly date, int messages, CancellationToken ct)
    {
        db.AttendanceRoundRuns.Add(new AttendanceRoundRun { Round = round, Date = date, RanAt = clock.GetUtcNow(), Messages = messages });
        try
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Attendance round {Round} for {Date} sent {Messages} messages", round, date, messages);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.AttendanceRoundRuns.AnyAsync(r => r.Round == round && r.Date == date, ct)) return false;
            throw;
        }
    }
}

/// <summary>Runs the rounds each working day from 06:00 Stockholm time; switched off by Jobbtorg:Attendance:DailyRounds=false.</summary>
public sealed class AttendanceRoundsService(IServiceScopeFactory scopes, IOptions<AttendanceOptions> options, TimeProvider clock,
    ILogger<AttendanceRoundsService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DailyRounds || settings.CheckEvery <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var local = clock.GetUtcNow().ToStockholm();
                if (TimeOnly.FromTimeSpan(local.TimeOfDay) >= settings.RoundsFrom)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AttendanceRounds>().RunAsync(clock.Today(), stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The attendance rounds failed; the next check tries again");
            }
            await Task.Delay(settings.CheckEvery, clock, stoppingToken);
        }
    }
}
