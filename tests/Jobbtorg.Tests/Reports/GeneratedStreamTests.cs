using System.IO.Pipelines;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Reports;

/// <summary>A generated stream of a few thousand cases, imported once for all the tests of a class.</summary>
public sealed class GeneratedStreamFixture : IAsyncLifetime
{
    public const int People = 2500;

    public GeneratedStream Stream { get; } = new CaseEventGenerator(seed: 2008).Generate(People);
    public ScenarioDatabase Database { get; private set; } = null!;
    public ImportResult Imported { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await ScenarioDatabase.CreateAsync();
        Imported = await Database.ImportAsync(Stream.ToNdjson());
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// Every indicator of a generated stream, for several periods, as-of dates and every grouping, against a
/// straightforward computation from the generated events themselves; and the export of the imported stream,
/// imported into an empty database, gives every indicator again.
/// </summary>
public sealed class GeneratedStreamTests(GeneratedStreamFixture generated) : IClassFixture<GeneratedStreamFixture>
{
    /// <summary>A year, a tertial, a leap-year February, a year across two calendar years, a single day, everything.</summary>
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new(2022, 1, 1), new(2022, 12, 31)),
        (new(2023, 5, 1), new(2023, 8, 31)),
        (new(2024, 2, 1), new(2024, 2, 29)),
        (new(2023, 3, 15), new(2024, 3, 14)),
        (new(2024, 10, 31), new(2024, 10, 31)),
        (new(2021, 1, 1), new(2026, 12, 31)),
    ];

    private static readonly GroupBy?[] Groupings =
        [null, GroupBy.ReportingGroup, GroupBy.JobCentre, GroupBy.District, GroupBy.Gender, GroupBy.TargetGroup, GroupBy.Benefit];

    public static TheoryData<string> AsOfDates => ["2022-09-30", "2024-06-30", "2025-03-31", "2027-01-01"];

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public async Task Every_indicator_matches_a_straightforward_computation_from_the_events(string asOf)
    {
        var seenOn = ScenarioDatabase.Date(asOf);
        var expected = new StraightforwardIndicators(generated.Stream);

        foreach (var (from, to) in Periods)
            foreach (var groupBy in Groupings)
                ReportAssert.Same(expected.Report(from, to, seenOn, groupBy), await generated.Database.ReportAsync(from, to, seenOn, groupBy),
                    $"{from}–{to} as of {asOf} by {groupBy?.ToString() ?? "total"}");
    }

    [Fact]
    public async Task A_districts_report_counts_exactly_the_cases_that_district_referred()
    {
        var expected = new StraightforwardIndicators(generated.Stream);
        var districts = generated.Stream.Cases.GroupBy(c => c.District).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2).ToList();

