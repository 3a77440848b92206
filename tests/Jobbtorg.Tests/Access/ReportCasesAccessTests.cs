using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jobbtorg.Features.Reports;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Access;

/// <summary>
/// The cases behind a number of the report: everyone who may open it gets the same count, lists the cases within their
/// reach and is told how many others were counted; analysts and keys without <c>reports:cases</c> get no list at all.
/// </summary>
[Collection(AccessMatrixCollection.Name)]
[Trait("Category", "Http")]
public sealed class ReportCasesAccessTests(AccessMatrixApp fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Each_caller_lists_the_cases_within_reach_and_only_counts_the_others()
    {
        var farstaCase = await fixture.NewCaseAsync(CaseSetup.Enrolled); // Enskede-Årsta-Vantör's, at Farsta
        var farsta = await fixture.Db(db => db.Cases.Where(c => c.Id == farstaCase).Select(c => c.CaseRef).SingleAsync());
        var kista = await KistaCaseAsync(); // Rinkeby-Kista's, at Kista
        var today = fixture.Today.ToString("yyyy-MM-dd");
        var admin = await fixture.ClientAsync(Actor.Administrator);
        // The figure each caller's own report shows: the city's, or its district's for a district's case worker and key.
        async Task<int> FigureAsync(string? district) => (await admin.GetFromJsonAsync<IndicatorReport>(
            $"/api/reports/indicators?from={today}&to={today}&asOf={today}{(district is null ? "" : $"&district={district}")}", Json))!.Total.NewlyEnrolled;
        var city = await FigureAsync(null);
        var query = $"/api/reports/indicators/cases?from={today}&to={today}&asOf={today}&measure=newlyEnrolled";

        async Task<(IndicatorCasesAnswer Answer, string Body)> ListedFor(HttpClient client, string? district)
        {
            using var response = await client.GetAsync(query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var answer = JsonSerializer.Deserialize<IndicatorCasesAnswer>(body, Json)!;
            Assert.Equal(district is null ? city : await FigureAsync(district), answer.Count);
            Assert.Equal(answer.Count, answer.Cases.Count + answer.NotShown);
            return (answer, body);
        }
        async Task Sees(Actor actor, bool farstaShown, bool kistaShown, bool othersHidden, string? district = null)
        {
            var (answer, _) = await ListedFor(await fixture.ClientAsync(actor), district);
            var refs = answer.Cases.Select(c => c.CaseRef).ToList();
            Assert.True(refs.Contains(farsta) == farstaShown, $"{actor}: Farsta's case {(farstaShown ? "missing" : "shown")}");
            Assert.True(refs.Contains(kista) == kistaShown, $"{actor}: Kista's case {(kistaShown ? "missing" : "shown")}");
            Assert.True(answer.NotShown > 0 == othersHidden, $"{actor}: {answer.NotShown} not shown");
        }

        await Sees(Actor.Administrator, farstaShown: true, kistaShown: true, othersHidden: false);
        await Sees(Actor.ManagerCityWide, farstaShown: true, kistaShown: true, othersHidden: false);
        await Sees(Actor.ManagerHere, farstaShown: true, kistaShown: false, othersHidden: true);
        await Sees(Actor.ManagerElsewhere, farstaShown: false, kistaShown: true, othersHidden: true);
        // A district's case worker counts, as in their report, only their district's cases, and sees them all.
        await Sees(Actor.CaseWorkerHere, farstaShown: true, kistaShown: false, othersHidden: false, AccessMatrixApp.District);
        await Sees(Actor.CaseWorkerElsewhere, farstaShown: false, kistaShown: true, othersHidden: false, "rinkeby-kista");
        await Sees(Actor.KeyReportCases, farstaShown: true, kistaShown: true, othersHidden: false);

        // A district's key counts and lists its district's cases, by reference only.
        var (bound, body) = await ListedFor(fixture.App.ApiClient(AccessMatrixApp.ReportCasesElsewhereKey), "rinkeby-kista");
        Assert.Contains(kista, bound.Cases.Select(c => c.CaseRef));
        Assert.DoesNotContain(farsta, bound.Cases.Select(c => c.CaseRef));
        Assert.True(bound.Count < city);
        Assert.DoesNotContain("name", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await fixture.PersonalNumberOfAsync(farstaCase), body);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.ApiClient(AccessMatrixApp.ReportCasesElsewhereKey)
            .GetAsync($"{query}&district={AccessMatrixApp.District}")).StatusCode);

        foreach (var refused in new[] { Actor.Analyst, Actor.KeyReports, Actor.KeyDistrictHere, Actor.CoachHere })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientAsync(refused)).GetAsync(query)).StatusCode);
    }

    [Fact]
    public async Task The_report_page_links_each_number_for_managers_but_not_for_analysts()
    {
        var today = fixture.Today.ToString("yyyy-MM-dd");
        var page = $"/Reports?from={today}&to={today}&asOf={today}";
        var manager = await (await fixture.ClientAsync(Actor.ManagerHere)).GetStringAsync(page);
        Assert.Contains("/Reports/Cases?", manager);
        var analyst = await (await fixture.ClientAsync(Actor.Analyst)).GetStringAsync(page);
        Assert.DoesNotContain("/Reports/Cases", analyst);
        using var refused = await (await fixture.ClientAsync(Actor.Analyst)).GetAsync($"/Reports/Cases?from={today}&to={today}&measure=enrolled");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "");
    }

    /// <summary>A case of Rinkeby-Kista at Jobbtorg Kista, referred and enrolled today.</summary>
    private async Task<string> KistaCaseAsync()
    {
        var caseRef = $"RK-{Guid.NewGuid():N}"[..16];
        var today = fixture.Today.ToString("yyyy-MM-dd");
        var lines = string.Concat(
            Reports.CaseEvents.Referral(caseRef, TestPeople.Adult(fixture.Today), today, "rinkeby-kista") + "\n",
            Reports.CaseEvents.Enrolment(caseRef, today, "kista", "coach-kista") + "\n");
        var imported = await (await fixture.ClientAsync(Actor.KeyAllScopes))
            .PostAsync("/api/import/case-events", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        return caseRef;
    }
}
