using System.Diagnostics;
using Jobbtorg.Data;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobbtorg.Bench;

public static class ImportBench
{
    private static readonly ILogger<CaseEventImport> Log =
        LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)).CreateLogger<CaseEventImport>();
    private static readonly ImportSpool Spool = new(Path.Combine(Path.GetTempPath(), "jobbtorg-bench-spool"));

    /// <summary>The generated stream runs to the end of 2026; an import refuses events after its own day.</summary>
    private sealed class ImportDay : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2027, 12, 31, 12, 0, 0, TimeSpan.Zero);
    }

    public static async Task RunAsync(string provider, long events, string postgresServer)
    {
        var stream = Path.Combine(Path.GetTempPath(), $"jobbtorg-bench-{events}.ndjson");
        if (!File.Exists(stream))
        {
            var generating = Stopwatch.StartNew();
            var written = CaseEventStream.Write(stream, events, TestPersonalNumbers.All());
            Console.WriteLine($"generated {written:N0} events ({new FileInfo(stream).Length / 1_048_576.0:N0} MiB) in {generating.Elapsed.TotalSeconds:N1} s");
        }
        var lines = File.ReadLines(stream).LongCount();

        var database = $"jobbtorg_bench_{Guid.NewGuid():N}";
        var sqliteFile = Path.Combine(Path.GetTempPath(), database + ".db");
        var onPostgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        if (onPostgres) await BenchDatabase.CreateAsync(postgresServer, database);
        try
        {
            JobbtorgDb Open() => onPostgres
                ? new PostgresJobbtorgDb(new DbContextOptionsBuilder<PostgresJobbtorgDb>().UseNpgsql(postgresServer + $";Database={database};Command Timeout=600").Options)
                : new SqliteJobbtorgDb(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite($"Data Source={sqliteFile}").Options);

            await using (var db = Open())
            {
                await db.Database.MigrateAsync();
                await ReferenceData.SeedAsync(db);
            }

            GC.Collect();
            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            var clock = Stopwatch.StartNew();
            ImportResult result;
            await using (var db = Open())
            await using (var file = File.OpenRead(stream))
                result = await new CaseEventImport(db, new ImportDay(), Spool, Log).ImportAsync(file, "bench");
            clock.Stop();
            if (!result.Succeeded) throw new InvalidOperationException($"{result.ErrorCount} bad lines, first: line {result.Errors[0].Line}: {result.Errors[0].Reason}");
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"{provider}: imported {result.Imported:N0} of {lines:N0} events in {clock.Elapsed.TotalSeconds:N1} s = {result.Imported / clock.Elapsed.TotalSeconds:N0} events/s; " +
                              $"peak working set {peak / 1_048_576:N0} MiB (before the import {before / 1_048_576:N0} MiB)");

            clock.Restart();
            await using (var db = Open())
            await using (var file = File.OpenRead(stream))
                result = await new CaseEventImport(db, new ImportDay(), Spool, Log).ImportAsync(file, "bench");
            Console.WriteLine($"{provider}: the same stream again: {result.Imported:N0} stored, {result.Skipped:N0} skipped in {clock.Elapsed.TotalSeconds:N1} s");

            clock.Restart();
            long exported = 0;
            await using (var db = Open())
            {
                var pipe = System.IO.Pipelines.PipeWriter.Create(Stream.Null);
                var counting = new CountingStored(new StoredEvents(db));
                await new CaseEventExport(new StoredEvents(db)).WriteAsync(pipe, CancellationToken.None);
                exported = await counting.CountAsync();
            }
            Console.WriteLine($"{provider}: exported {exported:N0} events in {clock.Elapsed.TotalSeconds:N1} s (including a second read to count them)");

            clock.Restart();
            await using (var db = Open())
            {
                var data = await new Indicators(db).LoadAsync(new DateOnly(2026, 11, 24), CancellationToken.None);
                var loaded = clock.Elapsed;
                var report = IndicatorCalculator.Compute(data, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), GroupBy.District);
                Console.WriteLine($"{provider}: indicators for 2024 by district: loaded in {loaded.TotalSeconds:N1} s, computed in {(clock.Elapsed - loaded).TotalMilliseconds:N0} ms " +
                                  $"(enrolled {report.Total.Enrolled:N0}, closed {report.Total.Closed:N0})");
            }
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

    private sealed class CountingStored(StoredEvents stored)
    {
        public async Task<long> CountAsync()
        {
            long count = 0;
            await foreach (var c in stored.CasesAsync(CancellationToken.None)) count += c.Events.Count;
            await foreach (var _ in stored.FollowUpsAsync(CancellationToken.None)) count++;
            return count;
        }
    }
}
