using System.Text.Json;
using Jobbtorg.Features.Reports;

namespace Jobbtorg.Tests.Reports;

/// <summary>A generated stream of its own, imported once for the drill-down tests.</summary>
public sealed class DrillDownStreamFixture : IAsyncLifetime
{
    public GeneratedStream Stream { get; } = new CaseEventGenerator(seed: 4711).Generate(people: 900);
    public ScenarioDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await ScenarioDatabase.CreateAsync();
        await Database.ImportAsync(Stream.ToNdjson());
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// Every number of the report opens as the list of what it counts: for every measure, the total and every group of
/// every grouping, several periods and as-of dates, the list holds exactly as many units as the report's figure (and a
/// waiting time's list has the report's median).
/// </summary>
public sealed class IndicatorCasesTests(DrillDownStreamFixture generated) : IClassFixture<DrillDownStreamFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A tertial, a leap-year February, a year across two calendar years, everything; the first two are also
    /// opened group by group for every grouping.</summary>
    private static readonly (DateOnly From, DateOnly To, bool ByGroup)[] Periods =
    [
        (new(2023, 5, 1), new(2023, 8, 31), true),
        (new(2024, 2, 1), new(2024, 2, 29), false),
        (new(2023, 3, 15), new(2024, 3, 14), true),
        (new(2021, 1, 1), new(2026, 12, 31), false),
    ];

    public static TheoryData<string> AsOfDates => ["2023-06-30", "2025-03-31", "2027-01-01"];

    [Fact]
    public void Every_number_of_the_report_can_be_opened_and_nothing_else()
    {
        // Every count of the indicator set as its JSON names it; rates are quotients of counts listed already.
        var sample = new StraightforwardIndicators(generated.Stream).Report(new(2021, 1, 1), new(2026, 12, 31), new(2025, 3, 31), null).Total;
        var numbers = Leaves(JsonSerializer.SerializeToElement(sample, Json), "")
            .Where(path => path != "closureRate" && !path.EndsWith(".rate", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(numbers, IndicatorCases.Measures.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public async Task Each_list_holds_as_many_units_as_the_number_it_opens(string asOf)
    {
        var seenOn = ScenarioDatabase.Date(asOf);
        var mismatches = new List<string>();
        foreach (var (from, to, byGroup) in Periods)
            foreach (var groupBy in byGroup ? Enum.GetValues<GroupBy>().Select(g => (GroupBy?)g).Prepend(null) : [null])
            {
                var report = await generated.Database.ReportAsync(from, to, seenOn, groupBy);
                var sets = new List<(string? Group, IndicatorSet Set)> { (null, report.Total) };
                if (groupBy is not null)
                {
                    Assert.Equal(report.Groups!.Keys.Order(StringComparer.Ordinal), (await generated.Database.GroupsAsync(groupBy.Value, seenOn)).Order(StringComparer.Ordinal));
                    sets.AddRange(report.Groups!.Select(g => ((string?)g.Key, g.Value)));
                }
                foreach (var measure in IndicatorCases.Measures)
                    foreach (var (group, set) in sets)
                    {
                        // The total is listed once, without a grouping.
                        if (groupBy is not null && group is null) continue;
                        var listed = await generated.Database.CasesBehindAsync(measure, from, to, seenOn, groupBy, group);
                        var figure = Figure(set, measure);
                        var found = measure.StartsWith("median", StringComparison.Ordinal) ? Median(listed.Select(c => c.Days!.Value)) : listed.Count;
                        if (found != figure)
                            mismatches.Add($"{measure} {from}–{to} as of {asOf} {groupBy?.ToString() ?? "total"} {group}: report {figure}, list {found}");
                    }
            }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(40)) + $"\n({mismatches.Count} in all)");
    }

    [Fact]
    public async Task The_lists_reach_every_kind_of_unit_the_comparison_relies_on()
    {
        var (from, to, asOf) = (new DateOnly(2021, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2025, 3, 31));
        var jobs = await generated.Database.CasesBehindAsync("workingOrStudying3MonthsAfterMunicipalJob.denominator", from, to, asOf);
        Assert.True(jobs.Count > 20, $"municipal jobs followed up: {jobs.Count}");
        Assert.All(jobs, j => Assert.NotNull(j.Observed));
        Assert.True((await generated.Database.CasesBehindAsync("stillSelfSupporting6Months.unknown", from, to, asOf)).Count > 5);
        var missed = await generated.Database.CasesBehindAsync("jobGuarantee.missed", from, to, asOf);
        Assert.True(missed.Count > 20, $"missed: {missed.Count}");
        // Missed: no plan by the deadline, so either none yet or one agreed after it.
        Assert.All(missed, c => Assert.True(c.FirstPlan is null || c.FirstPlan > c.Deadline, $"{c.CaseRef}: P1 {c.FirstPlan}, D {c.Deadline}"));
    }

    [Fact]
    public async Task A_case_with_two_municipal_jobs_followed_up_in_the_period_is_listed_once_per_job()
    {
        var person = Http.TestPeople.Adult(new DateOnly(2023, 1, 1));
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(CaseEvents.Stream(
            CaseEvents.Referral("K-1", person, "2023-01-02", "enskede-arsta-vantor"),
            CaseEvents.Enrolment("K-1", "2023-01-09", "farsta", "coach-1"),
            CaseEvents.Placement("K-1", "MunicipalJob", "2023-02-01", "2023-05-31"),
            CaseEvents.Placement("K-1", "MunicipalJob", "2023-06-01", "2023-06-30"),
            CaseEvents.OccupationStatus(person, "2023-09-01", "Working")));

        var jobs = await scenario.CasesBehindAsync("workingOrStudying3MonthsAfterMunicipalJob.denominator", new(2023, 8, 1), new(2023, 10, 31), new(2024, 1, 1));

        Assert.Equal(["K-1", "K-1"], jobs.Select(j => j.CaseRef));
        Assert.Equal([new DateOnly(2023, 5, 31), new DateOnly(2023, 6, 30)], jobs.Select(j => j.MunicipalJobEnd!.Value));
        Assert.All(jobs, j => Assert.Equal(new DateOnly(2023, 9, 1), j.ObservedOn));
    }

    private static double? Figure(IndicatorSet set, string measure)
    {
        var element = JsonSerializer.SerializeToElement(set, Json);
        foreach (var part in measure.Split('.')) element = element.GetProperty(part);
        return element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    }

    private static IEnumerable<string> Leaves(JsonElement element, string path) => element.ValueKind == JsonValueKind.Object
        ? element.EnumerateObject().SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}"))
        : [path];

    private static double? Median(IEnumerable<int> days)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count == 0) return null;
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
