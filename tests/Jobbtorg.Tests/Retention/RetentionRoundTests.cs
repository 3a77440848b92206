using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Retention;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Retention;

/// <summary>The retention round on a database of imported streams: who goes on which day, who is kept, what it leaves
/// of the access log and of its own records.</summary>
public sealed class RetentionRoundTests
{
    // The Tax Agency's test numbers: born 1 January, 5 January and 15 January 1985.
    private const string First = "198501012382", Fifth = "198501052396", Fifteenth = "198501152386", Second = "198501022381", Third = "198501032380";

    private static RetentionRound Round(ScenarioDatabase scenario, DateOnly today, RetentionOptions? settings = null) =>
        new(scenario.Db, Options.Create(settings ?? new RetentionOptions()),
            new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero)), NullLogger<RetentionRound>.Instance);

    private static string ClosedCase(string caseRef, string person, string referral, string closure) => Stream(
        Referral(caseRef, person, referral), Enrolment(caseRef, referral), PlanAgreed(caseRef, referral),
        CaseEvents.Attendance(caseRef, referral), Closure(caseRef, closure, "Work"));

    private static Task<bool> ErasedAsync(ScenarioDatabase scenario, string person) =>
        scenario.Db.Participants.AsNoTracking().AnyAsync(p => p.PersonalNumber == person).ContinueWith(t => !t.Result);

    [Fact]
    public async Task A_person_is_erased_on_the_day_five_years_after_their_last_case_closed_and_not_the_day_before()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(ClosedCase("R-1", First, "2019-02-01", "2019-03-10"));

        var before = await Round(scenario, new DateOnly(2024, 3, 9)).RunAsync(new DateOnly(2024, 3, 9));
        Assert.Equal(0, before!.People);
        Assert.False(await ErasedAsync(scenario, First));

        var onTheDay = await Round(scenario, new DateOnly(2024, 3, 10)).RunAsync(new DateOnly(2024, 3, 10));
        Assert.Equal(1, onTheDay!.People);
        Assert.Equal(1, onTheDay.Cases);
        Assert.True(await ErasedAsync(scenario, First));
        var erased = await scenario.Db.Participants.AsNoTracking().SingleAsync();
        Assert.Equal(new DateOnly(2024, 3, 10), erased.ErasedOn);
        Assert.Equal(RetentionRound.Pseudonym(erased.Id), erased.PersonalNumber);
        Assert.Null(erased.FirstName);
        // The case stays for the report, without its references; its attendance goes.
        var kept = await scenario.Db.Cases.AsNoTracking().SingleAsync();
        Assert.StartsWith("GALLRAD-", kept.CaseRef);
        Assert.Equal(new DateOnly(2019, 3, 10), kept.ClosureDate);
        Assert.Empty(await scenario.Db.AttendanceDays.AsNoTracking().ToListAsync());
        Assert.True(onTheDay.CountsByKind()["AttendanceDays"] >= 1);
    }

    [Fact]
    public async Task The_round_runs_once_a_day()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var day = new DateOnly(2024, 3, 10);
        Assert.NotNull(await Round(scenario, day).RunAsync(day));
        Assert.Null(await Round(scenario, day).RunAsync(day));
        Assert.Equal(1, await scenario.Db.RetentionRuns.CountAsync());
    }

    [Fact]
    public async Task A_person_with_a_newer_or_an_open_case_is_kept()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            ClosedCase("N-1", Second, "2017-01-10", "2017-06-01"), ClosedCase("N-2", Second, "2021-01-10", "2021-06-01"),
            ClosedCase("O-1", Third, "2017-01-10", "2017-06-01"), Referral("O-2", Third, "2022-01-10"),
            ClosedCase("G-1", First, "2017-01-10", "2017-06-01")));

        var run = await Round(scenario, new DateOnly(2024, 3, 10)).RunAsync(new DateOnly(2024, 3, 10));

        Assert.Equal(1, run!.People);
        Assert.True(await ErasedAsync(scenario, First));
        Assert.False(await ErasedAsync(scenario, Second));
        Assert.False(await ErasedAsync(scenario, Third));
        Assert.Equal(2, await scenario.Db.Cases.CountAsync(c => c.Participant.PersonalNumber == Second && !c.CaseRef.StartsWith("GALLRAD")));
    }

    [Fact]
    public async Task People_born_on_the_days_kept_for_research_are_kept()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            ClosedCase("K-1", Fifth, "2017-01-10", "2017-06-01"), ClosedCase("K-2", Fifteenth, "2017-01-10", "2017-06-01"),
            ClosedCase("K-3", First, "2017-01-10", "2017-06-01")));

        var run = await Round(scenario, new DateOnly(2024, 3, 10), new RetentionOptions { KeepBornOnDays = [5, 15, 25] })
            .RunAsync(new DateOnly(2024, 3, 10));

        Assert.Equal(1, run!.People);
        Assert.True(await ErasedAsync(scenario, First));
        Assert.False(await ErasedAsync(scenario, Fifth));
        Assert.False(await ErasedAsync(scenario, Fifteenth));
    }

    [Fact]
    public async Task The_access_log_and_the_retention_log_lose_what_is_older_than_their_periods()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var today = new DateOnly(2026, 3, 10);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        AccessLogEntry Entry(long sequence, DateTimeOffset at) => new()
        {
            Sequence = sequence, At = at, PrincipalKind = PrincipalKind.User, Principal = "Test Testsson", Kind = AccessKind.Read,
            Action = "GET /Cases/Details", Path = "/Cases/Details/1", Hash = $"h{sequence}",
        };
        scenario.Db.AccessLog.AddRange(Entry(1, now.AddYears(-10).AddDays(-2)), Entry(2, now.AddYears(-10).AddDays(-1)),
            Entry(3, now.AddYears(-10).AddDays(1)), Entry(4, now.AddDays(-1)));
        scenario.Db.RetentionRuns.AddRange(new RetentionRun { Date = today.AddYears(-10).AddDays(-1), StartedAt = now.AddYears(-10) },
            new RetentionRun { Date = today.AddYears(-9), StartedAt = now.AddYears(-9) });
        await scenario.Db.SaveChangesAsync();
        scenario.Db.ChangeTracker.Clear();

        var run = await Round(scenario, today).RunAsync(today);

        Assert.Equal(2, run!.AccessLogEntries);
        Assert.Equal([3L, 4L], await scenario.Db.AccessLog.OrderBy(e => e.Sequence).Select(e => e.Sequence!.Value).ToListAsync());
        Assert.Equal(1, run.RetentionRuns);
        Assert.Equal([today.AddYears(-9), today], await scenario.Db.RetentionRuns.OrderBy(r => r.Date).Select(r => r.Date).ToListAsync());
    }
}

