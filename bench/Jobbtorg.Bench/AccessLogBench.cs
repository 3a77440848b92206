using System.Diagnostics;
using Jobbtorg.Data;
using Jobbtorg.Features.AccessLog;

namespace Jobbtorg.Bench;

/// <summary>
/// The access log's cost per entry: entries sealed into the hash chain in the app's batches (500), on a fresh database,
/// through <see cref="AccessLogChain.SealAsync"/> as the app's writer calls it. Reports entries per second and the CPU
/// each entry costs the app and the database, the figure to set beside the CPU of one case page.
/// </summary>
public static class AccessLogBench
{
    private const int BatchSize = 500;

    public static async Task RunAsync(string provider, int entries, string postgresServer)
    {
        var database = $"jobbtorg_bench_{Guid.NewGuid():N}";
        var sqliteFile = Path.Combine(Path.GetTempPath(), database + ".db");
        var onPostgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        if (onPostgres) await BenchDatabase.CreateAsync(postgresServer, database);
        try
        {
            JobbtorgDb Open() => InProcess.Open(onPostgres, postgresServer + $";Database={database}", sqliteFile);
            await using (var db = Open()) await InProcess.MigrateAndSeedAsync(db);
            await SealAsync(Open, 5 * BatchSize); // warm-up: JIT, pool, prepared statements

            var before = Cpu.Used();
            var clock = Stopwatch.StartNew();
            await SealAsync(Open, entries);
            clock.Stop();
            var used = Cpu.Used() - before;
            var intact = await Verify(Open);
            Console.WriteLine($"== accesslog {provider}: {entries:N0} entries in batches of {BatchSize} in {clock.Elapsed.TotalSeconds:N1} s " +
                              $"({entries / clock.Elapsed.TotalSeconds:N0} entries/s); chain: {intact}");
            Console.WriteLine($"  CPU per entry: app {used.App.TotalMicroseconds / entries:N0} µs, database {used.Database.TotalMicroseconds / entries:N0} µs");
            ScaleTargets.Results.Add(new TargetResult($"access log {provider}", "–",
                $"{entries / clock.Elapsed.TotalSeconds:N0} entries/s; CPU {(used.App + used.Database).TotalMicroseconds / entries:N0} µs an entry " +
                $"(app {used.App.TotalMicroseconds / entries:N0}, database {used.Database.TotalMicroseconds / entries:N0})", null));
        }
        finally
        {
            if (onPostgres) await BenchDatabase.DropAsync(postgresServer, database);
            else File.Delete(sqliteFile);
        }
    }

    private static async Task SealAsync(Func<JobbtorgDb> open, int entries)
    {
        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < entries; done += BatchSize)
        {
            var batch = Enumerable.Range(done, Math.Min(BatchSize, entries - done)).Select(i => new AccessLogEntry
            {
                At = now.AddMilliseconds(i), PrincipalKind = PrincipalKind.User, Principal = "coach@bench.jobbtorg.se", UserId = "bench-coach",
                ParticipantId = 1 + i % 5000, CaseId = 1 + i % 5000, CaseRef = $"BENCH-{i % 5000}", Kind = AccessKind.Read,
                Action = "GET /Cases/Details", Path = $"/Cases/Details/{1 + i % 5000}", RemoteAddress = "10.0.0.1",
            }).ToList();
            await using var db = open();
            await AccessLogChain.SealAsync(db, batch);
        }
    }

    private static async Task<string> Verify(Func<JobbtorgDb> open)
    {
        await using var db = open();
        return (await AccessLogChain.VerifyAsync(db)).Intact ? "intact" : "BROKEN";
    }
}

/// <summary>CPU time used so far by this process (or the app's, when given) and by all of PostgreSQL's processes.</summary>
public readonly record struct Cpu(TimeSpan App, TimeSpan Database)
{
    /// <summary>PostgreSQL's processes by id, for a difference that counts each process alive at its end: one that ends in
    /// between (a backend whose connection closed, an autovacuum worker) would otherwise take its earlier CPU with it and
    /// make the difference come out below zero.</summary>
    private IReadOnlyDictionary<string, TimeSpan>? DatabaseProcesses { get; init; }

    public static Cpu operator -(Cpu after, Cpu before) => new(after.App - before.App,
        after.DatabaseProcesses is { } now && before.DatabaseProcesses is { } then ? Grown(now, then) : after.Database - before.Database);

    public static Cpu Used(int? appProcessId = null)
    {
        var database = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsDigit))
            .Where(pid => ReadOrEmpty($"/proc/{pid}/comm").Trim() == "postgres")
            .ToDictionary(pid => pid!, pid => Ticks(int.Parse(pid!)));
        return new(appProcessId is { } pid ? Ticks(pid) : Process.GetCurrentProcess().TotalProcessorTime,
            database.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t)) { DatabaseProcesses = database };
    }

    /// <summary>CPU time used so far by the process's tiered-compilation threads (the JIT compiling hot code again), by
    /// thread: the runtime ends the thread when it has nothing to do and starts another later.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Jit(int processId) =>
        Directory.EnumerateDirectories($"/proc/{processId}/task")
            .Where(task => ReadOrEmpty(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
            .ToDictionary(task => task, task => Ticks(Path.Combine(task, "stat")));

    /// <summary>The CPU time the processes or threads alive at <paramref name="after"/> used since <paramref name="before"/>.</summary>
    public static TimeSpan Grown(IReadOnlyDictionary<string, TimeSpan> after, IReadOnlyDictionary<string, TimeSpan> before) =>
        after.Aggregate(TimeSpan.Zero, (sum, task) => sum + task.Value - before.GetValueOrDefault(task.Key));

    /// <summary>utime + stime of /proc/pid/stat, in clock ticks of 1/100 s.</summary>
    private static TimeSpan Ticks(int pid) => Ticks($"/proc/{pid}/stat");

    private static TimeSpan Ticks(string statFile)
    {
        var stat = ReadOrEmpty(statFile);
        if (stat.Length == 0) return TimeSpan.Zero;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
    }

    private static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