        foreach (var district in districts)
            foreach (var asOf in new DateOnly[] { new(2024, 6, 30), new(2027, 1, 1) })
                foreach (var (from, to) in Periods)
                    foreach (var groupBy in Groupings)
                        ReportAssert.Same(expected.Report(from, to, asOf, groupBy, district),
                            await generated.Database.DistrictReportAsync(district, from, to, asOf, groupBy),
                            $"{district}, {from}–{to} as of {asOf} by {groupBy?.ToString() ?? "total"}");
    }

    /// <summary>Each month of the 24-month series, for any breakdown and for one district's cases, is that month's report.</summary>
    [Fact]
    public async Task The_monthly_series_of_any_breakdown_is_each_months_report()
    {
        var expected = new StraightforwardIndicators(generated.Stream);
        var district = generated.Stream.Cases.GroupBy(c => c.District).MaxBy(g => g.Count())!.Key;
        var districtId = await generated.Database.Db.Districts.Where(d => d.Code == district).Select(d => d.Id).SingleAsync();
        var series = new (GroupBy GroupBy, string? District)[]
        {
            (GroupBy.ReportingGroup, null), (GroupBy.Benefit, null), (GroupBy.District, null), (GroupBy.JobCentre, null),
            (GroupBy.TargetGroup, district), (GroupBy.Gender, district),
        };

        foreach (var asOf in new DateOnly[] { new(2024, 6, 30), new(2027, 1, 1) })
            foreach (var (groupBy, only) in series)
            {
                var scope = only is null ? ReportScope.City : ReportScope.OfDistrict(districtId);
                var points = await generated.Database.MonthlyAsync(new DateOnly(2024, 12, 1), 24, asOf, groupBy, scope);
                Assert.Equal(new DateOnly(2023, 1, 1), points[0].Month);
                Assert.Equal(24, points.Count);
                foreach (var point in points)
                {
                    var what = $"{point.Month:yyyy-MM} as of {asOf} by {groupBy} in {only ?? "the city"}";
                    var month = expected.Report(point.Month, point.Month.AddMonths(1).AddDays(-1), asOf, groupBy, only);
                    Assert.True(MonthFigures.Of(month.Total) == point.Total, $"{what}, total: expected {MonthFigures.Of(month.Total)}, got {point.Total}");
                    foreach (var (key, set) in month.Groups!)
                        Assert.True(MonthFigures.Of(set) == point[key], $"{what}, {key}: expected {MonthFigures.Of(set)}, got {point[key]}");
                    Assert.Empty(point.Groups.Keys.Except(month.Groups.Keys));
                }
                Assert.True(points.Sum(p => p.Total.Closed) > 10, $"closures by {groupBy} as of {asOf}: {points.Sum(p => p.Total.Closed)}");
            }
    }

    [Fact]
    public async Task The_districts_caseloads_add_up_to_the_citys()
    {
        var asOf = new DateOnly(2027, 1, 1);
        var districts = await generated.Database.Db.Districts.Select(d => d.Id).ToListAsync();
        foreach (var on in new DateOnly[] { new(2023, 6, 30), new(2024, 10, 31) })
        {
            var city = await generated.Database.CaseloadAsync(on, asOf);
            var byDistrict = new Dictionary<string, int>();
            foreach (var district in districts)
                foreach (var load in await generated.Database.CaseloadAsync(on, asOf, ReportScope.OfDistrict(district)))
                    byDistrict[load.Coach] = byDistrict.GetValueOrDefault(load.Coach) + load.OpenCases;
            Assert.True(city.Sum(l => l.OpenCases) > 100, $"open cases on {on}: {city.Sum(l => l.OpenCases)}");
            Assert.Equal(city.ToDictionary(l => l.Coach, l => l.OpenCases).OrderBy(x => x.Key), byDistrict.OrderBy(x => x.Key));
        }
    }

    [Fact]
    public void The_stream_is_stored_whole_and_reaches_every_outcome_of_every_indicator()
    {
        Assert.Equal(generated.Stream.EventCount, generated.Imported.Imported);
        Assert.Equal(0, generated.Imported.Skipped);

        // So that the comparison above means something: each outcome occurs in the generated data.
        var all = new StraightforwardIndicators(generated.Stream).Report(new(2021, 1, 1), new(2026, 12, 31), new(2025, 3, 31), null).Total;
        Assert.True(all.Enrolled > 2000, $"enrolled {all.Enrolled}");
        Assert.True(all.ClosedBeforeEnrolment > 50, $"closed before enrolment {all.ClosedBeforeEnrolment}");
        Assert.All(all.ClosureReasons, r => Assert.True(r.Value > 50, $"{r.Key}: {r.Value}"));
        Assert.True(all.JobGuarantee is { Met: > 100, Missed: > 100, Excluded: > 0, Pending: > 0 }, all.JobGuarantee.ToString());
        Assert.True(all.InitialAssessment is { Met: > 100, Missed: > 100, Excluded: > 0, Pending: > 0 }, all.InitialAssessment.ToString());
        Assert.True(all.SelfSufficientWithin12Months is { Numerator: > 50, Denominator: > 500 }, all.SelfSufficientWithin12Months.ToString());
        Assert.True(all.StillSelfSupporting6Months is { Numerator: > 50, Denominator: > 100, Unknown: > 50 }, all.StillSelfSupporting6Months.ToString());
        Assert.True(all.WorkingOrStudying3MonthsAfterMunicipalJob is { Numerator: > 50, Denominator: > 100, Unknown: > 50 },
            all.WorkingOrStudying3MonthsAfterMunicipalJob.ToString());
        Assert.NotNull(all.MedianDaysReferralToInfoMeeting);
        // People referred again with another gender, whom the grouping by gender counts under each case's own.
        Assert.True(generated.Stream.Cases.GroupBy(c => c.PersonalNumber).Count(p => p.Select(c => c.Gender).Distinct().Count() > 1) > 20);
    }

    [Fact]
    public async Task The_export_imported_into_an_empty_database_gives_every_indicator_again()
    {
        using var exported = new MemoryStream();
        await new CaseEventExport(new StoredEvents(generated.Database.Db)).WriteAsync(PipeWriter.Create(exported), CancellationToken.None);
        exported.Position = 0;
        await using var copy = await ScenarioDatabase.CreateAsync();
        var first = await new StreamReader(exported).ReadToEndAsync();
        await copy.ImportAsync(first);
        // The copy's export is the same stream, assessment events included.
        using var again = new MemoryStream();
        await new CaseEventExport(new StoredEvents(copy.Db)).WriteAsync(PipeWriter.Create(again), CancellationToken.None);
        Assert.Equal(first, System.Text.Encoding.UTF8.GetString(again.ToArray()));
        Assert.Equal(generated.Stream.Cases.Sum(c => c.Assessments.Count), first.Split('\n').Count(l => l.StartsWith("{\"type\":\"assessment\"")));

        foreach (var asOf in new DateOnly[] { new(2023, 6, 30), new(2025, 3, 31), new(2027, 1, 1) })
        {
            foreach (var (from, to) in Periods)
                foreach (var groupBy in Groupings)
                    ReportAssert.Same(await generated.Database.ReportAsync(from, to, asOf, groupBy), await copy.ReportAsync(from, to, asOf, groupBy),
                        $"{from}–{to} as of {asOf} by {groupBy?.ToString() ?? "total"}");
        }
    }
}