/// <summary>A generated stream, reported on before and after a round that erases a good share of its people: every
/// report is the same, nothing refers to a deleted row, and nothing of the erased people remains.</summary>
public sealed class RetentionKeepsReportsTests
{
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new(2022, 1, 1), new(2022, 12, 31)), (new(2023, 5, 1), new(2023, 8, 31)), (new(2024, 2, 1), new(2024, 2, 29)),
        (new(2023, 3, 15), new(2024, 3, 14)), (new(2021, 1, 1), new(2026, 12, 31)),
    ];

    private static readonly GroupBy?[] Groupings =
        [null, GroupBy.ReportingGroup, GroupBy.JobCentre, GroupBy.District, GroupBy.Gender, GroupBy.TargetGroup, GroupBy.Benefit];

    private static readonly DateOnly[] AsOfDates = [new(2024, 6, 30), new(2025, 6, 30), new(2027, 1, 1)];

    [Fact]
    public async Task Reports_are_the_same_after_the_round_and_nothing_of_the_erased_remains()
    {
        var stream = new CaseEventGenerator(seed: 2016).Generate(1200);
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(stream.ToNdjson());
        // Names and a journal note, as staff would have written them, for some of the people.
        var people = await scenario.Db.Participants.ToListAsync();
        foreach (var p in people.Where(p => p.Id % 3 == 0)) (p.FirstName, p.LastName) = ("Tova", $"Testperson-{p.Id}-");
        await scenario.Db.SaveChangesAsync();
        scenario.Db.ChangeTracker.Clear();

        var before = new Dictionary<string, IndicatorReport>();
        foreach (var asOf in AsOfDates)
            foreach (var (from, to) in Periods)
                foreach (var groupBy in Groupings)
                    before[$"{from}–{to} as of {asOf} by {groupBy?.ToString() ?? "total"}"] = await scenario.ReportAsync(from, to, asOf, groupBy);
        var series = await scenario.MonthlyAsync(new DateOnly(2024, 12, 1), 24, new DateOnly(2027, 1, 1), GroupBy.ReportingGroup, Features.Access.ReportScope.City);
        var named = people.Where(p => p.FirstName is not null).ToDictionary(p => p.Id, p => p.LastName!);

        var today = new DateOnly(2026, 6, 30);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 3, 0, 0, TimeSpan.Zero));
        var run = await new RetentionRound(scenario.Db, Options.Create(new RetentionOptions { YearsAfterClosure = 1, BatchSize = 97 }), clock,
            NullLogger<RetentionRound>.Instance).RunAsync(today);
        scenario.Db.ChangeTracker.Clear();

        var erased = await scenario.Db.Participants.AsNoTracking().Where(p => p.ErasedOn != null).Select(p => p.Id).ToListAsync();
        Assert.Equal(erased.Count, run!.People);
        Assert.True(erased.Count > people.Count / 4, $"only {erased.Count} of {people.Count} people erased");
        Assert.True(erased.Count < people.Count, "everyone erased");

        foreach (var asOf in AsOfDates)
            foreach (var (from, to) in Periods)
                foreach (var groupBy in Groupings)
                {
                    var what = $"{from}–{to} as of {asOf} by {groupBy?.ToString() ?? "total"}";
                    ReportAssert.Same(before[what], await scenario.ReportAsync(from, to, asOf, groupBy), what);
                }
        var seriesAfter = await scenario.MonthlyAsync(new DateOnly(2024, 12, 1), 24, new DateOnly(2027, 1, 1), GroupBy.ReportingGroup, Features.Access.ReportScope.City);
        Assert.Equal(series.Select(p => p.Total), seriesAfter.Select(p => p.Total));

        Assert.Empty(await ErasedData.OrphansAsync(scenario.Db));
        var erasedNumbers = stream.Cases.Select(c => c.PersonalNumber).Distinct()
            .Where(pn => !people.Any(p => p.PersonalNumber == pn && !erased.Contains(p.Id))).ToList();
        Assert.NotEmpty(erasedNumbers);
        var needles = erasedNumbers.SelectMany(ErasedData.Forms)
            .Concat(named.Where(n => erased.Contains(n.Key)).Select(n => n.Value)).ToList();
        Assert.Empty(await ErasedData.TextsHoldingAsync(scenario.Db, needles));
        // The people kept are still there as they were.
        var keptNames = named.Where(n => !erased.Contains(n.Key)).Select(n => n.Value).Take(5).ToList();
        Assert.Equal(keptNames.Count, await scenario.Db.Participants.CountAsync(p => keptNames.Contains(p.LastName!)));
    }
}
