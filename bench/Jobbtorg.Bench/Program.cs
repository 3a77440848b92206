using System.Diagnostics;
using Jobbtorg.Bench;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Benchmarks at city scale. Run in Release:
//   dotnet run -c Release --project bench/Jobbtorg.Bench                       rule throughput
//   dotnet run -c Release --project bench/Jobbtorg.Bench -- import sqlite 1000000
//   dotnet run -c Release --project bench/Jobbtorg.Bench -- import postgres 1000000 ["Host=…;Username=…;Password=…"]
// The import bench writes a generated case-event stream to a temporary file, imports it into a fresh
// database, and reports events per second and the process's peak memory; then imports it again (all
// skipped), exports it, and computes the indicator report from it.
//   dotnet run -c Release --project bench/Jobbtorg.Bench -- bookings sqlite|postgres [2000] ["Host=…"] [48 workers]
// The bookings bench imports N referred cases into a fresh database and books them through BookInfoMeeting
// with parallel workers: all on one meeting with few seats, then automatically over seven weeks of meetings;
// it reports bookings per second and refusals and checks that no seat or quota place was sold twice.
if (args.Length >= 2 && args[0] == "import")
{
    await ImportBench.RunAsync(args[1], args.Length > 2 ? long.Parse(args[2]) : 1_000_000,
        args.Length > 3 ? args[3] : "Host=127.0.0.1;Port=5432;Username=jobbtorg;Password=jobbtorg");
    return;
}

if (args.Length >= 2 && args[0] == "bookings")
{
    await BookingBench.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 2_000,
        args.Length > 3 && args[3].Length > 0 ? args[3] : "Host=127.0.0.1;Port=5432;Username=jobbtorg;Password=jobbtorg",
        args.Length > 4 ? int.Parse(args[4]) : 48);
    return;
}

var today = new DateOnly(2026, 11, 24);
Measure("Deadline(E, 5) with one pause", 1_000_000, i =>
{
    var enrolled = new DateOnly(2020, 1, 1).AddDays(i % 2500);
    return WorkingDays.Deadline(enrolled, 5, [new PausePeriod(enrolled.AddDays(2), enrolled.AddDays(9))])?.DayNumber ?? 0;
});
Measure("PersonalNumber.TryParse (short form)", 1_000_000, i =>
    PersonalNumber.TryParse("900101-2385", today, out var number, out _) ? number.Value.Length : 0);

static void Measure(string name, int count, Func<int, int> work)
{
    long sink = 0;
    for (var i = 0; i < 10_000; i++) sink += work(i); // warm-up
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++) sink += work(i);
    clock.Stop();
    Console.WriteLine($"{name,-40} {count / clock.Elapsed.TotalSeconds,14:N0} ops/s  ({clock.Elapsed.TotalMilliseconds:N0} ms, checksum {sink})");
}
