using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Jobbtorg.Bench;

/// <summary>One line of the final table: a target, what was measured, and whether it is met.</summary>
public sealed record TargetResult(string Target, string Goal, string Measured, bool? Met);

/// <summary>
/// The scale targets, each measured against the real app started as a process (<see cref="AppUnderTest"/>) through its
/// HTTP API and pages, with the case-event format for data and plain SQL to look into the database.
/// </summary>
public static class ScaleTargets
{
    public static readonly List<TargetResult> Results = [];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static void Record(string target, string goal, string measured, bool? met)
    {
        Results.Add(new TargetResult(target, goal, measured, met));
        Console.WriteLine($"  → {target}: {measured} (target {goal}){(met is null ? "" : met.Value ? " — met" : " — NOT met")}");
    }

    public static void PrintTable()
    {
        if (Results.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine("| target | goal | measured | met? |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var r in Results)
            Console.WriteLine($"| {r.Target} | {r.Goal} | {r.Measured} | {(r.Met is null ? "–" : r.Met.Value ? "yes" : "no")} |");
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Streams

    /// <summary>The generated stream of a size, kept under artifacts/bench and written again only when missing.</summary>
    public static async Task<(string Path, StreamSummary? Summary)> StreamAsync(long events, string prefix = "N", int seed = 2026)
    {
        var path = Path.Combine(BenchPaths.Artifacts, $"stream-{BenchStore.Label(events)}-{prefix}-{seed}.ndjson");
        var summaryPath = path + ".summary.json";
        if (File.Exists(path) && File.Exists(summaryPath))
            return (path, JsonSerializer.Deserialize<StreamSummary>(await File.ReadAllTextAsync(summaryPath)));
        var summary = CaseEventStream.Write(path, events, null, People(), seed: seed, caseRefPrefix: prefix);
        Console.WriteLine($"generated {summary}");
        await File.WriteAllTextAsync(summaryPath, JsonSerializer.Serialize(summary));
        return (path, summary);
    }

    public static IEnumerable<string> People() => TestPersonalNumbers.All().Concat(TestPersonalNumbers.CoordinationNumbers());

    /// <summary>POSTs a stream file to the import API; the answer's counts, the time and the app's peak working set.</summary>
    private static async Task<(int Imported, int Skipped, TimeSpan Elapsed, long Peak, string? Refused)> ImportAsync(AppUnderTest app, Stream body)
    {
        using var api = app.Api();
        using var content = new StreamContent(body, 1 << 20);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        app.ResetPeak();
        var clock = Stopwatch.StartNew();
        using var answer = await api.PostAsync("/api/import/case-events", content);
        var text = await answer.Content.ReadAsStringAsync();
        clock.Stop();
        var peak = app.PeakWorkingSet;
        if (answer.StatusCode != HttpStatusCode.OK) return (0, 0, clock.Elapsed, peak, $"{(int)answer.StatusCode}: {Shorten(text, 2000)}");
        using var json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("imported").GetInt32(), json.RootElement.GetProperty("skipped").GetInt32(), clock.Elapsed, peak, null);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + " …";

    private static async Task<IReadOnlyList<BenchDistrict>> DistrictsAsync(AppUnderTest app)
    {
        using var api = app.Api();
        using var answer = await api.GetAsync("/api/districts");
        if (!answer.IsSuccessStatusCode) return CaseEventStream.SeededDistricts;
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var districts = json.RootElement.EnumerateArray()
            .Where(d => !d.GetProperty("retired").GetBoolean())
            .Select(d => new BenchDistrict(d.GetProperty("code").GetString()!, d.GetProperty("adultJobCentre").GetString()!,
                d.GetProperty("youthJobCentre").GetString() ?? d.GetProperty("adultJobCentre").GetString()!))
            .ToList();
        return districts.Count > 0 ? districts : CaseEventStream.SeededDistricts;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // self-check: a 200k stream imports cleanly into an empty database through the API

    /// <summary>
    /// Two streams of the size, each into its own empty database: the usual mix (which must hold exactly what was asked),
    /// and one at the national density of cases per person (1.5 M cases for the test numbers of working age), where
    /// waits are shortest and cases follow each other most closely; that one may hold less and says why.
    /// </summary>
    public static async Task<bool> SelfCheckAsync(string provider, long events = 200_000)
    {
        var cases = Math.Max(1, (long)Math.Round(events * CaseEventStream.CasesPerEvent));
        var national = (int)Math.Max(1, Math.Round((double)cases * CaseEventStream.WorkingAgeCount(People()) / 1_500_000));
        var usual = await SelfCheckAsync(provider, events, null, "the usual mix", mustBeExact: true);
        var dense = await SelfCheckAsync(provider, events, national, $"national density, {national:N0} people", mustBeExact: false);
        return usual && dense;
    }

    private static async Task<bool> SelfCheckAsync(string provider, long events, int? people, string mix, bool mustBeExact)
    {
        Console.WriteLine($"== self-check: a {events:N0}-event stream ({mix}) into an empty {provider} database through the API");
        var store = new BenchStore(provider, "jobbtorg_bench_selfcheck", BenchStore.DefaultServer);
        await store.RecreateAsync();
        var ok = true;
        var measured = "";
        try
        {
            await using var app = await AppUnderTest.StartAsync(store);
            var districts = await DistrictsAsync(app);
            var seeded = CaseEventStream.SeededDistricts.Select(d => d.Code).ToHashSet();
            if (!districts.All(d => seeded.Contains(d.Code)) || districts.Count != seeded.Count)
                Console.WriteLine($"  note: the app lists {districts.Count} districts; the stream uses those.");
            var path = Path.Combine(BenchPaths.Artifacts, "selfcheck.ndjson");
            var summary = CaseEventStream.Write(path, events, null, People(), districts, seed: 7, maxPeople: people);
            Console.WriteLine($"  generated {summary}");
            if (summary.Shortfall is not null && mustBeExact) { ok = false; Console.WriteLine("  FAIL: the stream does not hold what was asked."); }
            var lines = File.ReadLines(path).LongCount();
            if (lines != summary.Events) { ok = false; Console.WriteLine($"  FAIL: the file has {lines:N0} lines, the summary says {summary.Events:N0} events."); }
            await using (var file = File.OpenRead(path))
            {
                var (imported, skipped, elapsed, _, refused) = await ImportAsync(app, file);
                if (refused is not null) { ok = false; measured = "refused"; Console.WriteLine($"  FAIL: the import was refused: {refused}"); }
                else
                {
                    Console.WriteLine($"  imported {imported:N0}, skipped {skipped:N0} of {lines:N0} lines in {elapsed.TotalSeconds:N1} s");
                    if (imported != lines || skipped != 0) { ok = false; Console.WriteLine("  FAIL: not every line was stored once."); }
                }
            }
            var storedCases = await store.ScalarAsync<long>("SELECT count(*) FROM \"Cases\"");
            var storedPeople = await store.ScalarAsync<long>("SELECT count(*) FROM \"Participants\"");
            var returning = await store.ScalarAsync<long>("SELECT count(*) FROM (SELECT \"ParticipantId\" FROM \"Cases\" GROUP BY \"ParticipantId\" HAVING count(*) > 1) x");
            var open = await store.ScalarAsync<long>("SELECT count(*) FROM \"Cases\" WHERE \"ClosureDate\" IS NULL");
            var twoOpen = await store.ScalarAsync<long>("SELECT count(*) FROM (SELECT \"ParticipantId\" FROM \"Cases\" WHERE \"ClosureDate\" IS NULL GROUP BY \"ParticipantId\" HAVING count(*) > 1) x");
            var centres = await store.ScalarAsync<long>("SELECT count(DISTINCT \"JobCentreId\") FROM \"Cases\"");
            var districtsUsed = await store.ScalarAsync<long>("SELECT count(DISTINCT \"DistrictId\") FROM \"Cases\"");
            Console.WriteLine($"  stored {storedCases:N0} cases ({open:N0} open) for {storedPeople:N0} people, {returning:N0} of them with more than one case; " +
                              $"{districtsUsed} districts, {centres} job centres");
            if (storedCases != summary.Cases || open != summary.OpenCases) { ok = false; Console.WriteLine("  FAIL: the stored cases differ from the stream's."); }
            if (twoOpen > 0) { ok = false; Console.WriteLine($"  FAIL: {twoOpen:N0} people have more than one open case."); }
            if (returning == 0) { ok = false; Console.WriteLine("  FAIL: nobody came back."); }
            if (measured.Length == 0)
                measured = $"{summary.Events:N0} events, {summary.Cases:N0} cases: 200 OK, every line stored once" +
                           (summary.Shortfall is null ? "" : $" (asked {summary.AskedEvents:N0} events, {summary.AskedCases:N0} cases)");
            File.Delete(path);
        }
        finally
        {
            await store.DropAsync();
        }
        Console.WriteLine(ok ? "  self-check passed" : "  self-check FAILED");
        Record($"self-check, {mix}", $"{BenchStore.Label(events)} stream imports cleanly{(mustBeExact ? ", exactly as asked" : "")}", ok ? measured : $"failed: {measured}", ok);
        return ok;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // load

    public static async Task LoadAsync(string provider, long events)
    {
        var store = BenchStore.ForSize(provider, events);
        Console.WriteLine($"== load: {events:N0} events into {store.Provider} {store.Name}");
        var (path, summary) = await StreamAsync(events);
        Console.WriteLine($"  stream {Path.GetFileName(path)}: {summary}");
        await store.RecreateAsync();
        await using var app = await AppUnderTest.StartAsync(store);
        Console.WriteLine($"  the app started on the empty database in {app.ReadyAfter.TotalSeconds:N1} s");
        var before = app.WorkingSet;
        await using var file = File.OpenRead(path);
        var (imported, skipped, elapsed, peak, refused) = await ImportAsync(app, file);
        if (refused is not null) throw new InvalidOperationException($"The import was refused: {refused}");
        Console.WriteLine($"  imported {imported:N0} events (skipped {skipped:N0}) in {elapsed.TotalSeconds:N1} s = {imported / elapsed.TotalSeconds:N0} events/s; " +
                          $"app working set {before / 1_048_576:N0} MiB before, peak {peak / 1_048_576:N0} MiB");
        await AnalyseAsync(store);
        await PrintRowsAsync(store);
        Record($"load {BenchStore.Label(events)}", "–", $"{imported:N0} events in {elapsed.TotalSeconds:N0} s ({imported / elapsed.TotalSeconds:N0}/s), peak {peak / 1_048_576:N0} MiB", null);
    }

    private static async Task AnalyseAsync(BenchStore store)
    {
        await using var connection = await store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = store.OnPostgres ? "VACUUM ANALYZE" : "ANALYZE";
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task PrintRowsAsync(BenchStore store)
    {
        var rows = await store.RowsPerTableAsync();
        Console.WriteLine($"  database {await store.SizeBytesAsync() / 1_048_576.0:N0} MiB; rows per table:");
        foreach (var (table, count) in rows.Where(r => r.Rows > 0))
            Console.WriteLine($"    {table,-32} {count,14:N0}");
    }

    private static async Task<BenchStore> LoadedAsync(string provider, long size)
    {
        var store = BenchStore.ForSize(provider, size);
        if (!await store.ExistsAsync())
            throw new InvalidOperationException($"{store.Provider} {store.Name} does not exist: run `load {store.Provider} {size}` first.");
        // Measured as autovacuum keeps a database in use. A PostgreSQL that was stopped without a shutdown (a machine
        // paused between runs) has lost the activity statistics autovacuum starts from, and pages changed by earlier runs
        // (the daily rounds, the retention run) would stay unvacuumed: index-only scans then read the table as well.
        await AnalyseAsync(store);
        return store;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // report

    public static async Task ReportAsync(string provider, long size)
    {
        var store = await LoadedAsync(provider, size);
        Console.WriteLine($"== report: GET /api/reports/indicators on {store.Provider} {store.Name}");
        await using var app = await AppUnderTest.StartAsync(store);
        using var api = app.Api();
        var last = CaseEventStream.LastDay;
        var periods = new (string Name, string Query)[]
        {
            ("month", $"from={last.AddDays(1 - last.Day).AddMonths(-1):yyyy-MM-dd}&to={last.AddDays(-last.Day):yyyy-MM-dd}"),
            ("tertial", "from=2026-05-01&to=2026-08-31"),
            ("year", "from=2025-01-01&to=2025-12-31"),
            ("ten years", $"from={CaseEventStream.FirstDay:yyyy-MM-dd}&to={last:yyyy-MM-dd}"),
            ("year, asOf in the past", "from=2022-01-01&to=2022-12-31&asOf=2023-06-30"),
        };
        var worst = TimeSpan.Zero;
        long worstPeak = 0;
        var before = app.WorkingSet;
        foreach (var (name, query) in periods)
            foreach (var grouped in new[] { false, true })
            {
                var url = $"/api/reports/indicators?{query}{(grouped ? "&groupBy=district" : "")}";
                var times = new List<TimeSpan>();
                long enrolled = 0;
                for (var i = 0; i < 4; i++) // one to warm up, then three
                {
                    app.ResetPeak();
                    var clock = Stopwatch.StartNew();
                    using var answer = await api.GetAsync(url);
                    var body = await answer.Content.ReadAsStringAsync();
                    clock.Stop();
                    if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)answer.StatusCode} {Shorten(body, 500)}");
                    if (i == 0)
                    {
                        using var json = JsonDocument.Parse(body);
                        enrolled = json.RootElement.GetProperty("total").GetProperty("enrolled").GetInt64();
                        continue;
                    }
                    times.Add(clock.Elapsed);
                }
                var peak = app.PeakWorkingSet;
                var median = times.Order().ElementAt(1);
                if (median > worst) worst = median;
                worstPeak = Math.Max(worstPeak, peak);
                Console.WriteLine($"  {name + (grouped ? " by district" : ""),-38} median {median.TotalMilliseconds,8:N0} ms " +
                                  $"(runs {string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("N0", Inv)))}); peak working set {peak / 1_048_576:N0} MiB; enrolled {enrolled:N0}");
            }
        Console.WriteLine($"  app working set before the reports {before / 1_048_576:N0} MiB");
        var label = BenchStore.Label(size);
        Record($"report {label} (slowest, warm median of 3)", "≤ 2 s at 50 M", $"{worst.TotalSeconds:N2} s, peak {worstPeak / 1_048_576:N0} MiB", worst.TotalSeconds <= 2);

        if (store.OnPostgres)
        {
            var read = await TablesReadByAsync(store, () => api.GetAsync($"/api/reports/indicators?{periods[3].Query}&groupBy=district"));
            if (read.Count == 0) throw new InvalidOperationException("No table's scan counters moved while the report ran (pg_stat_user_tables).");
            double scans = 0;
            foreach (var table in read)
            {
                await store.ScalarAsync<long>($"SELECT count(*) FROM \"{table}\""); // warm
                var clock = Stopwatch.StartNew();
                var count = await store.ScalarAsync<long>($"SELECT count(*) FROM \"{table}\"");
                clock.Stop();
                scans += clock.Elapsed.TotalMilliseconds;
                Console.WriteLine($"  scan {table,-28} {count,12:N0} rows {clock.Elapsed.TotalMilliseconds,8:N1} ms");
            }
            var ratio = worst.TotalMilliseconds / Math.Max(scans, 0.001);
            Console.WriteLine($"  one sequential scan of each of the {read.Count} tables the report reads: {scans:N0} ms; report ÷ scans = {ratio:N1}");
            Record($"report {label} ÷ table scans", "≤ 3×", $"{ratio:N1}× ({worst.TotalMilliseconds:N0} ms ÷ {scans:N0} ms)", ratio <= 3);
        }
    }

    /// <summary>The tables a request reads on PostgreSQL: those whose scan counters moved while it ran.</summary>
    private static async Task<List<string>> TablesReadByAsync(BenchStore store, Func<Task<HttpResponseMessage>> request)
    {
        const string counters = "SELECT relname || '=' || (coalesce(seq_scan, 0) + coalesce(idx_scan, 0)) FROM pg_stat_user_tables";
        async Task<Dictionary<string, string>> SnapshotAsync() =>
            (await store.ColumnAsync<string>(counters)).Select(s => s.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var before = await SnapshotAsync();
        (await request()).Dispose();
        // A backend reports its counters when it goes idle, at most once a second, and otherwise only after an idle
        // timeout of about ten seconds: wait until the cases' counter moves, then a little longer for the rest.
        var until = DateTime.UtcNow.AddSeconds(20);
        List<string> read;
        do
        {
            await Task.Delay(500);
            var after = await SnapshotAsync();
            // Our own snapshot reads none of these; the app's other work (background rounds) may, and is counted too.
            read = after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => a.Key).Order().ToList();
        } while (!read.Contains("Cases") && DateTime.UtcNow < until); // every report reads the cases; a background round may move others first
        await Task.Delay(1500);
        var last = await SnapshotAsync();
        return last.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => a.Key).Order().ToList();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // import-small

    public static async Task ImportSmallAsync(string provider, long size)
    {
        var store = await LoadedAsync(provider, size);
        Console.WriteLine($"== import-small: one event and a 1,000-event daily file into {store.Provider} {store.Name}");
        await using var app = await AppUnderTest.StartAsync(store);
        // Attendance on a working day after the stream's last day on which nothing is registered yet, for open enrolled cases.
        var latest = await store.ScalarAsync<string>("SELECT CAST(max(\"Date\") AS TEXT) FROM \"AttendanceDays\"");
        var day = latest is null ? CaseEventStream.LastDay : DateOnly.Parse(latest[..10], Inv);
        if (day < CaseEventStream.LastDay) day = CaseEventStream.LastDay;
        do day = day.AddDays(1); while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        if (day > DateOnly.FromDateTime(DateTime.UtcNow))
            throw new InvalidOperationException($"No working day is left between {CaseEventStream.LastDay} and today for new attendance; load the database again.");
        var refs = await store.ColumnAsync<string>(
            "SELECT \"CaseRef\" FROM \"Cases\" WHERE \"EnrolmentDate\" IS NOT NULL AND \"ClosureDate\" IS NULL ORDER BY \"Id\"");
        // A small database has fewer open cases than a daily file of 1,000: then the file is as long as they allow.
        if (refs.Count < 7) throw new InvalidOperationException($"Only {refs.Count} open enrolled cases; the bench needs at least 7.");
        var dailyCount = Math.Min(1000, refs.Count - 6);
        if (dailyCount < 1000) Console.WriteLine($"  note: {refs.Count:N0} open enrolled cases, so the daily file holds {dailyCount:N0} events, not 1,000");
        string Line(string caseRef) => $"{{\"type\":\"attendance\",\"caseRef\":\"{caseRef}\",\"date\":\"{day:yyyy-MM-dd}\",\"status\":\"Present\"}}\n";

        var before = app.WorkingSet;
        var singles = new List<TimeSpan>();
        long singlePeak = 0;
        for (var i = 0; i < 5; i++)
        {
            var (imported, _, elapsed, peak, refused) = await ImportAsync(app, new MemoryStream(Encoding.UTF8.GetBytes(Line(refs[i]))));
            if (refused is not null || imported != 1) throw new InvalidOperationException($"One event was not stored: {refused}");
            singles.Add(elapsed);
            singlePeak = Math.Max(singlePeak, peak);
        }
        var daily = new StringBuilder();
        foreach (var caseRef in refs.Skip(6).Take(dailyCount)) daily.Append(Line(caseRef));
        var (stored, _, dailyElapsed, dailyPeak, dailyRefused) = await ImportAsync(app, new MemoryStream(Encoding.UTF8.GetBytes(daily.ToString())));
        if (dailyRefused is not null || stored != dailyCount) throw new InvalidOperationException($"The daily file was not stored: {dailyRefused}");
        var after = app.WorkingSet;
        var single = singles.Skip(1).Order().ElementAt(1); // the first warms up
        Console.WriteLine($"  attendance on {day:yyyy-MM-dd}: one event {string.Join(", ", singles.Select(s => s.TotalMilliseconds.ToString("N0", Inv)))} ms (median of the last four {single.TotalMilliseconds:N0} ms); " +
                          $"{dailyCount:N0} events {dailyElapsed.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  app working set {before / 1_048_576:N0} MiB before, peak {Math.Max(singlePeak, dailyPeak) / 1_048_576:N0} MiB, after {after / 1_048_576:N0} MiB " +
                          $"(growth at peak {(Math.Max(singlePeak, dailyPeak) - before) / 1_048_576:N0} MiB)");
        var label = BenchStore.Label(size);
        Record($"import-small {label}: one event", "well under 1 s", $"{single.TotalMilliseconds:N0} ms, +{(singlePeak - before) / 1_048_576:N0} MiB", single.TotalSeconds < 0.5);
        Record($"import-small {label}: {dailyCount:N0}-event file", "well under 1 s", $"{dailyElapsed.TotalMilliseconds:N0} ms, +{(dailyPeak - before) / 1_048_576:N0} MiB", dailyElapsed.TotalSeconds < 0.5);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // import-copy

    public static async Task ImportCopyAsync(string provider, long events = 1_000_000)
    {
        var label = BenchStore.Label(events);
        var imported = new BenchStore(provider, $"jobbtorg_bench_copy_import_{label}", BenchStore.DefaultServer);
        var raw = new BenchStore(provider, $"jobbtorg_bench_copy_raw_{label}", BenchStore.DefaultServer);
        Console.WriteLine($"== import-copy: {events:N0} events through the import API vs a raw {(imported.OnPostgres ? "binary COPY" : "INSERT … SELECT")} of the same rows ({imported.Provider})");
        var (path, summary) = await StreamAsync(events);
        try
        {
            await imported.RecreateAsync();
            await raw.RecreateAsync();
            TimeSpan importTime;
            int count;
            await using (var app = await AppUnderTest.StartAsync(imported))
            await using (var file = File.OpenRead(path))
            {
                var result = await ImportAsync(app, file);
                if (result.Refused is not null) throw new InvalidOperationException($"The import was refused: {result.Refused}");
                (importTime, count) = (result.Elapsed, result.Imported);
                await Task.Delay(500); // the app logs the import's two readings after it answers
                var phases = Regex.Match(app.Output, @"lines checked (\d+) ms, \d+ stored cases read, stored (\d+) ms");
                if (phases.Success)
                    Console.WriteLine($"  the app: first reading (every line checked) {long.Parse(phases.Groups[1].Value, Inv) / 1000.0:N1} s, " +
                                      $"second reading (the new lines written) {long.Parse(phases.Groups[2].Value, Inv) / 1000.0:N1} s");
            }
            // The same schema, indexes, constraints and reference data: the app migrates and seeds the second database.
            await using (await AppUnderTest.StartAsync(raw)) { }

            var rowsImported = (await imported.RowsPerTableAsync()).ToDictionary(r => r.Table, r => r.Rows);
            var rowsEmpty = (await raw.RowsPerTableAsync()).ToDictionary(r => r.Table, r => r.Rows);
            var tables = rowsImported.Where(r => r.Value > 0 && rowsEmpty.GetValueOrDefault(r.Key) == 0).Select(r => r.Key).ToList();
            var skipped = rowsImported.Where(r => r.Value != rowsEmpty.GetValueOrDefault(r.Key) && rowsEmpty.GetValueOrDefault(r.Key) > 0).ToList();
            foreach (var (table, rows) in skipped) Console.WriteLine($"  note: {table} holds {rows:N0} rows after the import and {rowsEmpty[table]:N0} before; not copied");
            tables = await DependencyOrderAsync(raw, tables);
            var copyTime = imported.OnPostgres ? await BinaryCopyAsync(imported, raw, tables) : await SqliteCopyAsync(imported, raw, tables);
            var rowCount = tables.Sum(t => rowsImported[t]);
            var ratio = copyTime.TotalSeconds / importTime.TotalSeconds;
            Console.WriteLine($"  import API: {count:N0} events in {importTime.TotalSeconds:N1} s ({count / importTime.TotalSeconds:N0} events/s)");
            Console.WriteLine($"  raw copy:   {rowCount:N0} rows in {tables.Count} tables ({string.Join(", ", tables)}) in {copyTime.TotalSeconds:N1} s");
            Console.WriteLine($"  ratio copy ÷ import = {ratio:N2}");
            Record($"import-copy {label}", "≥ 0.8", $"{ratio:N2} (import {importTime.TotalSeconds:N1} s, copy {copyTime.TotalSeconds:N1} s)", ratio >= 0.8);
        }
        finally
        {
            await imported.DropAsync();
            await raw.DropAsync();
        }
    }

    /// <summary>Parents before children, by the foreign keys.</summary>
    private static async Task<List<string>> DependencyOrderAsync(BenchStore store, List<string> tables)
    {
        var edges = new List<(string Child, string Parent)>();
        if (store.OnPostgres)
        {
            foreach (var pair in await store.ColumnAsync<string>(
                         "SELECT c.conrelid::regclass::text || '>' || c.confrelid::regclass::text FROM pg_constraint c WHERE c.contype = 'f'"))
            {
                var p = pair.Replace("\"", "").Split('>');
                edges.Add((p[0], p[1]));
            }
        }
        else
        {
            foreach (var table in tables)
                foreach (var parent in await store.ColumnAsync<string>($"SELECT \"table\" FROM pragma_foreign_key_list('{table}')"))
                    edges.Add((table, parent));
        }
        var ordered = new List<string>();
        var left = new HashSet<string>(tables);
        while (left.Count > 0)
        {
            var ready = left.Where(t => !edges.Any(e => e.Child == t && e.Parent != t && left.Contains(e.Parent))).Order().ToList();
            if (ready.Count == 0) ready = [left.Order().First()];
            foreach (var t in ready) { ordered.Add(t); left.Remove(t); }
        }
        return ordered;
    }

    /// <summary>Reads each table out of the imported database in binary first, then times writing them all with
    /// COPY FROM STDIN (FORMAT BINARY) into the empty one, in one transaction.</summary>
    private static async Task<TimeSpan> BinaryCopyAsync(BenchStore from, BenchStore to, List<string> tables)
    {
        var dumps = new Dictionary<string, byte[]>();
        await using (var source = new NpgsqlConnection(from.ConnectionString))
        {
            await source.OpenAsync();
            foreach (var table in tables)
            {
                await using var reader = await source.BeginRawBinaryCopyAsync($"COPY \"{table}\" TO STDOUT (FORMAT BINARY)");
                using var buffer = new MemoryStream();
                await reader.CopyToAsync(buffer);
                dumps[table] = buffer.ToArray();
            }
        }
        Console.WriteLine($"  binary dump of the imported rows: {dumps.Values.Sum(d => (long)d.Length) / 1_048_576.0:N0} MiB");
        await using var target = new NpgsqlConnection(to.ConnectionString);
        await target.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var transaction = await target.BeginTransactionAsync())
        {
            foreach (var table in tables)
            {
                await using (var writer = await target.BeginRawBinaryCopyAsync($"COPY \"{table}\" FROM STDIN (FORMAT BINARY)"))
                    await writer.WriteAsync(dumps[table]);
            }
            await transaction.CommitAsync();
        }
        return clock.Elapsed;
    }

    /// <summary>SQLite has no COPY: the floor is INSERT … SELECT from the attached imported file, in one transaction.</summary>
    private static async Task<TimeSpan> SqliteCopyAsync(BenchStore from, BenchStore to, List<string> tables)
    {
        await using var target = await to.OpenAsync();
        async Task RunAsync(string sql)
        {
            await using var command = target.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            await command.ExecuteNonQueryAsync();
        }
        await RunAsync($"ATTACH DATABASE '{from.SqliteFile.Replace("'", "''")}' AS imported");
        foreach (var table in tables) await RunAsync($"SELECT count(*) FROM imported.\"{table}\""); // into the page cache
        var clock = Stopwatch.StartNew();
        await RunAsync("BEGIN");
        foreach (var table in tables) await RunAsync($"INSERT INTO main.\"{table}\" SELECT * FROM imported.\"{table}\"");
        await RunAsync("COMMIT");
        clock.Stop();
        await RunAsync("DETACH DATABASE imported");
        return clock.Elapsed;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // casepage: pages under 50 concurrent users with wrk

    public static async Task CasePageAsync(string provider, long size, int connections = 50, int seconds = 15, IReadOnlyList<string>? only = null)
    {
        var store = await LoadedAsync(provider, size);
        Console.WriteLine($"== casepage: {connections} concurrent users per page with wrk on {store.Provider} {store.Name}");
        if (!File.Exists("/usr/bin/wrk")) throw new InvalidOperationException("wrk is missing: apt-get install wrk");
        await using var app = await AppUnderTest.StartAsync(store);
        var staff = await BenchStaff.EnsureAsync(app);
        using var coach = new BrowserSession(app.BaseAddress);
        var (ok, why) = await coach.SignInAsync(staff.CoachEmail, staff.CoachPassword);
        if (!ok) throw new InvalidOperationException($"The coach could not sign in: {why}");
        using var admin = new BrowserSession(app.BaseAddress);
        (ok, why) = await admin.SignInAsync(staff.AdminEmail, staff.AdminPassword);
        if (!ok) throw new InvalidOperationException($"The administrator could not sign in: {why}");

        var ids = await store.ColumnAsync<long>(
            $"SELECT c.\"Id\" FROM \"Cases\" c JOIN \"JobCentres\" j ON j.\"Id\" = c.\"JobCentreId\" WHERE j.\"Code\" = '{BenchStaff.CoachCentre}' ORDER BY c.\"Id\"");
        if (ids.Count == 0) throw new InvalidOperationException("The coach's centre has no cases.");
        // The coach's own caseload: 60 of the centre's cases, spread over all of them. A case of the centre that is not
        // the coach's own asks for a reason first (the access log), so the coach reads their own, as on a working day.
        const int caseload = 60;
        var sample = Enumerable.Range(0, Math.Min(caseload, ids.Count)).Select(i => ids[(int)((long)i * ids.Count / Math.Min(caseload, ids.Count))]).ToList();
        await store.ScalarAsync<long>($"UPDATE \"Cases\" SET \"CoachId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = " +
                                      $"'{staff.CoachEmail.ToUpperInvariant()}') WHERE \"Id\" IN ({string.Join(", ", sample)})");
        Console.WriteLine($"  the coach at {BenchStaff.CoachCentre} reaches {ids.Count:N0} cases; {sample.Count:N0} of them are their own and asked for");

        var first = await coach.GetAsync($"/Cases/Details/{sample[0]}");
        if (first.Status != HttpStatusCode.OK) throw new InvalidOperationException($"The case page answered {(int)first.Status} {first.Location}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var pages = new List<(string Name, string Script, string Cookie, string Check)>
        {
            ("login page", Script(["/Account/Login"]), "", "/Account/Login"),
            ("case page", Script(sample.Select(id => $"/Cases/Details/{id}")), coach.CookieHeader, $"/Cases/Details/{sample[0]}"),
            ("start page (coach)", Script(["/"]), coach.CookieHeader, "/"),
            ("case list (coach)", Script(["/Cases"]), coach.CookieHeader, "/Cases"),
            ("attendance day view", Script([$"/Attendance?Date={LastWorkingDay(today):yyyy-MM-dd}"]), coach.CookieHeader, "/Attendance"),
            ("report page (administrator)", Script(["/Reports"]), admin.CookieHeader, "/Reports"),
        };
        if (only is not null)
        {
            var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["start"] = "start page (coach)", ["list"] = "case list (coach)", ["attendance"] = "attendance day view",
                ["report"] = "report page (administrator)",
            };
            pages.RemoveAll(p => p.Name is not ("login page" or "case page") && !only.Any(word => named.GetValueOrDefault(word) == p.Name));
        }
        var measured = new Dictionary<string, WrkResult>();
        foreach (var (name, script, cookie, check) in pages)
        {
            var session = cookie.Length == 0 ? null : cookie == coach.CookieHeader ? coach : admin;
            var probe = session is null ? await new BrowserSession(app.BaseAddress).GetAsync(check) : await session.GetAsync(check);
            if (probe.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{name} ({check}) answered {(int)probe.Status} {probe.Location}");
            var result = await WrkAsync(app, script, cookie, connections, seconds);
            if (result.Requests == 0)
            {
                // wrk prints no latencies then; the page is left out of the comparisons below and recorded as not met.
                Console.WriteLine($"  {name,-30} no request finished within {seconds} s ({connections} at once)");
                continue;
            }
            measured[name] = result;
            Console.WriteLine($"  {name,-30} p50 {result.P50Ms,8:N1} ms  p99 {result.P99Ms,8:N1} ms  {result.RequestsPerSecond,8:N0} requests/s  " +
                              $"({result.Requests:N0} requests{(result.Errors > 0 ? $", {result.Errors:N0} errors or non-2xx" : "")}); " +
                              $"CPU a request: app {result.AppCpuMs:N2} ms, database {result.DatabaseCpuMs:N2} ms");
        }
        var label = BenchStore.Label(size);
        foreach (var (name, _, _, _) in pages.Where(p => !measured.ContainsKey(p.Name)))
            Record($"{name} {label} p99", name == "case page" ? "≤ 50 ms" : "≤ 2× case page", $"no request finished within {seconds} s", false);
        if (!measured.TryGetValue("case page", out var casePage) || !measured.TryGetValue("login page", out var login)) return;
        Record($"case page {label} p99", "≤ 50 ms", $"{casePage.P99Ms:N1} ms (p50 {casePage.P50Ms:N1} ms)", casePage.P99Ms <= 50 && casePage.Errors == 0);
        var share = casePage.RequestsPerSecond / login.RequestsPerSecond;
        Record($"case page {label} throughput", "≥ 25 % of login page", $"{casePage.RequestsPerSecond:N0}/s = {share:P0} of {login.RequestsPerSecond:N0}/s", share >= 0.25);
        foreach (var (name, result) in measured.Where(m => m.Key is not ("case page" or "login page")))
            Record($"{name} {label} p99", "≤ 2× case page", $"{result.P99Ms:N1} ms ({result.P99Ms / casePage.P99Ms:N1}×), {result.RequestsPerSecond:N0}/s",
                result.P99Ms <= 2 * casePage.P99Ms && result.Errors == 0);
    }

    private static DateOnly LastWorkingDay(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return day;
    }

    /// <summary>A wrk script that sends the paths in turn, with the session cookie and the proxy's header.</summary>
    private static string Script(IEnumerable<string> paths)
    {
        var list = string.Join(",", paths.Select(p => $"\"{p}\""));
        return $$"""
            local paths = { {{list}} }
            local n = 0
            init = function(args)
              n = math.random(#paths)
            end
            request = function()
              n = n % #paths + 1
              return wrk.format("GET", paths[n])
            end
            """;
    }

    /// <summary>What wrk measured, and the CPU the app and PostgreSQL spent per request meanwhile (less noisy than the rate on a shared machine).</summary>
    private sealed record WrkResult(double P50Ms, double P99Ms, double RequestsPerSecond, long Requests, long Errors, double AppCpuMs, double DatabaseCpuMs);

    /// <summary>The JIT's CPU in the last 3 s of warm-up below which the app's code counts as compiled for good.</summary>
    private static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(60);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);

    private static async Task<WrkResult> WrkAsync(AppUnderTest app, string script, string cookie, int connections, int seconds)
    {
        var file = Path.Combine(BenchPaths.Artifacts, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(file, script);
        try
        {
            async Task<string> RunAsync(int duration)
            {
                var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var arg in new[] { "-t", "2", "-c", connections.ToString(Inv), "-d", $"{duration}s", "--timeout", "30s", "--latency", "-s", file,
                             "-H", $"{AppUnderTest.ForwardedProto}: https" })
                    start.ArgumentList.Add(arg);
                if (cookie.Length > 0) { start.ArgumentList.Add("-H"); start.ArgumentList.Add($"Cookie: {cookie}"); }
                start.ArgumentList.Add(app.BaseAddress.ToString());
                using var wrk = Process.Start(start)!;
                var text = await wrk.StandardOutput.ReadToEndAsync() + await wrk.StandardError.ReadToEndAsync();
                await wrk.WaitForExitAsync();
                if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {text}");
                return text;
            }
            // Warm-up until the JIT is quiet: a fresh app recompiles its hot code for seconds, and on two cores shared with
            // wrk and the database that took most of a minute (a third of the app's CPU in the first 15 s of the case page,
            // seen with perf), which a long-running instance has long behind it.
            var warming = Stopwatch.StartNew();
            TimeSpan jit;
            do
            {
                var jitBefore = Cpu.Jit(app.ProcessId);
                await RunAsync(3);
                jit = Cpu.Grown(Cpu.Jit(app.ProcessId), jitBefore);
            } while (jit > QuietJit && warming.Elapsed < MaxWarmUp);
            Console.WriteLine($"    (warm-up {warming.Elapsed.TotalSeconds:N0} s, the JIT {(jit > QuietJit ? "still busy" : "quiet")}: {jit.TotalMilliseconds:N0} ms in its last 3 s)");
            var cpuBefore = Cpu.Used(app.ProcessId);
            var output = await RunAsync(seconds);
            var cpu = Cpu.Used(app.ProcessId) - cpuBefore;
            double Latency(string percentile)
            {
                var m = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
                if (!m.Success) return double.NaN;
                var value = double.Parse(m.Groups[1].Value, Inv);
                return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
            }
            var rps = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, Inv);
            var requests = long.Parse(Regex.Match(output, @"(\d+) requests in").Groups[1].Value, Inv);
            var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)");
            var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
            long errors = non2xx.Success ? long.Parse(non2xx.Groups[1].Value, Inv) : 0;
            if (socket.Success) errors += Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, Inv));
            return new WrkResult(Latency("50"), Latency("99"), rps, requests, errors,
                requests == 0 ? 0 : cpu.App.TotalMilliseconds / requests, requests == 0 ? 0 : cpu.Database.TotalMilliseconds / requests);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // trace: where the time goes, from the app's own statement log

    public static async Task TraceAsync(string provider, long size)
    {
        var store = await LoadedAsync(provider, size);
        Console.WriteLine($"== trace: statements per request on {store.Provider} {store.Name} (the app's EF Core command log)");
        await using var app = await AppUnderTest.StartAsync(store, traceSql: true);
        var staff = await BenchStaff.EnsureAsync(app);
        using var coach = new BrowserSession(app.BaseAddress);
        await coach.SignInAsync(staff.CoachEmail, staff.CoachPassword);
        using var admin = new BrowserSession(app.BaseAddress);
        await admin.SignInAsync(staff.AdminEmail, staff.AdminPassword);
        using var api = app.Api();
        var caseId = await store.ScalarAsync<long>(
            $"SELECT min(c.\"Id\") FROM \"Cases\" c JOIN \"JobCentres\" j ON j.\"Id\" = c.\"JobCentreId\" WHERE j.\"Code\" = '{BenchStaff.CoachCentre}' AND c.\"ClosureDate\" IS NULL");
        // The coach's own case, as the casepage target asks for: another case of the centre asks for a reason first.
        await store.ScalarAsync<long>($"UPDATE \"Cases\" SET \"CoachId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = " +
                                      $"'{staff.CoachEmail.ToUpperInvariant()}') WHERE \"Id\" = {caseId}");
        var report = $"/api/reports/indicators?from={CaseEventStream.FirstDay:yyyy-MM-dd}&to={CaseEventStream.LastDay:yyyy-MM-dd}&groupBy=district";
        var requests = new (string Name, string Path, Func<Task> Send)[]
        {
            ("report API, ten years by district", "/api/reports/indicators", async () => (await api.GetAsync(report)).Dispose()),
            ("case page", $"/Cases/Details/{caseId}", async () => await coach.GetAsync($"/Cases/Details/{caseId}")),
            ("start page (coach)", "/", async () => await coach.GetAsync("/")),
            ("case list (coach)", "/Cases", async () => await coach.GetAsync("/Cases")),
            ("attendance day view", "/Attendance", async () => await coach.GetAsync("/Attendance")),
            ("report page", "/Reports", async () => await admin.GetAsync("/Reports")),
            ("login page", "/Account/Login", async () => await new BrowserSession(app.BaseAddress).GetAsync("/Account/Login")),
        };
        // Every statement in full, to read its plan or run it again (EXPLAIN QUERY PLAN, EXPLAIN ANALYZE).
        var statementsFile = Path.Combine(BenchPaths.Artifacts, $"trace-{provider}.sql");
        await using var statements = new StreamWriter(statementsFile);
        Console.WriteLine($"  every statement in full → {statementsFile}");
        foreach (var (name, path, send) in requests)
        {
            await send(); // warm
            await Task.Delay(300);
            app.Statements.Clear();
            var clock = Stopwatch.StartNew();
            await send();
            clock.Stop();
            await Task.Delay(500); // the log is written after the answer
            var mine = app.Statements.Where(st => st.Path == path).ToList();
            Console.WriteLine($"  {name,-36} {clock.Elapsed.TotalMilliseconds,7:N0} ms, {mine.Count,3} statements taking {mine.Sum(st => st.Ms),6:N0} ms in the database");
            // Every statement of the pages that issue many; the slowest three of the others.
            foreach (var st in mine.OrderByDescending(st => st.Ms).Take(name is "case page" or "start page (coach)" or "report page" ? 30 : 3))
                Console.WriteLine($"      {st.Ms,6:N0} ms  {Shorten(System.Text.RegularExpressions.Regex.Replace(st.Sql, @"\s+", " "), 220)}");
            await statements.WriteAsync($"-- {name} ({path}): {mine.Count} statements\n{string.Join("", mine.Select(st => $"-- {st.Ms:N1} ms\n{st.Sql};\n"))}\n");
            if (name.StartsWith("report API", StringComparison.Ordinal) && store.OnPostgres)
                foreach (var st in mine.OrderByDescending(st => st.Ms).Take(2))
                    await ExplainAsync(store, st.Sql);
        }
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of a statement the app ran; parameters, if any, are bound to the stream's period.</summary>
    private static async Task ExplainAsync(BenchStore store, string sql)
    {
        var bound = System.Text.RegularExpressions.Regex.Replace(sql, @"@\w+", $"DATE '{CaseEventStream.LastDay:yyyy-MM-dd}'");
        try
        {
            var plan = await store.ColumnAsync<string>("EXPLAIN (ANALYZE, BUFFERS) " + bound);
            Console.WriteLine("      EXPLAIN (ANALYZE, BUFFERS):");
            foreach (var line in plan) Console.WriteLine("        " + line);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            Console.WriteLine($"      (no plan: {e.Message.Split('\n')[0]})");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // bookings

    public static async Task BookingsAsync(string provider, int cases = 2000, int? connections = null)
    {
        const int workers = 48;
        // The workers share one pool, as an instance's requests share the pool of its connection string. Without a pool
        // size given, both a pool of four connections per core of the machine (the database's cores here) and one of a
        // connection per worker: bookings wait for the same few rows, and more of them waiting inside PostgreSQL at once
        // only adds to their waits (docs/benchmarks.md, "Bookings: the standing booking read through its index, and how many connections").
        var onPostgres = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        int[] pools = connections is { } given ? [given] : onPostgres ? [4 * Environment.ProcessorCount, workers + 4] : [workers + 4];
        // A round that is not counted first: the app serves bookings for months, with its code compiled in full, while
        // the first seconds of a fresh process go to the JIT compiling and recompiling it (a third of the bench's CPU
        // in the automatic phase, seen with perf).
        Console.WriteLine($"== bookings: warm-up, not counted ({provider})");
        await BookingBench.RunAsync(provider, Math.Min(cases, 500), BenchStore.DefaultServer, workers, pools[0]);
        var runs = new List<(int Pool, double Phase1, double Phase2)>();
        foreach (var pool in pools)
        {
            Console.WriteLine($"== bookings: {cases:N0} cases, {workers} workers{(onPostgres ? $", a pool of {pool} connections" : "")} ({provider})");
            var (phase1, phase2) = await BookingBench.RunAsync(provider, cases, BenchStore.DefaultServer, workers, pool);
            runs.Add((pool, phase1, phase2));
        }
        var (usedPool, first, second) = runs[0];
        var worst = Math.Min(first, second);
        var others = string.Concat(runs.Skip(1).Select(r => $"; through {r.Pool} connections {r.Phase1:N0}/s and {r.Phase2:N0}/s"));
        Record($"bookings ({provider})", "≥ 1,000/s, none oversold",
            $"{first:N0}/s on one meeting, {second:N0}/s automatic{(onPostgres ? $" through {usedPool} connections" : "")}{others}; none oversold", worst >= 1000);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // coldstart

    public static async Task ColdStartAsync(string provider, long size)
    {
        var store = await LoadedAsync(provider, size);
        Console.WriteLine($"== coldstart: the published app on {store.Provider} {store.Name}, process start to the first 200");
        var dll = await BenchPaths.PublishAsync();
        var readyTimes = new List<double>();
        var loginTimes = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var port = AppUnderTest.FreePort();
            var clock = Stopwatch.StartNew();
            using var process = AppUnderTest.Start(AppUnderTest.StartInfo(dll, store, port, "bench-coldstart"));
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add(AppUnderTest.ForwardedProto, "https");
            double? ready = null, login = null;
            while ((ready is null || login is null) && clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
            {
                try
                {
                    if (ready is null && (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) ready = clock.Elapsed.TotalSeconds;
                    if (login is null && (await http.GetAsync("/Account/Login")).StatusCode == HttpStatusCode.OK) login = clock.Elapsed.TotalSeconds;
                }
                catch (HttpRequestException) { await Task.Delay(10); }
            }
            try { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); } catch (InvalidOperationException) { }
            if (ready is null || login is null) throw new InvalidOperationException("The app did not answer 200 within three minutes.");
            readyTimes.Add(ready.Value);
            loginTimes.Add(login.Value);
            Console.WriteLine($"  start {run + 1}: /health/ready 200 after {ready:N2} s, login page 200 after {login:N2} s");
        }
        var medianReady = readyTimes.Order().ElementAt(1);
        var medianLogin = loginTimes.Order().ElementAt(1);
        Record($"coldstart ({store.Provider}, {BenchStore.Label(size)})", "≤ 3 s", $"ready {medianReady:N2} s, login page {medianLogin:N2} s (median of 3)", Math.Max(medianReady, medianLogin) <= 3);
    }
}
