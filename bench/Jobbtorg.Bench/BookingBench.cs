using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Jobbtorg.Data;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Bench;

/// <summary>
/// Info-meeting bookings under concurrency, straight through the booking use case (<see cref="InProcess"/>) with one database context per
/// booking (as one per request in the app). Creates a fresh database, imports N referred cases for Farsta's three
/// districts, then (1) every case asks for the same meeting with limited seats, (2) every case is booked automatically
/// over seven weeks of meetings where the weekly quotas bind. After each phase it checks that no meeting is oversold,
/// every seat counter equals its bookings, no case holds two bookings and no quota is exceeded.
/// </summary>
public static class BookingBench
{
    private const int ContendedSeats = 100;
    private const int Weeks = 7;
    private const int MeetingsPerWeek = 5;
    private const int SeatsPerMeeting = 60;
    private static readonly string[] Districts = ["enskede-arsta-vantor", "skarpnack", "farsta"];
    /// <summary>Places a week in phase 2: Enskede-Årsta-Vantör's is lower, so its quota runs out before the seats do.</summary>
    private static readonly Dictionary<string, int> Quotas = new() { ["enskede-arsta-vantor"] = 60, ["skarpnack"] = 100, ["farsta"] = 100 };

    /// <summary>Monday 9 March 2026, 09:00 Stockholm: meetings from the next Monday lie within the eight-week horizon.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>Returns the bookings per second of each phase; throws when an invariant is broken. On PostgreSQL the workers
    /// share a pool of <paramref name="connections"/>, as the requests of one app instance share its pool.</summary>
    public static async Task<(double Phase1, double Phase2)> RunAsync(string provider, int cases, string postgresServer, int workers, int connections)
    {
        var database = $"jobbtorg_bench_{Guid.NewGuid():N}";
        var sqliteFile = Path.Combine(Path.GetTempPath(), database + ".db");
        var onPostgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        if (onPostgres) await BenchDatabase.CreateAsync(postgresServer, database);
        var clock = new FixedClock(Now);
        try
        {
            JobbtorgDb Open() => InProcess.Open(onPostgres, postgresServer + $";Database={database};Maximum Pool Size={connections}", sqliteFile);

            await using (var db = Open()) await InProcess.MigrateAndSeedAsync(db);
            var caseIds = await ImportCasesAsync(Open, clock, cases);
            Console.WriteLine($"{provider}: {caseIds.Count:N0} referred cases in {string.Join(", ", Districts)}; {workers} parallel workers");

            int farsta, contended;
            await using (var db = Open())
            {
                farsta = await db.JobCentres.Where(j => j.Code == "farsta").Select(j => j.Id).SingleAsync();
                // Phase 1 is about seats alone: the quotas are lifted out of the way.
                await db.DistrictQuotas.Where(q => q.Kind == MeetingKind.Adult).ExecuteUpdateAsync(s => s.SetProperty(q => q.PlacesPerWeek, 100_000));
                var meeting = NewMeeting(farsta, new DateOnly(2026, 3, 16), ContendedSeats);
                db.InfoMeetings.Add(meeting);
                await db.SaveChangesAsync();
                contended = meeting.Id;
            }

            // Phase 1: everyone wants the same meeting.
            var (booked, refused, elapsed, reasons, cpu) = await RaceAsync(caseIds, workers, async id =>
            {
                await using var db = Open();
                return await InProcess.BookAsync(db, clock, id, contended);
            });
            var phase1 = caseIds.Count / elapsed.TotalSeconds;
            Console.WriteLine($"{provider}: phase 1, {caseIds.Count:N0} chosen bookings on one meeting of {ContendedSeats} seats: {booked:N0} booked, {refused:N0} refused " +
                              $"in {elapsed.TotalSeconds:N2} s = {caseIds.Count / elapsed.TotalSeconds:N0} bookings/s ({Reasons(reasons)}); {PerBooking(cpu, caseIds.Count, onPostgres)}");
            if (booked != Math.Min(ContendedSeats, caseIds.Count)) throw new InvalidOperationException($"Expected {Math.Min(ContendedSeats, caseIds.Count)} booked, got {booked}.");
            await CheckAsync(Open, provider);

            // Phase 2: automatic bookings spread over seven weeks of meetings, with the weekly quotas binding.
            await using (var db = Open())
            {
                foreach (var (code, places) in Quotas)
                    await db.DistrictQuotas.Where(q => q.Kind == MeetingKind.Adult && db.Districts.Any(d => d.Id == q.DistrictId && d.Code == code))
                        .ExecuteUpdateAsync(s => s.SetProperty(q => q.PlacesPerWeek, places));
                for (var week = 0; week < Weeks; week++)
                    for (var day = 0; day < MeetingsPerWeek; day++)
                        db.InfoMeetings.Add(NewMeeting(farsta, new DateOnly(2026, 3, 16).AddDays(7 * week + day), SeatsPerMeeting, hour: 13));
                await db.SaveChangesAsync();
            }
            (booked, refused, elapsed, reasons, cpu) = await RaceAsync(caseIds, workers, async id =>
            {
                await using var db = Open();
                return await InProcess.BookAsync(db, clock, id);
            });
            int waiting, bookedNow;
            await using (var db = Open())
            {
                waiting = await db.InfoMeetingWaits.CountAsync();
                bookedNow = await db.InfoMeetingBookings.CountAsync(b => b.Status == BookingStatus.Booked);
            }
            Console.WriteLine($"{provider}: phase 2, {caseIds.Count:N0} automatic bookings over {Weeks * MeetingsPerWeek} meetings ({Weeks * MeetingsPerWeek * SeatsPerMeeting + ContendedSeats:N0} seats " +
                              $"in all; weekly quotas {string.Join(", ", Quotas.Select(q => $"{q.Key} {q.Value}"))}): {booked:N0} booked, {refused:N0} on the waiting list " +
                              $"in {elapsed.TotalSeconds:N2} s = {caseIds.Count / elapsed.TotalSeconds:N0} bookings/s ({Reasons(reasons)}); {PerBooking(cpu, caseIds.Count, onPostgres)}");
            if (bookedNow + waiting != caseIds.Count) throw new InvalidOperationException($"{bookedNow} booked + {waiting} waiting is not {caseIds.Count}.");
            await CheckAsync(Open, provider);
            return (phase1, caseIds.Count / elapsed.TotalSeconds);
        }
        finally
        {
            if (onPostgres)
            {
                await BenchDatabase.DropAsync(postgresServer, database);
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(sqliteFile);
            }
        }
    }

