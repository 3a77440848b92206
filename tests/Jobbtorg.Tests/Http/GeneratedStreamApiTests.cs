using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Http;

/// <summary>A generated stream imported through the API into the suite's database (SQLite or PostgreSQL).</summary>
public sealed class GeneratedStreamApp : IAsyncLifetime
{
    public const string DistrictReportsKey = "district-reports-key";
    public const string ReportsKey = "unbound-reports-key";

    public GeneratedStreamApp()
    {
        Stream = new CaseEventGenerator(seed: 1517).Generate(people: 700);
        var byCases = Stream.Cases.GroupBy(c => c.District).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        District = byCases[0].Key;
        OtherDistrict = byCases[1].Key;
        // The generated histories reach into 2028; the import refuses events after its own day.
        App = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
        {
            ["Jobbtorg:ApiKeys:3:Name"] = "district-reports", ["Jobbtorg:ApiKeys:3:Key"] = DistrictReportsKey,
            ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.ReportsRead, ["Jobbtorg:ApiKeys:3:District"] = District,
            ["Jobbtorg:ApiKeys:4:Name"] = "city-reports", ["Jobbtorg:ApiKeys:4:Key"] = ReportsKey, ["Jobbtorg:ApiKeys:4:Scopes:0"] = Scopes.ReportsRead,
        }, clock: new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    public GeneratedStream Stream { get; }
    /// <summary>The district that referred the most cases, and the next one.</summary>
    public string District { get; }
    public string OtherDistrict { get; }
    public JobbtorgAppFactory App { get; }

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
            foreach (var groupBy in new GroupBy?[] { null, GroupBy.ReportingGroup, GroupBy.JobCentre, GroupBy.District, GroupBy.Gender, GroupBy.TargetGroup, GroupBy.Benefit })
            {
                var query = $"/api/reports/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&asOf={asOf}" +
                            (groupBy is null ? "" : $"&groupBy={ReportPageModel.Camel(groupBy.Value.ToString())}");
                var actual = (await client.GetFromJsonAsync<IndicatorReport>(query, Json))!;
                ReportAssert.Same(expected.Report(from, to, seenOn, groupBy), actual, query);
            }
    }

    [Fact]
    public async Task A_key_bound_to_a_district_gets_the_report_of_the_cases_that_district_referred()
    {
        var expected = new StraightforwardIndicators(generated.Stream);
        var client = generated.App.ApiClient(GeneratedStreamApp.DistrictReportsKey);
        foreach (var asOf in new[] { "2025-03-31", "2027-01-01" })
            foreach (var (from, to) in Periods)
                foreach (var groupBy in new GroupBy?[] { null, GroupBy.ReportingGroup, GroupBy.District, GroupBy.Benefit })
                {
                    var query = $"/api/reports/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&asOf={asOf}" +
                                (groupBy is null ? "" : $"&groupBy={groupBy}");
                    ReportAssert.Same(expected.Report(from, to, ScenarioDatabase.Date(asOf), groupBy, generated.District),
                        (await client.GetFromJsonAsync<IndicatorReport>(query, Json))!, query);
                }
    }

