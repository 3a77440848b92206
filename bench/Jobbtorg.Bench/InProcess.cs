using System.Collections.Concurrent;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Bench;

/// <summary>What an in-process import answered: the counts and the first refused line, if any.</summary>
public sealed record InProcessImport(int Imported, int Skipped, int ErrorCount, string? FirstError)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// The app's own classes that the two in-process benches (import, bookings) call, in one place, so that a redesign of
/// the import, the booking use cases or the report internals is followed here alone. The scale targets do not use it:
/// they drive the app as a process through its API, pages and database.
/// </summary>
public static class InProcess
{
    private static readonly ConcurrentDictionary<string, Func<JobbtorgDb>> Pools = new();

    /// <summary>A context as the app opens one: from a pool of contexts per database, on PostgreSQL with the connection
    /// string the app would use.</summary>
    public static JobbtorgDb Open(bool onPostgres, string postgresConnection, string sqliteFile) =>
        Pools.GetOrAdd(onPostgres ? "postgres " + postgresConnection : "sqlite " + sqliteFile, _ =>
        {
            if (!onPostgres)
                return new PooledDbContextFactory<SqliteJobbtorgDb>(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite($"Data Source={sqliteFile}").Options).CreateDbContext;
            return new PooledDbContextFactory<PostgresJobbtorgDb>(new DbContextOptionsBuilder<PostgresJobbtorgDb>()
                .UseNpgsql(PostgresConnection.AsTheAppUsesIt(postgresConnection)).Options).CreateDbContext;
        })();

    /// <summary>The schema and the reference data (districts, centres, quotas), as the app makes them on start.</summary>
    public static async Task MigrateAndSeedAsync(JobbtorgDb db)
    {
        await db.Database.MigrateAsync();
        await ReferenceData.SeedAsync(db);
    }

    private static readonly ImportSpool Spool = new(Path.Combine(Path.GetTempPath(), "jobbtorg-bench-spool"));

    public static async Task<InProcessImport> ImportAsync(JobbtorgDb db, Stream ndjson, TimeProvider clock, ILogger<CaseEventImport>? log = null)
    {
        var result = await new CaseEventImport(db, clock, Spool, log ?? NullLogger<CaseEventImport>.Instance).ImportAsync(ndjson, "bench");
        return new InProcessImport(result.Imported, result.Skipped, result.ErrorCount,
            result.Errors.Count > 0 ? $"line {result.Errors[0].Line}: {result.Errors[0].Reason}" : null);
    }

    /// <summary>Books a case on the meeting it asks for, or (without one) on the first free one; true when it has a seat.</summary>
    public static async Task<bool> BookAsync(JobbtorgDb db, TimeProvider clock, int caseId, int? meetingId = null)
    {
        var book = new BookInfoMeeting(db, clock, Options.Create(new InfoMeetingOptions()), new CurrentUser(new HttpContextAccessor()));
        return (await book.HandleAsync(caseId, meetingId)).Booking is not null;
    }

    /// <summary>One adult info meeting of 90 minutes at a centre, scheduled as the staff pages do.</summary>
    public static InfoMeeting NewMeeting(int centreId, string centreCode, DateOnly day, TimeOnly time, int seats, DateTimeOffset now)
    {
        var request = new MeetingRequest
        {
            JobCentre = centreCode, Kind = MeetingKind.Adult, Date = day, Time = time, DurationMinutes = 90, Room = "Sal 1", Capacity = seats,
            Language = "svenska",
        };
        return InfoMeeting.Schedule(request, centreId, "bench", now).Meetings.Single();
    }

    /// <summary>Writes the whole export to nowhere; then counts the events stored, reading them a second time.</summary>
    public static async Task<long> ExportAsync(JobbtorgDb db)
    {
        var stored = new StoredEvents(db);
        await new CaseEventExport(stored).WriteAsync(System.IO.Pipelines.PipeWriter.Create(Stream.Null), CancellationToken.None);
        long count = 0;
        await foreach (var c in stored.CasesAsync(CancellationToken.None)) count += c.Events.Count;
        await foreach (var _ in stored.FollowUpsAsync(CancellationToken.None)) count++;
        return count;
    }

    /// <summary>The indicator report by district, computed in process: its time and two of its totals.</summary>
    public static async Task<(TimeSpan Took, long Enrolled, long Closed)> IndicatorsByDistrictAsync(
        JobbtorgDb db, DateOnly asOf, DateOnly from, DateOnly to)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await new Indicators(ReportsDb.OnMain(db)).ReportAsync(from, to, asOf, GroupBy.District, CancellationToken.None);
        return (clock.Elapsed, report.Total.Enrolled, report.Total.Closed);
    }
}
