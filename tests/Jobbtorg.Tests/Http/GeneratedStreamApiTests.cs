using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Http;

/// <summary>A generated stream imported through the API into the suite's database (SQLite or PostgreSQL).</summary>
public sealed class GeneratedStreamApp : IAsyncLifetime
{
    public GeneratedStream Stream { get; } = new CaseEventGenerator(seed: 1517).Generate(people: 700);

    // The generated histories reach into 2028; the import refuses events after its own day.
    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>(),
        clock: new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero)));

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var response = await App.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events",
            new StringContent(Stream.ToNdjson(), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// The indicator API counts what domain.md defines, on the production database as on SQLite: every indicator of a
/// generated stream, for periods of each kind, past and present as-of dates and every grouping, equals a
/// straightforward computation from the generated events themselves.
/// </summary>
[Trait("Category", "Http")]
public sealed class GeneratedStreamApiTests(GeneratedStreamApp generated) : IClassFixture<GeneratedStreamApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new(2023, 5, 1), new(2023, 8, 31)),
        (new(2024, 2, 1), new(2024, 2, 29)),
        (new(2023, 3, 15), new(2024, 3, 14)),
        (new(2021, 1, 1), new(2026, 12, 31)),
    ];

    public static TheoryData<string> AsOfDates => ["2023-06-30", "2025-03-31", "2027-01-01"];

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public async Task Every_indicator_of_the_api_matches_a_straightforward_computation_from_the_events(string asOf)
    {
        var seenOn = ScenarioDatabase.Date(asOf);
        var expected = new StraightforwardIndicators(generated.Stream);
        var client = generated.App.ApiClient(JobbtorgAppFactory.RobotKey);

        foreach (var (from, to) in Periods)
            foreach (var groupBy in new GroupBy?[] { null, GroupBy.ReportingGroup, GroupBy.JobCentre, GroupBy.District, GroupBy.Gender })
            {
                var query = $"/api/reports/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&asOf={asOf}" +
                            (groupBy is null ? "" : $"&groupBy={groupBy}");
                var actual = (await client.GetFromJsonAsync<IndicatorReport>(query, Json))!;
                ReportAssert.Same(expected.Report(from, to, seenOn, groupBy), actual, query);
            }
    }

    [Fact]
    public void The_stream_reaches_the_outcomes_the_comparison_relies_on()
    {
        var all = new StraightforwardIndicators(generated.Stream).Report(new(2021, 1, 1), new(2026, 12, 31), new(2025, 3, 31), null).Total;
        Assert.True(all.JobGuarantee is { Met: > 20, Missed: > 20 }, all.JobGuarantee.ToString());
        Assert.True(all.StillSelfSupporting6Months is { Denominator: > 10, Unknown: > 5 }, all.StillSelfSupporting6Months.ToString());
        Assert.True(all.WorkingOrStudying3MonthsAfterMunicipalJob is { Denominator: > 10, Unknown: > 5 },
            all.WorkingOrStudying3MonthsAfterMunicipalJob.ToString());
        Assert.NotNull(all.MedianDaysReferralToInfoMeeting);
    }
}