    /// <summary>Who reads which figures: the city's for those who see the whole city (and any one district they name),
    /// only their own district's for a district's case worker and a key bound to the district, on the page as in the API.</summary>
    [Fact]
    public async Task Each_reader_gets_the_figures_of_the_cases_within_their_reach_and_no_others()
    {
        var app = generated.App;
        var (here, elsewhere) = (generated.District, generated.OtherDistrict);
        var readers = new List<(string Who, HttpClient Client, bool IsKey, string? BoundTo)>
        {
            ("administrator", await app.SignInAsNewAsync(Roles.Administrator), false, null),
            ("manager", await app.SignInAsNewAsync(Roles.Manager, centre: "farsta"), false, null),
            ("analyst", await app.SignInAsNewAsync(Roles.Analyst), false, null),
            ("case worker of the district", await app.SignInAsNewAsync(Roles.CaseWorker, district: here), false, here),
            ("key bound to the district", app.ApiClient(GeneratedStreamApp.DistrictReportsKey), true, here),
            ("unbound key", app.ApiClient(GeneratedStreamApp.ReportsKey), true, null),
        };
        var expected = new StraightforwardIndicators(generated.Stream);
        var (from, to, asOf) = (new DateOnly(2023, 5, 1), new DateOnly(2023, 8, 31), new DateOnly(2025, 3, 31));
        const string period = "from=2023-05-01&to=2023-08-31&asOf=2025-03-31";
        IndicatorSet Expected(string? district) => expected.Report(from, to, asOf, null, district).Total;

        var mismatches = new List<string>();
        foreach (var (who, client, isKey, boundTo) in readers)
        {
            // Nothing named: the reader's whole reach. Their own district: that district. Another district: only for the city's readers.
            foreach (var (asked, answer) in new (string? Asked, string? Answer)[] { (null, boundTo), (here, here), (elsewhere, boundTo is null ? elsewhere : "refused") })
            {
                var district = asked is null ? "" : $"&district={asked}";
                var wanted = answer == "refused" ? null : Expected(answer);
                var api = await client.GetAsync($"/api/reports/indicators?{period}{district}");
                var got = api.IsSuccessStatusCode ? (await api.Content.ReadFromJsonAsync<IndicatorReport>(Json))!.Total : null;
                if (wanted is null ? api.StatusCode != HttpStatusCode.Forbidden : got is null || JsonSerializer.Serialize(got, Json) != JsonSerializer.Serialize(wanted, Json))
                    mismatches.Add($"{who}, API, district {asked ?? "none"}: {(int)api.StatusCode} {got?.Enrolled}, expected {answer ?? "the city"} {wanted?.Enrolled}");
                if (isKey) continue;

                var page = await client.GetAsync($"/Reports?period=custom&{period}{district}");
                if (wanted is null)
                {
                    if (page.StatusCode != HttpStatusCode.Redirect || !page.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"))
                        mismatches.Add($"{who}, page, district {asked}: {(int)page.StatusCode}, expected refusal");
                    continue;
                }
                var html = await page.Content.ReadAsStringAsync();
                var shown = (Enrolled: TotalCell(html, "enrolled", "count"), Closed: TotalCell(html, "closed", "count"),
                    Met: TotalCell(html, "jobGuarantee", "met"));
                if (shown != (wanted.Enrolled, wanted.Closed, wanted.JobGuarantee.Met))
                    mismatches.Add($"{who}, page, district {asked ?? "none"}: {shown}, expected {answer ?? "the city"} {(wanted.Enrolled, wanted.Closed, wanted.JobGuarantee.Met)}");
            }
        }
        Assert.True(Expected(here).Enrolled > 0 && Expected(elsewhere).Enrolled > 0 && Expected(null).Enrolled > Expected(here).Enrolled + Expected(elsewhere).Enrolled);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Each month of the series through the API is that month's report: for the city by a breakdown, and for
    /// a key bound to a district its own district's, whatever it asks.</summary>
    [Fact]
    public async Task The_monthly_series_of_the_api_is_each_months_report()
    {
        var expected = new StraightforwardIndicators(generated.Stream);
        var asOf = new DateOnly(2025, 3, 31);
        foreach (var (key, groupBy, district) in new (string, GroupBy?, string?)[]
                 {
                     (GeneratedStreamApp.ReportsKey, GroupBy.Benefit, null), (GeneratedStreamApp.ReportsKey, GroupBy.ReportingGroup, null),
                     (GeneratedStreamApp.DistrictReportsKey, GroupBy.TargetGroup, generated.District), (GeneratedStreamApp.DistrictReportsKey, null, generated.District),
                 })
        {
            var query = "/api/reports/indicators/monthly?month=2024-12&asOf=2025-03-31" + (groupBy is null ? "" : $"&groupBy={ReportPageModel.Camel(groupBy.Value.ToString())}");
            var series = (await generated.App.ApiClient(key).GetFromJsonAsync<MonthlySeries>(query, Json))!;
            Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 31), 24), (series.From, series.To, series.Months.Count));
            Assert.Equal(groupBy is null, series.Months.All(m => m.Groups is null));
            foreach (var row in series.Months)
            {
                var first = ScenarioDatabase.Date(row.Month + "-01");
                var month = expected.Report(first, first.AddMonths(1).AddDays(-1), asOf, groupBy, district);
                Assert.True(MonthFigures.Of(month.Total) == row.Total, $"{query} {district}, {row.Month}: expected {MonthFigures.Of(month.Total)}, got {row.Total}");
                foreach (var (group, figures) in row.Groups ?? new Dictionary<string, MonthFigures>())
                    Assert.True(MonthFigures.Of(month.Groups![group]) == figures, $"{query}, {row.Month}, {group}: expected {MonthFigures.Of(month.Groups[group])}, got {figures}");
            }
            Assert.True(series.Months.Sum(m => m.Total.ClosedToWork) > 0, query);
        }
        var refused = await generated.App.ApiClient(GeneratedStreamApp.DistrictReportsKey)
            .GetAsync($"/api/reports/indicators/monthly?month=2024-12&district={generated.OtherDistrict}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_district_that_does_not_exist_is_named()
    {
        var response = await generated.App.ApiClient(GeneratedStreamApp.ReportsKey).GetAsync("/api/reports/indicators?from=2024-01-01&to=2024-04-30&district=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Contains("atlantis", problem.GetProperty("errors").GetProperty("district")[0].GetString());
    }

    /// <summary>The number in one total cell of the report page's indicator table.</summary>
    private static int TotalCell(string html, string indicator, string measure)
    {
        var body = Regex.Match(html, $"<tbody data-indicator=\"{indicator}\">(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var row = Regex.Match(body, $"<tr data-measure=\"{measure}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cell = Regex.Match(row, "data-group=\"total\">([^<]*)</td>");
        Assert.True(cell.Success, $"No total for {indicator}/{measure}");
        return int.Parse(Regex.Replace(WebUtility.HtmlDecode(cell.Groups[1].Value), "\\s", ""), System.Globalization.CultureInfo.InvariantCulture);
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