    private static InfoMeeting NewMeeting(int centre, DateOnly day, int seats, int hour = 9) =>
        InProcess.NewMeeting(centre, "farsta", day, new TimeOnly(hour, 0), seats, Now);

    /// <summary>Runs the work for every case on a number of parallel workers; a refusal (409 in the API) counts as refused.</summary>
    private static async Task<(int Booked, int Refused, TimeSpan Elapsed, ConcurrentDictionary<string, int> Reasons, Cpu Cpu)> RaceAsync(
        List<int> caseIds, int workers, Func<int, Task<bool>> book)
    {
        var queue = new ConcurrentQueue<int>(caseIds);
        var reasons = new ConcurrentDictionary<string, int>();
        int booked = 0, refused = 0;
        var cpu = Cpu.Used();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id))
            {
                try
                {
                    if (await book(id)) Interlocked.Increment(ref booked);
                    else { Interlocked.Increment(ref refused); reasons.AddOrUpdate("waiting", 1, (_, n) => n + 1); }
                }
                catch (RuleBrokenException e)
                {
                    Interlocked.Increment(ref refused);
                    reasons.AddOrUpdate(e.Template, 1, (_, n) => n + 1);
                }
            }
        })));
        return (booked, refused, clock.Elapsed, reasons, Cpu.Used() - cpu);
    }

    /// <summary>The CPU a booking cost this process (the use case, as in the app) and the database's server.</summary>
    private static string PerBooking(Cpu cpu, int bookings, bool onPostgres) =>
        $"CPU a booking: bench process {cpu.App.TotalMilliseconds / bookings:N2} ms" +
        (onPostgres ? $", PostgreSQL {cpu.Database.TotalMilliseconds / bookings:N2} ms" : "");

    private static string Reasons(ConcurrentDictionary<string, int> reasons) =>
        reasons.IsEmpty ? "no refusals" : string.Join("; ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value:N0} × {r.Key}"));

    /// <summary>The invariants: no meeting oversold, counters equal bookings, one standing booking per case, no quota exceeded.</summary>
    private static async Task CheckAsync(Func<JobbtorgDb> open, string provider)
    {
        await using var db = open();
        var held = await db.InfoMeetingBookings.Where(b => b.Status != BookingStatus.Cancelled)
            .GroupBy(b => b.InfoMeetingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var meetings = await db.InfoMeetings.AsNoTracking().ToListAsync();
        var oversold = meetings.Count(m => m.BookedSeats > m.Capacity || held.GetValueOrDefault(m.Id) > m.Capacity);
        var counterOff = meetings.Count(m => m.BookedSeats != held.GetValueOrDefault(m.Id));
        var doubled = await db.InfoMeetingBookings.Where(b => b.Status == BookingStatus.Booked).GroupBy(b => b.CaseId).CountAsync(g => g.Count() > 1);
        var bothWaitingAndBooked = await db.InfoMeetingWaits.CountAsync(w => db.InfoMeetingBookings.Any(b => b.ActiveCaseId == w.CaseId));
        var quotas = await db.DistrictQuotas.AsNoTracking().ToDictionaryAsync(q => (q.DistrictId, q.Kind), q => q.PlacesPerWeek);
        var perWeek = (await db.InfoMeetingBookings.Where(b => b.Status != BookingStatus.Cancelled)
                .Select(b => new { b.Case.DistrictId, b.Meeting.Kind, b.Meeting.WeekStart }).ToListAsync())
            .GroupBy(x => (x.DistrictId, x.Kind, x.WeekStart)).ToDictionary(g => g.Key, g => g.Count());
        var usages = await db.QuotaUsages.AsNoTracking().ToListAsync();
        var overQuota = usages.Count(u => u.Used > quotas[(u.DistrictId, u.Kind)]);
        var usageOff = usages.Count(u => u.Used != perWeek.GetValueOrDefault((u.DistrictId, u.Kind, u.WeekStart)));
        var fullWeeks = usages.Count(u => u.Used == quotas[(u.DistrictId, u.Kind)]);
        var deadlocks = db is PostgresJobbtorgDb
            ? $"; deadlocks so far {await db.Database.SqlQuery<long>($"SELECT deadlocks AS \"Value\" FROM pg_stat_database WHERE datname = current_database()").SingleAsync()}"
            : "";
        Console.WriteLine($"{provider}:   check: {oversold} meetings oversold, {counterOff} seat counters off, {doubled} cases booked twice, " +
                          $"{bothWaitingAndBooked} both waiting and booked, {overQuota} district weeks over quota, {usageOff} quota counters off " +
                          $"({fullWeeks} of {usages.Count} district weeks at their quota; seats taken {meetings.Sum(m => m.BookedSeats):N0} of {meetings.Sum(m => m.Capacity):N0}{deadlocks})");
        if (oversold + counterOff + doubled + bothWaitingAndBooked + overQuota + usageOff > 0) throw new InvalidOperationException("An invariant is broken.");
    }

    /// <summary>Referral events for N adults spread over the districts, imported in one go.</summary>
    private static async Task<List<int>> ImportCasesAsync(Func<JobbtorgDb> open, TimeProvider clock, int count)
    {
        var today = new DateOnly(2026, 3, 9);
        var numbers = TestPersonalNumbers.All()
            .Distinct().Where(n => AgeOn(n, today) is >= 30 and <= 60).Take(count).ToList();
        if (numbers.Count < count) throw new InvalidOperationException($"Only {numbers.Count} adult test personal numbers.");
        var ndjson = new StringBuilder();
        for (var i = 0; i < count; i++)
            ndjson.Append($$"""{"type":"referral","caseRef":"B-{{i}}","personalNumber":"{{numbers[i]}}","district":"{{Districts[i % Districts.Length]}}","targetGroup":"UnemployedOnBenefit","date":"{{today.AddDays(-(i % 20)):yyyy-MM-dd}}","receivesBenefit":true,"hasChildren":{{(i % 3 == 0 ? "true" : "false")}},"newlyUnemployed":false,"newlyArrived":false}""").Append('\n');
        await using (var db = open())
        {
            var result = await InProcess.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(ndjson.ToString())), clock);
            if (!result.Succeeded) throw new InvalidOperationException($"Import failed: {result.FirstError}");
        }
        await using (var db = open())
            return await db.Cases.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }

    private static int AgeOn(string number, DateOnly on)
    {
        var birth = new DateOnly(int.Parse(number[..4]), int.Parse(number[4..6]), int.Parse(number[6..8]));
        return on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
    }
}
