using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Reports;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// A small job centre of its own (a fresh database), worked through the API and the pages, so that every count
/// on the report pages is known. Today is Tue 10 March 2026; all cases are in Enskede-Årsta-Vantör (Jobbtorg Farsta).
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public JobbtorgAppFactory App { get; } = new();
    public Dictionary<string, int> Cases { get; } = [];
    public string OverdueName => "Sen Plansson";

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var coachUser = await App.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Rapportsson");
        var coach = await App.SignInAsync(coachUser);

        // A: enrolled Mon 12 Jan (deadline Mon 19 Jan), plan on the 14th: met; still open.
        var a = Cases["A"] = await ReferAsync("2026-01-05", "Anna", "Itid");
        await EnrolAsync(coach, a, "2026-01-12", coachUser.Id);
        await AgreePlanAsync(coach, a, "2026-01-14");
        // B: enrolled 12 Jan, plan on the 26th: missed; closed to work on 20 Feb.
        var b = Cases["B"] = await ReferAsync("2026-01-05", "Bo", "Sent");
        await EnrolAsync(coach, b, "2026-01-12", coachUser.Id);
        await AgreePlanAsync(coach, b, "2026-01-26");
        await CloseAsync(coach, b, "2026-02-20", "Work", "Unsubsidised");
        // C: enrolled 12 Jan, still no plan: missed, and overdue today by 50 days.
        var c = Cases["C"] = await ReferAsync("2026-01-05", "Sen", "Plansson");
        await EnrolAsync(coach, c, "2026-01-12", coachUser.Id);
        // D: newly arrived, enrolled Mon 9 March (deadline Mon 16 March), no plan yet: pending.
        var d = Cases["D"] = await ReferAsync("2026-02-02", "Dana", "Nyss", newlyArrived: true);
        await EnrolAsync(coach, d, "2026-03-09", coachUser.Id);
        // E: enrolled 12 Jan, moved away the next day without a plan: excluded; closed in January.
        var e = Cases["E"] = await ReferAsync("2026-01-05", "Erik", "Flyttad");
        await EnrolAsync(coach, e, "2026-01-12", coachUser.Id);
        await CloseAsync(coach, e, "2026-01-13", "Other", "Moved");
        // F: enrolled in December 2025 with a plan: enrolled, not newly enrolled, in 2026.
        var f = Cases["F"] = await ReferAsync("2025-12-01", "Frida", "Tidig");
        await EnrolAsync(coach, f, "2025-12-03", coachUser.Id);
        await AgreePlanAsync(coach, f, "2025-12-04");
        // G: a referral withdrawn on 20 January before enrolment.
        var g = Cases["G"] = await ReferAsync("2026-01-05", "Gun", "Aldrig");
        await CloseAsync(coach, g, "2026-01-20", "Other", "NoLongerOnBenefit");

        // Assessments, sent by the district's system as case events. Initial assessment in time for January: A on its
        // deadline (met), B a day later (missed), C none (missed), E closed without one (excluded). D was assessed before
        // its enrolment (met, in March). On 31 January A is Available/Standard (its in-depth one comes later), B
        // PartlyAvailable/Situational, F NotAvailable/SpeciallyAdapted, C not assessed.
        var refs = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Cases, x => x.Id, x => x.CaseRef));
        string Assessed(int id, string date, string instrument, string availability, string need) =>
            CaseEvents.Assessment(refs[id], date, instrument, availability, need);
        var imported = await App.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new StringContent(CaseEvents.Stream(
            Assessed(a, "2026-01-19", "Initial", "Available", "Standard"),
            Assessed(a, "2026-02-10", "InDepth", "NotAvailable", "LongTermAdapted"),
            Assessed(b, "2026-01-20", "Initial", "PartlyAvailable", "Situational"),
            Assessed(d, "2026-02-03", "Initial", "Available", "Standard"),
            Assessed(f, "2025-12-02", "Initial", "NotAvailable", "SpeciallyAdapted")), System.Text.Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    private async Task<int> ReferAsync(string referralDate, string firstName, string lastName, bool newlyArrived = false)
    {
        var response = await App.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(App.Today), firstName, lastName, district = "enskede-arsta-vantor",
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, newlyArrived, referralDate,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task EnrolAsync(HttpClient coach, int id, string date, string coachId) =>
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = date, ["CoachId"] = coachId })).StatusCode);

    private async Task AgreePlanAsync(HttpClient coach, int id, string date)
    {
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new(), $"/Plans/Edit/{id}?handler=Start");
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["Goal"] = "5223", ["Summary"] = "Butik" }, $"/Plans/Edit/{id}?handler=Goal");
        var activityType = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.ActivityTypes.Where(t => t.Code == "active-job-search").Select(t => t.Id)));
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new()
        {
            ["Activity.ActivityTypeId"] = activityType.ToString(), ["Activity.StartDate"] = date, ["Activity.HoursPerWeek"] = "20",
        }, $"/Plans/Edit/{id}?handler=Add");
        var agree = await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["AgreedOn"] = date, ["ParticipantAgrees"] = "true" }, $"/Plans/Edit/{id}?handler=Agree");
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);
    }

    private static async Task CloseAsync(HttpClient coach, int id, string date, string reason, string subReason) =>
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Close/{id}",
            new() { ["ClosureDate"] = date, ["Reason"] = reason, ["SubReason"] = subReason })).StatusCode);

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

