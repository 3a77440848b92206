using System.Diagnostics;
using Jobbtorg.Bench;
using Jobbtorg.Calendar;
using Jobbtorg.Identity;

// Benchmarks at national scale, against the app started as a process (published in Release under artifacts/bench/app),
// through its HTTP API and pages, the case-event format and SQL. Run from the repository root in Release:
//   dotnet run -c Release --project bench/Jobbtorg.Bench -- <target> <sqlite|postgres> [size]
// Targets (size = events in the loaded database, default 1000000):
//   generate <events> [cases] [file] [people]
//                                      writes a stream and says what it holds (and why, if less than asked); with
//                                      people, only that many test numbers (a national density at a small size)
//   selfcheck <db> [events]            a stream (200k unless told) imports cleanly into an empty database through the API
//   load <db> <events>                 generates and imports a database of that size, kept for the targets below
//                                      (PostgreSQL jobbtorg_bench_<size>, SQLite artifacts/bench/jobbtorg_bench_<size>.db)
//   report <db> <size>                 the indicator API for a month … ten years, ± groupBy, asOf in the past
//   import-small <db> <size>           one event and a 1,000-event daily file into the loaded database
//   import-copy <db> [events]          the import API into an empty database vs a raw COPY of the same rows
//   casepage <db> <size> [s] [users] [pages]
//                                      50 concurrent users on the case page and other pages (wrk), 15 s a page;
//                                      with pages, the login and case pages and those named by a word of the list
//                                      (start,list,attendance,report; `case` for those two only): a quicker A/B
//   trace <db> <size>                  statements per request and their times (the app's command log), EXPLAIN on PostgreSQL;
//                                      every statement in full into artifacts/bench/trace-<db>.sql
//   bookings <db> [cases] [pool]       info-meeting bookings under contention (BookingBench); on PostgreSQL through a
//                                      pool of 4 connections a core and one of a connection per worker, or the pool given
//   accesslog <db> [entries]          entries sealed into the access log's hash chain (100k unless told): entries/s and
//                                      the CPU an entry costs the app and the database (AccessLogBench)
//   coldstart <db> <size>              process start to the first 200 of /health/ready and the login page
//   all <db> <size> [s]                all of them in order (load only if the database is missing), then a table;
//                                      the self-check at 200k, import-copy at 1M and bookings with 2,000 cases, or
//                                      less for a small size (the size; a hundredth of it, at least 200)
// Older entry points, which call the app's classes in-process:
//   import <db> [events]               CaseEventImport straight on a fresh database (ImportBench)
//   (no arguments)                     rule throughput
var target = args.Length > 0 ? args[0] : "";
var db = args.Length > 1 ? args[1] : "sqlite";
long Size(int index, long fallback) => args.Length > index ? long.Parse(args[index].Replace("_", "")) : fallback;
try
{
    switch (target)
    {
        case "generate":
        {
            var events = Size(1, 1_000_000);
            long? cases = args.Length > 2 ? Size(2, 0) : null;
            var file = args.Length > 3 ? args[3] : Path.Combine(BenchPaths.Artifacts, $"generated-{BenchStore.Label(events)}.ndjson");
            int? people = args.Length > 4 ? (int)Size(4, 0) : null;
            Console.WriteLine($"{CaseEventStream.Write(file, events, cases, ScaleTargets.People(), maxPeople: people)}\n→ {file}");
            return 0;
        }
        case "selfcheck":
            return await ScaleTargets.SelfCheckAsync(db, Size(2, 200_000)) ? 0 : 1;
        case "load":
            await ScaleTargets.LoadAsync(db, Size(2, 1_000_000));
            break;
        case "report":
            await ScaleTargets.ReportAsync(db, Size(2, 1_000_000));
            break;
        case "import-small":
            await ScaleTargets.ImportSmallAsync(db, Size(2, 1_000_000));
            break;
        case "import-copy":
            await ScaleTargets.ImportCopyAsync(db, Size(2, 1_000_000));
            break;
        case "casepage":
            await ScaleTargets.CasePageAsync(db, Size(2, 1_000_000), seconds: (int)Size(3, 15), connections: (int)Size(4, 50),
                only: args.Length > 5 ? args[5].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null);
            break;
        case "trace":
            await ScaleTargets.TraceAsync(db, Size(2, 1_000_000));
            break;
        case "bookings":
            await ScaleTargets.BookingsAsync(db, (int)Size(2, 2_000), args.Length > 3 ? (int)Size(3, 0) : null);
            break;
        case "accesslog":
            await AccessLogBench.RunAsync(db, (int)Size(2, 100_000), BenchStore.DefaultServer);
            break;
        case "coldstart":
            await ScaleTargets.ColdStartAsync(db, Size(2, 1_000_000));
            break;
        case "all":
        {
            var size = Size(2, 1_000_000);
            async Task Step(Func<Task> step)
            {
                try { await step(); }
                catch (Exception e) { Console.WriteLine($"  FAILED: {e.Message}"); ScaleTargets.Results.Add(new TargetResult("(failed step)", "–", e.Message.Split('\n')[0], false)); }
            }
            await Step(() => ScaleTargets.SelfCheckAsync(db, Math.Min(200_000, size)));
            if (!await BenchStore.ForSize(db, size).ExistsAsync()) await Step(() => ScaleTargets.LoadAsync(db, size));
            await Step(() => ScaleTargets.ReportAsync(db, size));
            await Step(() => ScaleTargets.ImportSmallAsync(db, size));
            await Step(() => ScaleTargets.ImportCopyAsync(db, Math.Min(1_000_000, size)));
            await Step(() => ScaleTargets.CasePageAsync(db, size, seconds: (int)Size(3, 15)));
            await Step(() => ScaleTargets.BookingsAsync(db, (int)Math.Min(2_000, Math.Max(200, size / 100))));
            await Step(() => ScaleTargets.ColdStartAsync(db, size));
            break;
        }
        case "import":
            await ImportBench.RunAsync(db, Size(2, 1_000_000), args.Length > 3 ? args[3] : BenchStore.DefaultServer);
            return 0;
        case "":
            RuleThroughput();
            return 0;
        default:
            Console.Error.WriteLine($"Unknown target '{target}'. See the comment at the top of bench/Jobbtorg.Bench/Program.cs.");
            return 2;
    }
}
finally
{
    ScaleTargets.PrintTable();
}
return ScaleTargets.Results.Any(r => r.Target == "(failed step)") ? 1 : 0;

static void RuleThroughput()
{
    var today = new DateOnly(2026, 11, 24);
    Measure("Deadline(E, 5) with one pause", 1_000_000, i =>
    {
        var enrolled = new DateOnly(2020, 1, 1).AddDays(i % 2500);
        return WorkingDays.Deadline(enrolled, 5, [new PausePeriod(enrolled.AddDays(2), enrolled.AddDays(9))])?.DayNumber ?? 0;
    });
    Measure("PersonalNumber.TryParse (short form)", 1_000_000, i =>
        PersonalNumber.TryParse("900101-2385", today, out var number, out _) ? number.Value.Length : 0);
}

static void Measure(string name, int count, Func<int, int> work)
{
    long sink = 0;
    for (var i = 0; i < 10_000; i++) sink += work(i); // warm-up
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++) sink += work(i);
    clock.Stop();
    Console.WriteLine($"{name,-40} {count / clock.Elapsed.TotalSeconds,14:N0} ops/s  ({clock.Elapsed.TotalMilliseconds:N0} ms, checksum {sink})");
}
