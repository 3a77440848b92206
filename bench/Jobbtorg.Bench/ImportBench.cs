using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Jobbtorg.Bench;

/// <summary>
/// The import straight through the app's import class on a fresh database (through <see cref="InProcess"/>): events per
/// second and peak memory, the same stream again (all skipped), the export, and the indicator report for a year.
/// </summary>
public static class ImportBench
{
    private static readonly ILogger<Features.Import.CaseEventImport> Log =
        LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)).CreateLogger<Features.Import.CaseEventImport>();

    /// <summary>The generated stream runs to the end of October 2026; an import refuses events after its own day.</summary>
    private sealed class ImportDay : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2027, 12, 31, 12, 0, 0, TimeSpan.Zero);
    }

    public static async Task RunAsync(string provider, long events, string postgresServer)
    {
        var stream = Path.Combine(Path.GetTempPath(), $"jobbtorg-bench-{events}.ndjson");
        if (!File.Exists(stream))
        {
            Console.WriteLine($"generated {CaseEventStream.Write(stream, events, null, ScaleTargets.People())}");
        }
        var lines = File.ReadLines(stream).LongCount();

        var database = $"jobbtorg_bench_{Guid.NewGuid():N}";
        var sqliteFile = Path.Combine(Path.GetTempPath(), database + ".db");
        var onPostgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        if (onPostgres) await BenchDatabase.CreateAsync(postgresServer, database);
        try
        {
            Data.JobbtorgDb Open() => InProcess.Open(onPostgres, postgresServer + $";Database={database};Command Timeout=600", sqliteFile);

            await using (var db = Open()) await InProcess.MigrateAndSeedAsync(db);

            GC.Collect();
            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            var clock = Stopwatch.StartNew();
            InProcessImport result;
            await using (var db = Open())
            await using (var file = File.OpenRead(stream))
                result = await InProcess.ImportAsync(db, file, new ImportDay(), Log);
            clock.Stop();
            if (!result.Succeeded) throw new InvalidOperationException($"{result.ErrorCount} bad lines, first: {result.FirstError}");
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"{provider}: imported {result.Imported:N0} of {lines:N0} events in {clock.Elapsed.TotalSeconds:N1} s = {result.Imported / clock.Elapsed.TotalSeconds:N0} events/s; " +
                              $"peak working set {peak / 1_048_576:N0} MiB (before the import {before / 1_048_576:N0} MiB)");

            clock.Restart();
            await using (var db = Open())
            await using (var file = File.OpenRead(stream))
                result = await InProcess.ImportAsync(db, file, new ImportDay(), Log);
            Console.WriteLine($"{provider}: the same stream again: {result.Imported:N0} stored, {result.Skipped:N0} skipped in {clock.Elapsed.TotalSeconds:N1} s");

            clock.Restart();
            long exported;
            await using (var db = Open()) exported = await InProcess.ExportAsync(db);
            Console.WriteLine($"{provider}: exported {exported:N0} events in {clock.Elapsed.TotalSeconds:N1} s (including a second read to count them)");

            await using (var db = Open())
            {
                var (took, enrolled, closed) = await InProcess.IndicatorsByDistrictAsync(db, new DateOnly(2026, 11, 24), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
                Console.WriteLine($"{provider}: indicators for 2024 by district in {took.TotalMilliseconds:N0} ms (enrolled {enrolled:N0}, closed {closed:N0})");
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
}
