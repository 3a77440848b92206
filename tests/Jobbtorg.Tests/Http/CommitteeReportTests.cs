using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Reports;

namespace Jobbtorg.Tests.Http;

/// <summary>The committee's report, on the page and in its workbook, holds the indicator API's numbers for the period and
/// for the same period a year earlier, the city's or one district's; whoever reads the indicator report may open it.</summary>
[Trait("Category", "Http")]
public sealed partial class CommitteeReportTests(ImportedReportScenario scenario) : IClassFixture<ImportedReportScenario>
{
    private const string AsOf = "2025-12-31";
    private static readonly CultureInfo Swedish = new("sv-SE");

    [GeneratedRegex("<tr data-group=\"(?<place>[\\w.-]+)\"[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex GroupRow();

    [GeneratedRegex("<td class=\"num[^\"]*\" data-period=\"(?<period>\\w+)\" data-field=\"(?<field>[\\w.]+)\">(?<value>[^<]*)</td>")]
    private static partial Regex FigureCell();

    [GeneratedRegex("<section class=\"committee-indicator\" data-indicator=\"(?<indicator>\\w+)\"(?<body>.*?)</section>", RegexOptions.Singleline)]
    private static partial Regex Section();

    private static IEnumerable<(string Place, string Period, string Field, string Text)> Figures(string html) =>
        from section in Section().Matches(html)
        from row in GroupRow().Matches(section.Groups["body"].Value)
        from cell in FigureCell().Matches(row.Groups["row"].Value)
        select (row.Groups["place"].Value, cell.Groups["period"].Value, cell.Groups["field"].Value,
            WebUtility.HtmlDecode(cell.Groups["value"].Value).Trim());

    /// <summary>The API's answers for a period, by reporting group and by gender, for the city or one district.</summary>
    private async Task<(JsonElement ByGroup, JsonElement ByGender)> ApiAsync(string from, string to, string? district)
    {
        var robot = scenario.App.ApiClient(JobbtorgAppFactory.RobotKey);
        var scope = district is null ? "" : "&district=" + district;
        return (await robot.GetFromJsonAsync<JsonElement>($"/api/reports/indicators?from={from}&to={to}&asOf={AsOf}&groupBy=reportingGroup{scope}"),
            await robot.GetFromJsonAsync<JsonElement>($"/api/reports/indicators?from={from}&to={to}&asOf={AsOf}&groupBy=gender{scope}"));
    }

    /// <summary>The number at "groups.F" then "jobGuarantee.rate": gender groups from the answer by gender.</summary>
    private static JsonElement At(JsonElement byGroup, JsonElement byGender, string place, string field)
    {
        var parts = place.Split('.');
        var set = parts[0] == "total" ? byGroup.GetProperty("total")
            : (parts[1] is "F" or "M" or "X" ? byGender : byGroup).GetProperty("groups").GetProperty(parts[1]);
        return field.Split('.').Aggregate(set, (e, name) => e.GetProperty(name));
    }

    private static string Shown(JsonElement value, string field) => value.ValueKind == JsonValueKind.Null ? "–"
        : field.EndsWith(".rate", StringComparison.Ordinal) ? Math.Round(value.GetDouble() * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", Swedish) + " %"
        : field.StartsWith("medianDays", StringComparison.Ordinal) ? Math.Round(value.GetDouble(), 1, MidpointRounding.AwayFromZero).ToString("0.#", Swedish)
        : value.GetInt32().ToString("N0", Swedish);

    [Theory]
    [InlineData("2025T1", "2025-01-01", "2025-04-30", "2024-01-01", "2024-04-30", null)]
    [InlineData("2025", "2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31", null)]
    [InlineData("2025", "2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31", "enskede-arsta-vantor")]
    public async Task Every_figure_of_the_page_is_the_apis_for_the_period_and_the_year_before(string period, string from, string to,
        string earlierFrom, string earlierTo, string? district)
    {
        var analyst = await scenario.App.SignInAsNewAsync(Roles.Analyst);
        var html = await analyst.GetStringAsync($"/Reports/Committee?period={period}&asOf={AsOf}" + (district is null ? "" : "&district=" + district));
        var (now, nowByGender) = await ApiAsync(from, to, district);
        var (then, thenByGender) = await ApiAsync(earlierFrom, earlierTo, district);

        var figures = Figures(html).ToList();
        // 7 indicators with 3, 3, 3, 4, 4, 5 and 2 numbers, in each period, for the total, the reporting groups and the genders.
        var places = figures.Select(f => f.Place).Distinct().ToList();
        Assert.Equal(["total", .. now.GetProperty("groups").EnumerateObject().Select(g => "groups." + g.Name),
            .. nowByGender.GetProperty("groups").EnumerateObject().Select(g => "groups." + g.Name)], places);
        Assert.Equal(24 * 2 * places.Count, figures.Count);
        foreach (var (place, when, field, text) in figures)
        {
            var expected = when == "current" ? At(now, nowByGender, place, field) : At(then, thenByGender, place, field);
            Assert.True(Shown(expected, field) == text, $"{place} {field} ({when}): the page shows {text}, the API has {expected}");
        }
        if (period == "2025") Assert.Contains(figures, f => f.Period == "earlier" && f.Text != "0" && f.Text != "–"); // 2024 has something to count
        if (district is not null)
        {
            Assert.Contains("Till Enskede-Årsta-Vantör stadsdelsnämnd.", html);
            Assert.Contains(figures, f => f is { Place: "total", Period: "earlier", Field: "jobGuarantee.met", Text: "1" }); // K1 only
            return;
        }
        Assert.Contains("Till arbetsmarknadsnämnden.", html);
        // 2025: K1, K2 of K1, K2 and K6 self-supporting within 12 months.
        if (period == "2025") Assert.Contains(figures, f => f is { Place: "total", Period: "current", Field: "selfSufficientWithin12Months.rate", Text: "66,7 %" });
    }

    [Fact]
    public async Task The_workbook_holds_the_pages_figures_as_the_apis_numbers_with_rates_as_percentages()
    {
        var manager = await scenario.App.SignInAsNewAsync(Roles.Manager);
        var response = await manager.GetAsync($"/Reports/Committee?handler=Excel&period=2025&asOf={AsOf}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("namndrapport-2025.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var workbook = new WorkbookReader(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Indikatorer", "Jobbcoacher", "Avslutade av annan orsak", "Ärenden per jobbcoach", "Om rapporten"], workbook.SheetNames);

        var (now, nowByGender) = await ApiAsync("2025-01-01", "2025-12-31", null);
        var (then, thenByGender) = await ApiAsync("2024-01-01", "2024-12-31", null);
        var sheet = workbook.Sheet("Indikatorer");
        Assert.Equal(["Indikator", "Mått", "Grupp", "2025", "2024", "I API:t"], sheet[0].Select(c => c.Text));
        foreach (var row in sheet.Skip(1))
        {
            var path = row[5].Text!;
            var at = path.IndexOf('.', path.StartsWith("groups.", StringComparison.Ordinal) ? "groups.".Length : 0);
            var (place, field) = (path[..at], path[(at + 1)..]);
            foreach (var (cell, expected) in new[] { (row[3], At(now, nowByGender, place, field)), (row[4], At(then, thenByGender, place, field)) })
            {
                if (expected.ValueKind == JsonValueKind.Null) Assert.True(cell.IsEmpty, $"{path}: {cell}");
                else Assert.True(expected.GetDouble() == cell.Number, $"{path}: {cell.Number} in the workbook, {expected} in the API");
                Assert.Equal(field.EndsWith(".rate", StringComparison.Ordinal), cell.IsPercent);
            }
        }
        Assert.Equal(24 * 6 + 1, sheet.Count); // 24 numbers for the total, three reporting groups and two genders

        // K3 moved (closed Other in March 2025); K5's withdrawal before enrolment is not a closure the report counts.
        var other = workbook.Table("Avslutade av annan orsak");
        Assert.Equal(1, other.Single(r => r["Underorsak"].Text == "Flyttat")["2025"].Number);
        Assert.Equal(now.GetProperty("total").GetProperty("closureReasons").GetProperty("Other").GetInt32(),
            other.Single(r => r["Underorsak"].Text == "Totalt")["2025"].Number);
        Assert.Equal(other.Where(r => r["Underorsak"].Text != "Totalt").Sum(r => r["2025"].Number),
            other.Single(r => r["Underorsak"].Text == "Totalt")["2025"].Number);

        // On 31 December 2024 three coaches had one open case each: K1, K2 and K6.
        var coaches = workbook.Table("Jobbcoacher");
        Assert.Equal(3, coaches.Single(r => r["Vad"].Text == "Jobbcoacher")["2024"].Number);
        Assert.Equal(1.0, coaches.Single(r => r["Vad"].Text == "Ärenden per jobbcoach, medel")["2024"].Number);
    }

    [Fact]
    public async Task Who_may_read_the_indicator_report_may_open_it_with_the_same_district_scope()
    {
        foreach (var reader in new[] { Roles.Analyst, Roles.Administrator, Roles.Manager })
        {
            var client = await scenario.App.SignInAsNewAsync(reader, centre: reader == Roles.Manager ? "farsta" : null);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports/Committee?period=2025T1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports/Committee?handler=Excel&period=2025T1")).StatusCode);
        }
        foreach (var other in new[] { Roles.Coach, Roles.Matcher })
        {
            var client = await scenario.App.SignInAsNewAsync(other, centre: "farsta");
            await AssertRefusedAsync(client.GetAsync("/Reports/Committee?period=2025T1"));
            await AssertRefusedAsync(client.GetAsync("/Reports/Committee?handler=Excel&period=2025T1"));
        }

        // A district's case worker gets the district's report, and not another district's.
        var caseWorker = await scenario.App.SignInAsNewAsync(Roles.CaseWorker, district: "rinkeby-kista");
        var own = await caseWorker.GetStringAsync("/Reports/Committee?period=2025");
        Assert.Contains("Till Rinkeby-Kista stadsdelsnämnd.", own);
        Assert.DoesNotContain("name=\"district\"", own);
        await AssertRefusedAsync(caseWorker.GetAsync("/Reports/Committee?period=2025&district=farsta"));
        var excel = await caseWorker.GetAsync("/Reports/Committee?handler=Excel&period=2025");
        Assert.Equal("namndrapport-2025-rinkeby-kista.xlsx", excel.Content.Headers.ContentDisposition!.FileNameStar ?? excel.Content.Headers.ContentDisposition.FileName);
    }

    /// <summary>A signed-in user is sent to the page that says access is denied.</summary>
    private static async Task AssertRefusedAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task A_period_or_district_that_cannot_be_read_is_named_and_nothing_is_computed()
    {
        var analyst = await scenario.App.SignInAsNewAsync(Roles.Analyst);
        foreach (var (query, message) in new[]
                 {
                     ("period=2025T4", "Det finns inget tertial 4: ett år har T1 (januari–april), T2 (maj–augusti) och T3 (september–december)."),
                     ("period=tertial", "”tertial” är ingen period: skriv ett tertial som 2026T2 eller ett år som 2026."),
                     ("period=1899", "Ange ett år från 2000 till 2027."),
                     ("period=2025T1&district=atlantis", "”atlantis” är ingen stadsdelskod."),
                 })
        {
            var html = await analyst.GetStringAsync("/Reports/Committee?" + query);
            Assert.Contains(message, WebUtility.HtmlDecode(html));
            Assert.DoesNotContain("data-testid=\"committee-report\"", html);
        }
        var english = await scenario.App.SignInAsNewAsync(Roles.Analyst);
        await english.SubmitFormAsync("/", new() { ["culture"] = "en-GB", ["returnUrl"] = "/" }, "/Account/Language");
        Assert.Contains("There is no tertial 4", await english.GetStringAsync("/Reports/Committee?period=2025T4"));
    }

    [Fact]
    public async Task The_report_navigation_leads_to_the_committee_report_for_the_chosen_tertial()
    {
        var manager = await scenario.App.SignInAsNewAsync(Roles.Manager);
        var html = await manager.GetStringAsync("/Reports?period=tertial&year=2025&tertial=2&groupBy=gender");
        Assert.Contains("href=\"/Reports/Committee?period=2025T2\" data-testid=\"committee-link\"", html);
        var committee = await manager.GetStringAsync("/Reports/Committee?period=2025T2");
        Assert.Contains("href=\"/Reports?period=tertial&amp;year=2025&amp;tertial=2\"", committee);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/report-print.css", committee);
    }
}
