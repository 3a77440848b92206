using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Http;

/// <summary>A small generated stream imported through the API into the suite's database (SQLite or PostgreSQL).</summary>
public sealed class DrillDownApp : IAsyncLifetime
{
    public GeneratedStream Stream { get; } = new CaseEventGenerator(seed: 2718).Generate(people: 250);

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
/// Through the API, on the production database as on SQLite: every number of the report opens as exactly as many units
/// as the report counts, for the total and every group; and a bad query is refused naming the field.
/// </summary>
[Trait("Category", "Http")]
public sealed class IndicatorCasesApiTests(DrillDownApp generated) : IClassFixture<DrillDownApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> AsOfDates => ["2024-06-30", "2027-01-01"];

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public async Task Every_number_of_the_report_opens_as_as_many_units_as_it_counts(string asOf)
    {
        var client = generated.App.ApiClient(JobbtorgAppFactory.RobotKey);
        var mismatches = new List<string>();
        foreach (var (from, to, groupings) in new[]
                 {
                     ("2023-05-01", "2023-12-31", Enum.GetValues<GroupBy>().Select(g => (GroupBy?)g).Prepend(null).ToArray()),
                     ("2021-01-01", "2026-12-31", [null]),
                 })
            foreach (var groupBy in groupings)
            {
                var period = $"from={from}&to={to}&asOf={asOf}" + (groupBy is { } g ? $"&groupBy={ReportPageModel.Camel(g.ToString())}" : "");
                var report = (await client.GetFromJsonAsync<IndicatorReport>($"/api/reports/indicators?{period}", Json))!;
                var sets = groupBy is null ? [(null, report.Total)] : report.Groups!.Select(s => ((string?)s.Key, s.Value)).ToList();
                foreach (var measure in IndicatorCases.Measures)
                    foreach (var (group, set) in sets)
                    {
                        var url = $"/api/reports/indicators/cases?{period}&measure={measure}" + (group is null ? "" : $"&group={Uri.EscapeDataString(group)}");
                        var answer = (await client.GetFromJsonAsync<IndicatorCasesAnswer>(url, Json))!;
                        var figure = Figure(set, measure);
                        double? counted = measure.StartsWith("median", StringComparison.Ordinal) ? Median(answer.Cases.Select(c => c.Days!.Value)) : answer.Count;
                        if (counted != figure || answer.Cases.Count + answer.NotShown != answer.Count || answer.Measure != measure)
                            mismatches.Add($"{url}: report {figure}, count {answer.Count}, listed {answer.Cases.Count}, not shown {answer.NotShown}");
                    }
            }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(30)) + $"\n({mismatches.Count} in all)");
    }

    [Theory]
    [InlineData("from=2024-01-01&to=2024-04-30&measure=jobGuarantee.late", "measure", "jobGuarantee.missed")]
    [InlineData("from=2024-01-01&to=2024-04-30", "measure", "closureReasons.Work")]
    [InlineData("from=2024-01-01&to=2024-04-30&measure=jobGuarantee.rate", "measure", "jobGuarantee.met")]
    [InlineData("from=2024-01-01&to=2024-04-30&measure=enrolled&group=Youth", "group", "groupBy")]
    [InlineData("from=2024-01-01&to=2024-04-30&measure=enrolled&groupBy=reportingGroup&group=Elderly", "group", "Youth")]
    [InlineData("from=2024-01-01&to=2024-04-30&measure=enrolled&groupBy=age", "groupBy", "reportingGroup")]
    [InlineData("from=2024-04-30&to=2024-01-01&measure=enrolled", "to", "before it starts")]
    [InlineData("from=1899-12-31&to=2024-01-01&measure=enrolled", "from", "1900")]
    [InlineData("to=2024-01-01&measure=enrolled", "from", "yyyy-MM-dd")]
    public async Task A_bad_query_is_refused_naming_the_field_and_what_it_may_be(string query, string field, string hint)
    {
        using var response = await generated.App.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync($"/api/reports/indicators/cases?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(hint, messages);
    }

    [Fact]
    public async Task A_manager_follows_a_number_of_the_report_page_to_its_cases_and_on_to_a_case()
    {
        var manager = await generated.App.SignInAsNewAsync(Features.Access.Roles.Manager);
        var report = await manager.GetStringAsync("/Reports?from=2023-01-01&to=2023-12-31&asOf=2025-01-01&groupBy=reportingGroup");
        var link = Regex.Match(report, "<tr data-measure=\"count\">(?:(?!</tr>).)*?<td class=\"num\" data-group=\"Youth\"><a ([^>]*)>([^<]+)</a>",
            RegexOptions.Singleline);
        Assert.True(link.Success, "no linked number in the report");
        var number = link.Groups[2].Value;
        // The number is the link's text, and its label says what opens.
        Assert.StartsWith(number + ":", WebUtility.HtmlDecode(Regex.Match(link.Groups[1].Value, "aria-label=\"([^\"]+)\"").Groups[1].Value));
        var href = WebUtility.HtmlDecode(Regex.Match(link.Groups[1].Value, "href=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains("group=Youth", href);

        var list = await manager.GetStringAsync(href);
        Assert.Contains("Ärenden bakom siffran", list);
        var shown = Regex.Matches(list, "<tr data-case=\"(\\d+)\">").Count;
        Assert.Equal(int.Parse(number.Replace("\u00a0", "").Replace(" ", ""), System.Globalization.CultureInfo.InvariantCulture), shown);
        var caseLink = Regex.Match(list, "<a href=\"(/Cases/Details/\\d+)\">");
        Assert.True(caseLink.Success);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(caseLink.Groups[1].Value)).StatusCode);
    }

    private static double? Figure(IndicatorSet set, string measure)
    {
        var element = JsonSerializer.SerializeToElement(set, Json);
        foreach (var part in measure.Split('.')) element = element.GetProperty(part);
        return element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    }

    private static double? Median(IEnumerable<int> days)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count == 0) return null;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