[Trait("Category", "Http")]
public sealed partial class ReportPageTests(ReportScenario scenario) : IClassFixture<ReportScenario>
{
    private JobbtorgAppFactory App => scenario.App;

    [GeneratedRegex("<tbody data-indicator=\"(?<indicator>\\w+)\">(?<body>.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex IndicatorBody();

    /// <summary>The text of one cell of the indicator table (a manager's numbers are links): indicator key, measure key, group key.</summary>
    private static string Cell(string html, string indicator, string measure, string group = "total")
    {
        var body = IndicatorBody().Matches(html).Single(m => m.Groups["indicator"].Value == indicator).Groups["body"].Value;
        var row = Regex.Match(body, $"<tr data-measure=\"{measure}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No measure {measure} in {indicator}");
        var cell = Regex.Match(row.Groups[1].Value, $"data-group=\"{group}\">(.*?)</td>", RegexOptions.Singleline);
        Assert.True(cell.Success, $"No column {group} for {indicator}/{measure}");
        return WebUtility.HtmlDecode(Regex.Replace(cell.Groups[1].Value, "<[^>]+>", "")).Trim();
    }

    private static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition is { } d ? d.FileNameStar ?? d.FileName?.Trim('"') : null;

    /// <summary>The group keys of the breakdown columns, in order, without the total.</summary>
    private static List<string> Groups(string html) =>
        Regex.Matches(Between(html, "<thead>", "</thead>"), "data-group=\"(\\w+)\"").Select(m => m.Groups[1].Value).Where(k => k != "total").ToList();

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    [Fact]
    public async Task The_report_shows_each_indicator_for_a_month()
    {
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var html = await manager.GetStringAsync("/Reports?period=month&year=2026&month=1");

        Assert.Contains("Indikatorer för januari 2026", html);
        Assert.Equal("5", Cell(html, "enrolled", "count"));          // A, B, C, E, F
        Assert.Equal("4", Cell(html, "newlyEnrolled", "count"));     // A, B, C, E
        Assert.Equal("1", Cell(html, "closed", "count"));            // E
        Assert.Equal("1", Cell(html, "closedBeforeEnrolment", "count")); // G
        Assert.Equal("1", Cell(html, "closureRate", "numerator"));
        Assert.Equal("5", Cell(html, "closureRate", "denominator"));
        Assert.Equal("20,0 %", Cell(html, "closureRate", "rate"));
        Assert.Equal("1", Cell(html, "closureReasons", "Other"));
        Assert.Equal("0", Cell(html, "closureReasons", "Work"));
        Assert.Equal("1", Cell(html, "jobGuarantee", "met"));        // A
        Assert.Equal("2", Cell(html, "jobGuarantee", "missed"));     // B late, C none
        Assert.Equal("0", Cell(html, "jobGuarantee", "pending"));
        Assert.Equal("1", Cell(html, "jobGuarantee", "excluded"));   // E
        Assert.Equal("33,3 %", Cell(html, "jobGuarantee", "rate"));
        Assert.Equal("0", Cell(html, "closedToWorkOrStudies", "numerator"));
        Assert.Equal("1", Cell(html, "closedToWorkOrStudies", "denominator"));
        Assert.Equal("0,0 %", Cell(html, "closedToWorkOrStudies", "rate"));
        Assert.Equal("–", Cell(html, "stillSelfSupporting6Months", "rate"));
        Assert.Equal("7", Cell(html, "medianDaysReferralToEnrolment", "median")); // 5 → 12 January

        Assert.Equal("1", Cell(html, "initialAssessment", "met"));        // A on its deadline
        Assert.Equal("2", Cell(html, "initialAssessment", "missed"));     // B a day late, C none
        Assert.Equal("0", Cell(html, "initialAssessment", "pending"));
        Assert.Equal("1", Cell(html, "initialAssessment", "excluded"));   // E
        Assert.Equal("33,3 %", Cell(html, "initialAssessment", "rate"));
        Assert.Equal("0", Cell(html, "jobsMediated", "count"));              // no placements
        Assert.Contains("Förmedlade jobb", html);

        // Every indicator row says in one sentence what it counts.
        Assert.Equal(16, IndicatorBody().Matches(html).Count);
        Assert.Contains("Personer som skrevs in under perioden.", html);
        Assert.Equal(16, Regex.Matches(html, "<span class=\"explain\">[^<]{20,}</span>").Count);

        // The caseload on the period's last day: A, B, C and F were open on 31 January, all with the same coach.
        var caseload = Between(html, "data-testid=\"caseload\"", "</table>");
        Assert.Contains("Ärenden per jobbcoach den 2026-01-31", html);
        Assert.Matches("Coach Rapportsson</td><td class=\"num\">4</td>", caseload);

        // The same open cases by their latest assessment on or before 31 January.
        Assert.Contains("Öppna ärenden efter bedömning den 2026-01-31", html);
        var assessed = Between(html, "data-testid=\"assessed-open-cases\"", "</table>");
        string Open(string availability, string need) => Regex.Match(assessed,
            $"<tr data-availability=\"{availability}\">.*?data-need=\"{need}\">(\\S+?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(("1", "1", "1", "1", "4"), (Open("Available", "Standard"), Open("PartlyAvailable", "Situational"),
            Open("NotAvailable", "SpeciallyAdapted"), Open("none", "total"), Open("total", "total")));
        Assert.Equal(("0", "1"), (Open("NotAvailable", "LongTermAdapted"), Open("NotAvailable", "total")));
    }

    [Fact]
    public async Task A_breakdown_adds_a_column_per_group_after_the_total()
    {
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        var html = await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=reportingGroup");

        var header = WebUtility.HtmlDecode(Between(html, "<thead>", "</thead>"));
        Assert.Matches("data-group=\"total\">Totalt</th>\\s*<th scope=\"col\" class=\"num\" data-group=\"NewlyArrivedRefugee\">Nyanlända / flyktingar</th>\\s*" +
                       "<th scope=\"col\" class=\"num\" data-group=\"Other25Plus\">Övriga 25\\+</th>", header);
        Assert.Equal("6", Cell(html, "enrolled", "count"));
        Assert.Equal("1", Cell(html, "enrolled", "count", "NewlyArrivedRefugee"));  // D
        Assert.Equal("5", Cell(html, "enrolled", "count", "Other25Plus"));
        Assert.Equal("5", Cell(html, "newlyEnrolled", "count"));
        Assert.Equal("2", Cell(html, "closed", "count"));
        Assert.Equal("33,3 %", Cell(html, "closureRate", "rate"));
        Assert.Equal("1", Cell(html, "jobGuarantee", "pending"));
        Assert.Equal("1", Cell(html, "jobGuarantee", "pending", "NewlyArrivedRefugee"));
        Assert.Equal("–", Cell(html, "jobGuarantee", "rate", "NewlyArrivedRefugee"));
        Assert.Equal("50,0 %", Cell(html, "closedToWorkOrStudies", "rate"));       // B of B and E

        var byCentre = await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=jobCentre");
        Assert.Contains("data-group=\"farsta\">Jobbtorg Farsta</th>", byCentre);
        Assert.Equal("6", Cell(byCentre, "enrolled", "count", "farsta"));
        var byGender = await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=gender");
        var genders = Groups(byGender);
        Assert.NotEmpty(genders);
        Assert.All(genders, g => Assert.Contains(g, new[] { "F", "M", "X", "unassigned" }));
        Assert.Equal(6, genders.Sum(g => int.Parse(Cell(byGender, "enrolled", "count", g))));
    }

    [Fact]
    public async Task The_report_breaks_down_by_target_group_and_by_benefit_with_labels_in_either_language()
    {
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        var form = await analyst.GetStringAsync("/Reports");
        Assert.Contains("<option value=\"targetGroup\">Målgrupp</option>", form);
        Assert.Contains("<option value=\"benefit\">Försörjningsstöd</option>", form);

        var byTarget = await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=targetGroup");
        Assert.Contains("Uppdelat på målgrupp.", byTarget);
        Assert.Equal(["UnemployedOnBenefit"], Groups(byTarget));
        Assert.Contains("data-group=\"UnemployedOnBenefit\">Arbetslös med försörjningsstöd</th>", byTarget);
        Assert.Equal("6", Cell(byTarget, "enrolled", "count", "UnemployedOnBenefit"));

        var byBenefit = await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=benefit");
        Assert.Equal(["WithBenefit"], Groups(byBenefit));
        Assert.Contains("data-group=\"WithBenefit\">Med försörjningsstöd</th>", byBenefit);
        Assert.Equal("6", Cell(byBenefit, "enrolled", "count", "WithBenefit"));
        Assert.Equal("1", Cell(byBenefit, "closedToWorkOrStudies", "numerator", "WithBenefit")); // B, closed to work
        var guarantee = WebUtility.HtmlDecode(await analyst.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1&groupBy=benefit"));
        Assert.Matches("<tr data-group=\"WithBenefit\">\\s*<th scope=\"row\">Med försörjningsstöd</th>\\s*<td class=\"num\">5</td>", guarantee);

        await analyst.SubmitFormAsync("/", new() { ["culture"] = "en-GB", ["returnUrl"] = "/" }, "/Account/Language");
        var english = await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=benefit");
        Assert.Contains("data-group=\"WithBenefit\">With benefit</th>", english);
        Assert.Contains("Broken down by benefit.", english);
        Assert.Contains("<option value=\"targetGroup\">Target group</option>", english);
        Assert.Contains("data-group=\"UnemployedOnBenefit\">Unemployed on benefit</th>",
            await analyst.GetStringAsync("/Reports?period=tertial&year=2026&tertial=1&groupBy=targetGroup"));
    }

    [Theory]
    [InlineData("period=month&year=2024&month=2", "februari 2024", "2024-02-01", "2024-02-29")]
    [InlineData("period=tertial&year=2024&tertial=1", "T1 2024 (januari–april)", "2024-01-01", "2024-04-30")]
    [InlineData("period=tertial&year=2025&tertial=2", "T2 2025 (maj–augusti)", "2025-05-01", "2025-08-31")]
    [InlineData("period=tertial&year=2025&tertial=3", "T3 2025 (september–december)", "2025-09-01", "2025-12-31")]
    [InlineData("period=year&year=2025", "2025", "2025-01-01", "2025-12-31")]
    [InlineData("period=custom&from=2025-03-15&to=2025-06-14", "2025-03-15 – 2025-06-14", "2025-03-15", "2025-06-14")]
    [InlineData("from=2025-03-15&to=2025-06-14", "2025-03-15 – 2025-06-14", "2025-03-15", "2025-06-14")]
    [InlineData("", "T1 2026 (januari–april)", "2026-01-01", "2026-04-30")] // nothing chosen: today's tertial
    public async Task The_period_choices_resolve_to_their_first_and_last_day(string query, string name, string from, string to)
    {
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var html = await manager.GetStringAsync("/Reports?" + query);

        Assert.Contains($"Indikatorer för {name}</h2>", html);
        Assert.Contains($"Från och med {from} till och med {to}.", html);
        // The form shows the resolved dates, and the workbook link keeps the choice.
        Assert.Contains($"name=\"from\" value=\"{from}\"", html);
        Assert.Contains($"name=\"to\" value=\"{to}\"", html);
        var excelLink = WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/Reports\\?handler=Excel[^\"]*)\"").Groups[1].Value);
        var excel = await manager.GetAsync(excelLink);
        Assert.Equal($"indikatorer-{from}-{to}.xlsx", FileName(excel));
    }

    [Fact]
    public async Task A_period_that_cannot_be_read_is_named_and_nothing_is_computed()
    {
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var backwards = await manager.GetStringAsync("/Reports?period=custom&from=2025-06-01&to=2025-05-01");
        Assert.Contains("Perioden kan inte sluta innan den börjar.", backwards);
        Assert.DoesNotContain("data-testid=\"indicators\"", backwards);

        var noTertial = await manager.GetStringAsync("/Reports?period=tertial&year=2025&tertial=4");
        Assert.Contains("Välj tertial 1, 2 eller 3.", noTertial);
        var notADate = await manager.GetStringAsync("/Reports?period=custom&from=igår&to=2025-05-01");
        Assert.Contains("”igår” är inget datum; skriv det som ÅÅÅÅ-MM-DD.", notADate);
        var farAhead = await manager.GetStringAsync("/Reports?period=custom&from=2025-01-01&to=2025-05-01&asOf=9999-12-31");
        Assert.Contains("Datumet 9999-12-31 ligger utanför de datum systemet tar emot, 1900-01-01 till 2099-12-31.", farAhead);
        Assert.DoesNotContain("data-testid=\"indicators\"", farAhead);

        var excel = await manager.GetAsync("/Reports?handler=Excel&period=custom&from=2025-06-01&to=2025-05-01");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.StartsWith("text/html", excel.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task The_monthly_series_covers_24_months_per_reporting_group_with_charts_and_tables()
    {
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var html = await manager.GetStringAsync("/Reports?period=month&year=2026&month=1");

        foreach (var chart in new[] { "enrolled", "newly-enrolled", "closed", "closure-rate", "closed-to-work" })
        {
            var figure = Between(html, $"data-testid=\"chart-{chart}\"", "</figure>");
            Assert.Matches($"<svg [^>]*role=\"img\" aria-labelledby=\"{chart}-title {chart}-desc\"", figure);
            Assert.Matches($"<title id=\"{chart}-title\">[^<]+</title>", figure);
            var table = Between(figure, "<table", "</table>");
            Assert.Equal(24, Regex.Matches(table, "<th scope=\"row\">").Count);
            Assert.Contains("<th scope=\"row\">februari 2024</th>", table);
            Assert.Contains("<th scope=\"row\">januari 2026</th>", table);
            Assert.Contains("Ungdomar 16–24 år</th>", table);
        }
        // January 2026: enrolled 5 (all Other 25+), newly enrolled 4, closed 1 (E).
        var enrolled = Between(html, "data-testid=\"chart-table-enrolled\"", "</table>");
        Assert.Matches("<th scope=\"row\">januari 2026</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">5</td>\\s*<td class=\"num\">5</td>", enrolled);
        Assert.Matches("<th scope=\"row\">december 2025</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">1</td>", enrolled);
        // February 2026: B closed to work.
        var byMonth = await manager.GetStringAsync("/Reports?period=month&year=2026&month=2");
        Assert.Matches("<th scope=\"row\">februari 2026</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">1</td>",
            Between(byMonth, "data-testid=\"chart-table-closed-to-work\"", "</table>"));
        var rate = Between(html, "data-testid=\"chart-table-closure-rate\"", "</table>");
        Assert.Matches("<th scope=\"row\">januari 2026</th>\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">20,0 %</td>", rate);
    }

    [Fact]
    public async Task The_monthly_series_follow_the_breakdown_on_the_page_and_in_the_workbook()
    {
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        const string query = "period=month&year=2026&month=1&groupBy=benefit";
        var html = await analyst.GetStringAsync("/Reports?" + query);

        Assert.Contains("De 24 månaderna till och med januari 2026, uppdelat på försörjningsstöd.", html);
        var enrolled = Between(html, "data-testid=\"chart-table-enrolled\"", "</table>");
        Assert.Matches("<th scope=\"col\">Månad</th>\\s*<th scope=\"col\" class=\"num\">Med försörjningsstöd</th>\\s*" +
                       "<th scope=\"col\" class=\"num\">Utan försörjningsstöd</th>\\s*<th scope=\"col\" class=\"num\">Totalt</th>", enrolled);
        Assert.Matches("<th scope=\"row\">januari 2026</th>\\s*<td class=\"num\">5</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">5</td>", enrolled);
        Assert.Contains("en linje per grupp (försörjningsstöd): Med försörjningsstöd, Utan försörjningsstöd.", html);

        var byCentre = await analyst.GetStringAsync("/Reports?period=month&year=2026&month=1&groupBy=jobCentre");
        var closed = Between(byCentre, "data-testid=\"chart-table-closed\"", "</table>");
        Assert.Matches("<th scope=\"col\" class=\"num\">Jobbtorg Farsta</th>\\s*<th scope=\"col\" class=\"num\">Totalt</th>", closed);
        Assert.Matches("<th scope=\"row\">februari 2025</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>", closed);
        Assert.Matches("<th scope=\"row\">januari 2026</th>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">1</td>", closed);

        var response = await analyst.GetAsync("/Reports?handler=Excel&" + query);
        var months = new WorkbookReader(await response.Content.ReadAsByteArrayAsync()).Table("Per månad");
        Assert.Equal(24 * 3, months.Count);
        var january = months.Where(r => r["Månad"].Text == "2026-01").ToDictionary(r => r["Försörjningsstöd"].Text!, r => (int)r["Inskrivna"].Number!.Value);
        Assert.Equal(new Dictionary<string, int> { ["Totalt"] = 5, ["Med försörjningsstöd"] = 5, ["Utan försörjningsstöd"] = 0 }, january);
    }

    [Fact]
    public async Task The_workbook_holds_the_numbers_of_the_page_and_the_api()
    {
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        const string query = "period=tertial&year=2026&tertial=1&groupBy=reportingGroup";
        var html = await manager.GetStringAsync("/Reports?" + query);
        Assert.Contains("href=\"/Reports?handler=Excel&amp;period=tertial&amp;year=2026&amp;tertial=1&amp;groupBy=reportingGroup\"", html);

        var response = await manager.GetAsync("/Reports?handler=Excel&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("indikatorer-2026-01-01-2026-04-30.xlsx", FileName(response));
        var workbook = new WorkbookReader(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["Indikatorer", "Per månad", "Ärenden per jobbcoach", "Bedömning", "Om rapporten"], workbook.SheetNames);
        var rows = workbook.Table("Indikatorer");
        WorkbookCell Value(string indicator, string measure, string column) =>
            rows.Single(r => r["Indikator"].Text == indicator && r["Mått"].Text == measure)[column];
        int Count(string indicator, string measure, string column) => (int)Value(indicator, measure, column).Number!.Value;

        var api = await App.ApiClient(JobbtorgAppFactory.RobotKey).GetFromJsonAsync<JsonElement>(
            "/api/reports/indicators?from=2026-01-01&to=2026-04-30&groupBy=reportingGroup");
        var total = api.GetProperty("total");
        var refugees = api.GetProperty("groups").GetProperty("NewlyArrivedRefugee");

        Assert.Equal(total.GetProperty("enrolled").GetInt32(), Count("Inskrivna", "Antal", "Totalt"));
        Assert.Equal(6, Count("Inskrivna", "Antal", "Totalt"));
        Assert.Equal(refugees.GetProperty("enrolled").GetInt32(), Count("Inskrivna", "Antal", "Nyanlända / flyktingar"));
        Assert.Equal(total.GetProperty("newlyEnrolled").GetInt32(), Count("Nyinskrivna", "Antal", "Totalt"));
        Assert.Equal(total.GetProperty("closed").GetInt32(), Count("Avslutade", "Antal", "Totalt"));
        var guarantee = total.GetProperty("jobGuarantee");
        const string jobGuarantee = "Jobbgaranti: jobbplan inom fem arbetsdagar";
        Assert.Equal(guarantee.GetProperty("met").GetInt32(), Count(jobGuarantee, "Uppfylld", "Totalt"));
        Assert.Equal(guarantee.GetProperty("missed").GetInt32(), Count(jobGuarantee, "Ej uppfylld", "Totalt"));
        Assert.Equal(guarantee.GetProperty("pending").GetInt32(), Count(jobGuarantee, "Pågår", "Totalt"));
        // Rates are the API's fractions, shown as percentages with one decimal: 1/3 as 33,3 %, as on the page.
        var rate = Value(jobGuarantee, "Andel uppfyllda (av uppfyllda och ej uppfyllda)", "Totalt");
        Assert.Equal(guarantee.GetProperty("rate").GetDouble(), rate.Number);
        Assert.Equal("0.0%", rate.Format);
        Assert.Equal(1.0 / 3, Value("Andel avslutade", "Andel", "Totalt").Number);
        Assert.Equal("0.0%", Value("Andel avslutade", "Andel", "Totalt").Format);
        Assert.Equal("33,3 %", Cell(html, "closureRate", "rate"));
        Assert.False(Value("Inskrivna", "Antal", "Totalt").IsPercent);
        Assert.True(Value(jobGuarantee, "Andel uppfyllda (av uppfyllda och ej uppfyllda)", "Nyanlända / flyktingar").IsEmpty);

        // Initial assessment in time: A and D (before its enrolment) met, B and C missed, E excluded.
        var initial = total.GetProperty("initialAssessment");
        Assert.Equal((2, 2, 0, 1, 0.5), (initial.GetProperty("met").GetInt32(), initial.GetProperty("missed").GetInt32(),
            initial.GetProperty("pending").GetInt32(), initial.GetProperty("excluded").GetInt32(), initial.GetProperty("rate").GetDouble()));
        Assert.Equal(2, Count("Inledande bedömning i tid", "Uppfylld", "Totalt"));
        Assert.Equal(1, Count("Inledande bedömning i tid", "Undantagen (avslutad före fristen)", "Totalt"));
        Assert.Equal(0.5, Value("Inledande bedömning i tid", "Andel uppfyllda (av uppfyllda och ej uppfyllda)", "Totalt").Number);
        // Open on 10 March (today, before the period's end): A by its in-depth assessment, C not assessed, D and F.
        var assessed = workbook.Sheet("Bedömning");
        Assert.Equal(["Öppna ärenden 2026-03-10", "Standardinsats", "Situationsbestämd insats", "Särskilt anpassad insats", "Varaktigt anpassad insats", "Totalt"],
            assessed[0].Select(c => c.Text));
        Assert.Equal([1, 0, 0, 0, 1], assessed[1].Skip(1).Select(c => c.Number));   // Available: D
        Assert.Equal([0, 0, 1, 1, 2], assessed[3].Skip(1).Select(c => c.Number));   // NotAvailable: F, A
        Assert.Equal(("Inte bedömda", 1.0), (assessed[4][0].Text, assessed[4][5].Number));
        Assert.Equal(("Totalt", 4.0), (assessed[5][0].Text, assessed[5][5].Number));

        var months = workbook.Table("Per månad");
        Assert.Equal(24 * 4, months.Count);
        Assert.Equal("2024-05", months[0]["Månad"].Text);
        var january = months.Single(r => r["Månad"].Text == "2026-01" && r["Redovisningsgrupp"].Text == "Totalt");
        Assert.Equal(5, january["Inskrivna"].Number);
        Assert.Equal(4, january["Nyinskrivna"].Number);
        Assert.Equal(1, january["Avslutade"].Number);
        Assert.Equal(0.2, january["Andel avslutade"].Number);
        Assert.Equal("0.0%", january["Andel avslutade"].Format);
    }

    [Fact]
    public async Task The_job_guarantee_view_answers_for_the_period_and_lists_the_cases_behind_its_figures_to_managers()
    {
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var html = await manager.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1");

        var answer = WebUtility.HtmlDecode(Between(html, "data-testid=\"answer\"", "</p>"));
        Assert.Contains("33,3 %", answer);
        Assert.Contains("1 av de 3 vars frist har gått ut", answer);
        Assert.Matches("data-measure=\"newlyEnrolled\"><strong>(<a [^>]*>)?5(</a>)?</strong>", html);
        Assert.Matches("data-measure=\"met\"><strong>(<a [^>]*>)?1(</a>)?</strong>", html);
        Assert.Matches("data-measure=\"missed\"><strong>(<a [^>]*>)?2(</a>)?</strong>", html);
        Assert.Matches("data-measure=\"pending\"><strong>(<a [^>]*>)?1(</a>)?</strong>", html);
        Assert.Matches("data-measure=\"excluded\"><strong>(<a [^>]*>)?1(</a>)?</strong>", html);

        // The lists are the cases behind the figures, under the same numbers. C has no plan yet: deadline Mon 19 January,
        // 36 working days ago; B's plan came on Mon 26 January, 5 working days late. D's deadline has not passed.
        Assert.Contains("Jobbplan senare eller inte alls (2)", html);
        Assert.Contains("Fristen har inte gått ut (1)", html);
        var missed = Between(html, "data-testid=\"missed-cases\"", "</table>");
        Assert.Matches($"<tr data-case=\"{scenario.Cases["C"]}\">\\s*<td><a href=\"/Cases/Details/{scenario.Cases["C"]}\">{scenario.OverdueName}</a></td>\\s*" +
                       "<td>Jobbtorg Farsta</td>\\s*<td>Coach Rapportsson</td>\\s*<td>2026-01-12</td>\\s*<td>2026-01-19</td>\\s*<td>Ingen jobbplan än</td>\\s*<td class=\"num\">36</td>", missed);
        Assert.Matches($"<tr data-case=\"{scenario.Cases["B"]}\">(.|\\n)*?<td>2026-01-19</td>\\s*<td>2026-01-26</td>\\s*<td class=\"num\">5</td>", missed);
        Assert.True(missed.IndexOf($"data-case=\"{scenario.Cases["C"]}\"", StringComparison.Ordinal) < missed.IndexOf($"data-case=\"{scenario.Cases["B"]}\"", StringComparison.Ordinal),
            "The most working days late first");
        Assert.DoesNotContain($"/Cases/Details/{scenario.Cases["A"]}\"", html);
        var pending = Between(html, "data-testid=\"pending-cases\"", "</table>");
        Assert.Matches($"/Cases/Details/{scenario.Cases["D"]}\"(.|\\n)*?<td>2026-03-16</td>\\s*<td class=\"num\">4</td>", pending);
        Assert.DoesNotContain($"/Cases/Details/{scenario.Cases["C"]}\"", pending);
        // No personal identity number in full.
        var personalNumbers = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Participants.Select(p => p.PersonalNumber)));
        Assert.All(personalNumbers, pn =>
        {
            Assert.DoesNotContain(pn, html);
            Assert.DoesNotContain($"{pn[..8]}-{pn[8..]}", html);
        });

        var admin = await App.SignInAsNewAsync(Roles.Administrator);
        Assert.Contains($"/Cases/Details/{scenario.Cases["C"]}\"", await admin.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1"));
        var otherCentre = await App.SignInAsNewAsync(Roles.Manager, centre: "kista");
        var kista = await otherCentre.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1");
        Assert.DoesNotContain($"/Cases/Details/{scenario.Cases["C"]}\"", kista);
        Assert.Matches("data-measure=\"missed\"><strong>(<a [^>]*>)?2(</a>)?</strong>", kista); // the figures are the city's
        // The same figures head the lists; the cases beyond the manager's reach are counted, not shown.
        Assert.Contains("Jobbplan senare eller inte alls (2)", kista);
        Assert.Contains("2 av dem på jobbtorg utanför din behörighet", kista);
    }

    [Fact]
    public async Task An_analyst_sees_the_job_guarantee_figures_but_no_cases()
    {
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        var html = WebUtility.HtmlDecode(await analyst.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1&groupBy=reportingGroup"));

        Assert.Matches("data-measure=\"missed\"><strong>(<a [^>]*>)?2(</a>)?</strong>", html);
        Assert.Matches("<tr data-group=\"Other25Plus\">\\s*<th scope=\"row\">Övriga 25\\+</th>\\s*<td class=\"num\">4</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">2</td>", html);
        Assert.Contains("data-testid=\"no-case-list\"", html);
        Assert.DoesNotContain("/Cases/Details/", html);
        Assert.DoesNotContain(scenario.OverdueName, html);
        Assert.DoesNotContain("data-testid=\"missed-cases\"", html);
    }

    [Fact]
    public async Task A_districts_case_worker_reads_the_report_of_the_cases_their_district_referred()
    {
        var here = await App.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor");
        Assert.Contains("<li><a href=\"/Reports\">Rapporter</a></li>", await here.GetStringAsync("/"));
        var html = await here.GetStringAsync("/Reports?period=month&year=2026&month=1");
        Assert.Contains("Endast ärenden anvisade av Enskede-Årsta-Vantör.", html);
        Assert.DoesNotContain("id=\"district\"", html); // no other district to choose
        Assert.Equal("5", Cell(html, "enrolled", "count"));
        Assert.Equal("1", Cell(html, "jobGuarantee", "met"));
        Assert.Matches("<th scope=\"row\">januari 2026</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">5</td>\\s*<td class=\"num\">5</td>",
            Between(html, "data-testid=\"chart-table-enrolled\"", "</table>"));
        Assert.Contains("district=enskede-arsta-vantor", WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/Reports\\?handler=Excel[^\"]*)\"").Groups[1].Value));
        var guarantee = await here.GetStringAsync("/Reports/JobGuarantee?period=tertial&year=2026&tertial=1");
        Assert.Matches("data-measure=\"missed\"><strong>(<a [^>]*>)?2(</a>)?</strong>", guarantee);
        Assert.DoesNotContain("/Cases/Details/", guarantee); // figures, not the list of cases

        // Another district's case worker sees their own district's figures: none of these cases, and no way to the others'.
        var elsewhere = await App.SignInAsNewAsync(Roles.CaseWorker, district: "rinkeby-kista");
        var theirs = await elsewhere.GetStringAsync("/Reports?period=month&year=2026&month=1");
        Assert.Contains("Endast ärenden anvisade av Rinkeby-Kista.", theirs);
        Assert.Equal("0", Cell(theirs, "enrolled", "count"));
        Assert.Matches("<th scope=\"row\">januari 2026</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>",
            Between(theirs, "data-testid=\"chart-table-enrolled\"", "</table>"));
        Assert.DoesNotContain("Coach Rapportsson", theirs); // nor the caseload of the other district's cases
        var workbook = new WorkbookReader(await elsewhere.GetByteArrayAsync("/Reports?handler=Excel&period=month&year=2026&month=1"));
        Assert.Equal(0, workbook.Table("Indikatorer").Single(r => r["Indikator"].Text == "Inskrivna")["Totalt"].Number);
        foreach (var url in new[] { "/Reports?period=month&year=2026&month=1&district=enskede-arsta-vantor",
                     "/Reports?handler=Excel&period=month&year=2026&month=1&district=enskede-arsta-vantor",
                     "/Reports/JobGuarantee?district=enskede-arsta-vantor" })
        {
            var refused = await elsewhere.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_reader_of_the_whole_city_may_restrict_the_report_to_one_district()
    {
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        var city = await analyst.GetStringAsync("/Reports?period=month&year=2026&month=1");
        Assert.Contains("<option value=\"enskede-arsta-vantor\">Enskede-Årsta-Vantör</option>", city);
        Assert.DoesNotContain("data-testid=\"scope\"", city);
        var eav = await analyst.GetStringAsync("/Reports?period=month&year=2026&month=1&district=enskede-arsta-vantor");
        Assert.Contains("Endast ärenden anvisade av Enskede-Årsta-Vantör.", eav);
        Assert.Equal("5", Cell(eav, "enrolled", "count"));
        Assert.Equal("0", Cell(await analyst.GetStringAsync("/Reports?period=month&year=2026&month=1&district=bromma"), "enrolled", "count"));
        Assert.Contains("”atlantis” är ingen stadsdelskod.", await analyst.GetStringAsync("/Reports?period=month&year=2026&month=1&district=atlantis"));
    }

    [Theory]
    [InlineData(Roles.Coach, "farsta", null)]
    [InlineData(Roles.Matcher, "farsta", null)]
    public async Task Staff_without_report_access_are_turned_away(string role, string? centre, string? district)
    {
        var client = await App.SignInAsNewAsync(role, centre, district);
        foreach (var url in new[] { "/Reports", "/Reports?handler=Excel&period=year&year=2026", "/Reports/JobGuarantee" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
        Assert.DoesNotContain("href=\"/Reports\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Managers_analysts_and_administrators_find_the_reports_in_the_menu()
    {
        foreach (var role in new[] { Roles.Manager, Roles.Analyst, Roles.Administrator })
        {
            var client = await App.SignInAsNewAsync(role, centre: role == Roles.Manager ? "farsta" : null);
            Assert.Contains("<li><a href=\"/Reports\">Rapporter</a></li>", await client.GetStringAsync("/"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports")).StatusCode);
        }
        var anonymous = await App.AnonymousClient().GetAsync("/Reports");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
    }
}
