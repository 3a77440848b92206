using System.Diagnostics;
using Jobbtorg.Calendar;
using Jobbtorg.Identity;

// Rule throughput at city scale: every case's deadline and every referral's personal number are
// computed on each page and report, so these must stay cheap. Run in Release:
//   dotnet run -c Release --project bench/Jobbtorg.Bench
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
