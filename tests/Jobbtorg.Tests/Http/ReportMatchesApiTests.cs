using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Reports;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// Case histories imported as case events, so that every indicator has something to count: self-sufficiency,
/// follow-up months with and without benefit status, municipal jobs with and without an observation, waiting times.
/// </summary>
public sealed class ImportedReportScenario : IAsyncLifetime
{
    public JobbtorgAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var on = new DateOnly(2024, 1, 1);
        string Person() => TestPeople.Adult(on);
        var (k1, k2, k3, k4, k5, k6) = (Person(), Person(), Person(), Person(), Person(), Person());
        string[] events =
        [
            // K1: on benefit, assessed the day after enrolment, municipal job Jul–Dec 2024, closed to work in January 2025; no benefit in July 2025; working in March.
            $$"""{"type":"referral","caseRef":"R-1","personalNumber":"{{k1}}","district":"enskede-arsta-vantor","targetGroup":"UnemployedOnBenefit","date":"2024-06-03","gender":"F","receivesBenefit":true,"hasChildren":true,"newlyUnemployed":false,"newlyArrived":false}""",
            """{"type":"infoMeeting","caseRef":"R-1","date":"2024-06-10","attended":true}""",
            """{"type":"enrolment","caseRef":"R-1","date":"2024-06-10","jobCentre":"farsta","coach":"coach-17"}""",
            """{"type":"planAgreed","caseRef":"R-1","date":"2024-06-12"}""",
            """{"type":"assessment","caseRef":"R-1","date":"2024-06-11","instrument":"Initial","availability":"Available","needCategory":"Standard"}""",
            """{"type":"placement","caseRef":"R-1","kind":"MunicipalJob","start":"2024-07-01","end":"2024-12-31","employer":"2120000142"}""",
            """{"type":"closure","caseRef":"R-1","date":"2025-01-15","reason":"Work","subReason":"Unsubsidised"}""",
            $$"""{"type":"benefitMonth","personalNumber":"{{k1}}","month":"2025-07","receivesBenefit":false}""",
            $$"""{"type":"occupationStatus","personalNumber":"{{k1}}","date":"2025-03-28","status":"Working"}""",
            // K2: on benefit, Kista, closed to studies in February 2025; no benefit status for August 2025.
            $$"""{"type":"referral","caseRef":"R-2","personalNumber":"{{k2}}","district":"rinkeby-kista","targetGroup":"AdultRefugee","date":"2024-09-02","gender":"M","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":true}""",
            """{"type":"infoMeeting","caseRef":"R-2","date":"2024-09-05","attended":false}""",
            """{"type":"infoMeeting","caseRef":"R-2","date":"2024-09-09","attended":true}""",
            """{"type":"enrolment","caseRef":"R-2","date":"2024-09-09","jobCentre":"kista","coach":"coach-3"}""",
            """{"type":"planAgreed","caseRef":"R-2","date":"2024-09-20"}""",
            """{"type":"closure","caseRef":"R-2","date":"2025-02-03","reason":"Studies"}""",
            // K3: enrolled January 2025, moved in March without a plan.
            $$"""{"type":"referral","caseRef":"R-3","personalNumber":"{{k3}}","district":"skarpnack","targetGroup":"UnemployedOnBenefit","date":"2025-01-07","gender":"F","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":true,"newlyArrived":false}""",
            """{"type":"enrolment","caseRef":"R-3","date":"2025-01-13","jobCentre":"farsta","coach":"coach-17"}""",
            """{"type":"closure","caseRef":"R-3","date":"2025-03-03","reason":"Other","subReason":"Moved"}""",
            // K4: not on benefit, enrolled February 2025 with a plan the next day; open.
            $$"""{"type":"referral","caseRef":"R-4","personalNumber":"{{k4}}","district":"farsta","targetGroup":"NewApplicant","date":"2025-02-03","gender":"M","receivesBenefit":false,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
            """{"type":"enrolment","caseRef":"R-4","date":"2025-02-05","jobCentre":"farsta","coach":"coach-17"}""",
            """{"type":"planAgreed","caseRef":"R-4","date":"2025-02-06"}""",
            // K5: a referral closed before enrolment.
            $$"""{"type":"referral","caseRef":"R-5","personalNumber":"{{k5}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2025-03-03","gender":"F","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
            """{"type":"closure","caseRef":"R-5","date":"2025-03-20","reason":"Other","subReason":"NotInTargetGroup"}""",
            // K6: municipal job ending October 2024 with no follow-up; open.
            $$"""{"type":"referral","caseRef":"R-6","personalNumber":"{{k6}}","district":"bromma","targetGroup":"UnemployedOnBenefit","date":"2024-05-06","gender":"M","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
            """{"type":"enrolment","caseRef":"R-6","date":"2024-05-13","jobCentre":"vallingby","coach":"coach-9"}""",
            """{"type":"planAgreed","caseRef":"R-6","date":"2024-05-14"}""",
            """{"type":"placement","caseRef":"R-6","kind":"MunicipalJob","start":"2024-06-01","end":"2024-10-31","employer":"2120000142"}""",
        ];
        var response = await App.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events",
            new StringContent(string.Join('\n', events) + "\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>Every number of the report page and of its workbook is the indicator API's number, shown the Swedish way.</summary>
[Trait("Category", "Http")]
public sealed partial class ReportMatchesApiTests(ImportedReportScenario scenario) : IClassFixture<ImportedReportScenario>
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    [GeneratedRegex("<tbody data-indicator=\"(?<indicator>\\w+)\">(?<body>.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex IndicatorBody();

    [GeneratedRegex("<tr data-measure=\"(?<measure>\\w+)\">(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex MeasureRow();

    [GeneratedRegex("<td class=\"num\" data-group=\"(?<group>[\\w-]+)\">(?<value>[^<]*)</td>")]
    private static partial Regex ValueCell();

    private static IEnumerable<(string Indicator, string Measure, string Group, string Text)> Cells(string html) =>
        from body in IndicatorBody().Matches(html)
        from row in MeasureRow().Matches(body.Groups["body"].Value)
        from cell in ValueCell().Matches(row.Groups["row"].Value)
        select (body.Groups["indicator"].Value, row.Groups["measure"].Value, cell.Groups["group"].Value,
            WebUtility.HtmlDecode(cell.Groups["value"].Value).Trim());

    /// <summary>The API's number behind a cell of the page.</summary>
    private static JsonElement ApiValue(JsonElement set, string indicator, string measure) => (indicator, measure) switch
    {
        ("closureRate", "numerator") => set.GetProperty("closed"),
        ("closureRate", "denominator") => set.GetProperty("enrolled"),
        ("closureRate", "rate") or (_, "count") or (_, "median") => set.GetProperty(indicator),
        _ => set.GetProperty(indicator).GetProperty(measure),
    };

    private static string Shown(JsonElement value, string measure) => value.ValueKind == JsonValueKind.Null ? "–" : measure switch
    {
        "rate" => Math.Round(value.GetDouble() * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", Swedish) + " %",
        "median" => Math.Round(value.GetDouble(), 1, MidpointRounding.AwayFromZero).ToString("0.#", Swedish),
        _ => value.GetInt32().ToString("N0", Swedish),
    };

    [Theory]
    [InlineData("period=year&year=2025", "from=2025-01-01&to=2025-12-31", null)]
    [InlineData("period=year&year=2025&groupBy=district", "from=2025-01-01&to=2025-12-31&groupBy=district", "district")]
    [InlineData("period=tertial&year=2025&tertial=1&groupBy=gender&asOf=2025-03-01", "from=2025-01-01&to=2025-04-30&groupBy=gender&asOf=2025-03-01", "gender")]
    [InlineData("period=year&year=2024&groupBy=jobCentre", "from=2024-01-01&to=2024-12-31&groupBy=jobCentre", "jobCentre")]
    public async Task Every_cell_of_the_page_is_the_api_number(string pageQuery, string apiQuery, string? groupBy)
    {
        var analyst = await scenario.App.SignInAsNewAsync(Roles.Analyst);
        var html = await analyst.GetStringAsync("/Reports?" + pageQuery);
        var api = await scenario.App.ApiClient(JobbtorgAppFactory.RobotKey).GetFromJsonAsync<JsonElement>("/api/reports/indicators?" + apiQuery);

        var cells = Cells(html).ToList();
        var groups = groupBy is null ? [] : api.GetProperty("groups").EnumerateObject().Select(g => g.Name).ToList();
        Assert.Equal(42 * (1 + groups.Count), cells.Count); // 42 numbers per column
        Assert.Equal(groups.Append("total").Order(), cells.Select(c => c.Group).Distinct().Order());
        foreach (var (indicator, measure, group, text) in cells)
        {
            var set = group == "total" ? api.GetProperty("total") : api.GetProperty("groups").GetProperty(group);
            Assert.True(Shown(ApiValue(set, indicator, measure), measure) == text, $"{indicator}/{measure}/{group}: page shows {text}");
        }
        if (pageQuery == "period=year&year=2025")
        {
            // The follow-ups have something to count: K1 without benefit in July, K2 unknown in August;
            // K1 working after the municipal job, K6 not followed up; K1 and K2 of K1, K2 and K6 self-supporting within 12 months.
            string Total(string indicator, string measure) => cells.Single(c => c.Indicator == indicator && c.Measure == measure && c.Group == "total").Text;
            Assert.Equal(("1", "1", "1", "66,7 %"), (Total("stillSelfSupporting6Months", "numerator"), Total("stillSelfSupporting6Months", "denominator"),
                Total("stillSelfSupporting6Months", "unknown"), Total("selfSufficientWithin12Months", "rate")));
            Assert.Equal(("1", "1", "1"), (Total("workingOrStudying3MonthsAfterMunicipalJob", "numerator"),
                Total("workingOrStudying3MonthsAfterMunicipalJob", "denominator"), Total("workingOrStudying3MonthsAfterMunicipalJob", "unknown")));
        }
    }

    [Fact]
    public async Task Every_number_of_the_workbook_is_the_api_number_and_every_rate_a_percentage()
    {
        var analyst = await scenario.App.SignInAsNewAsync(Roles.Analyst);
        var html = await analyst.GetStringAsync("/Reports?period=year&year=2025&groupBy=gender");
        var response = await analyst.GetAsync("/Reports?handler=Excel&period=year&year=2025&groupBy=gender");
        var sheet = new WorkbookReader(await response.Content.ReadAsByteArrayAsync()).Sheet("Indikatorer");

        // The workbook's rows are the page's rows in the same order; its columns are the page's columns, then the
        // number's place in the API's answer.
        var cells = Cells(html).ToList();
        var rowKeys = cells.Select(c => (c.Indicator, c.Measure)).Distinct().ToList();
        var groups = cells.Select(c => c.Group).Distinct().ToList();
        Assert.Equal(["Indikator", "Mått", "Totalt", "Kvinna", "Man", "I API:t"], sheet[0].Select(c => c.Text));
        Assert.Equal(rowKeys.Count + 1, sheet.Count);

        var api = await scenario.App.ApiClient(JobbtorgAppFactory.RobotKey).GetFromJsonAsync<JsonElement>("/api/reports/indicators?from=2025-01-01&to=2025-12-31&groupBy=gender");
        var rates = 0;
        for (var r = 0; r < rowKeys.Count; r++)
        {
            var row = sheet[r + 1];
            var (indicator, measure) = rowKeys[r];
            var field = row[2 + groups.Count].Text!;
            for (var c = 0; c < groups.Count; c++)
            {
                var set = groups[c] == "total" ? api.GetProperty("total") : api.GetProperty("groups").GetProperty(groups[c]);
                var expected = ApiValue(set, indicator, measure);
                Assert.Equal(expected.GetRawText(), field.Split('.').Aggregate(set, (e, name) => e.GetProperty(name)).GetRawText());
                var cell = row[2 + c];
                if (expected.ValueKind == JsonValueKind.Null) Assert.True(cell.IsEmpty, $"{field}/{groups[c]}: {cell}");
                else Assert.True(expected.GetDouble() == cell.Number, $"{field}/{groups[c]}: {cell.Number} in the workbook, {expected} in the API");
                Assert.True((measure == "rate") == cell.IsPercent, $"{field}/{groups[c]} is shown as {cell.Format}");
                if (measure == "rate" && !cell.IsEmpty) rates++;
            }
        }
        Assert.True(rates > 10); // rates with something to measure, as fractions: 0.667 shown as 66,7 %
        Assert.Equal("0.0%", sheet.Skip(1).First(row => row[^1].Text == "selfSufficientWithin12Months.rate")[2].Format);
    }

    [Fact]
    public async Task A_centres_manager_sees_only_the_caseload_of_the_centre_on_the_page_and_in_the_workbook()
    {
        // On 31 December 2024 coach-17 has K1 in Farsta, coach-3 K2 in Kista and coach-9 K6 in Vällingby.
        const string query = "period=year&year=2024";
        async Task<(string Page, IReadOnlyList<string> Workbook)> CoachesSeenBy(HttpClient client)
        {
            var page = Regex.Match(await client.GetStringAsync("/Reports?" + query), "data-testid=\"caseload\".*?</table>", RegexOptions.Singleline).Value;
            var workbook = new WorkbookReader(await (await client.GetAsync("/Reports?handler=Excel&" + query)).Content.ReadAsByteArrayAsync());
            return (page, workbook.Sheet("Ärenden per jobbcoach").Skip(1).Select(r => $"{r[0].Text} {r[1].Number}").ToList());
        }

        var farsta = await CoachesSeenBy(await scenario.App.SignInAsNewAsync(Roles.Manager, centre: "farsta"));
        Assert.Equal(["coach-17 1"], farsta.Workbook);
        Assert.Contains("coach-17", farsta.Page);
        Assert.DoesNotContain("coach-3", farsta.Page);
        Assert.DoesNotContain("coach-9", farsta.Page);

        var kista = await CoachesSeenBy(await scenario.App.SignInAsNewAsync(Roles.Manager, centre: "kista"));
        Assert.Equal(["coach-3 1"], kista.Workbook);

        foreach (var everyCentre in new[] { Roles.Analyst, Roles.Administrator, Roles.Manager })
        {
            var all = await CoachesSeenBy(await scenario.App.SignInAsNewAsync(everyCentre));
            Assert.Equal(["coach-17 1", "coach-3 1", "coach-9 1"], all.Workbook);
            Assert.Contains("coach-9", all.Page);
        }
    }
}
