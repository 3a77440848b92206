using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Placements;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Placements;

/// <summary>An application with a matching system's key (scope <c>placements:write</c>) beside the usual ones.</summary>
public sealed class PlacementApp : IAsyncLifetime
{
    public const string MatchingKey = "matching-system-key";

    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:ApiKeys:3:Name"] = "matching",
        ["Jobbtorg:ApiKeys:3:Key"] = MatchingKey,
        ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.PlacementsWrite,
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Placements recorded and ended through the API and the pages: the rules name the field in the reader's
/// language, nothing is stored on bad input, and the case page shows the placements and their history.</summary>
[Trait("Category", "Http")]
public sealed class PlacementApiTests(PlacementApp fixture) : IClassFixture<PlacementApp>
{
    private JobbtorgAppFactory App => fixture.App;
    private HttpClient Matching => App.ApiClient(PlacementApp.MatchingKey);
    private string Today => App.Today.ToString("yyyy-MM-dd");
    private string Day(int days) => App.Today.AddDays(days).ToString("yyyy-MM-dd");

    private async Task<int> CaseAsync() => await StaffKit.OpenCaseAsync(App, await App.CreateUserAsync(Roles.Coach, centre: "farsta"), consent: true);

    private object Employment(string? start = null, string? end = null, string kind = "Employment", string wage = "CollectiveAgreement",
        string? subsidy = null, string? organisation = "2120000142", int hours = 40, bool matched = true) => new
    {
        kind, start = start ?? Today, end, employerName = "Stockholms stad", employerOrganisationNumber = organisation, hoursPerWeek = hours,
        wageForm = wage, subsidy, matched, note = "Via matchningen.",
    };

    private Task<int> StoredAsync(int caseId) => App.WithDbAsync(db => db.Placements.CountAsync(p => p.CaseId == caseId));

    private static async Task<Dictionary<string, string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }

    [Fact]
    public async Task A_placement_is_recorded_listed_and_ended_and_a_municipal_job_s_end_sets_its_follow_up_day()
    {
        var caseId = await CaseAsync();

        var recorded = await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(kind: "MunicipalJob"));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var ended = await Matching.PostAsJsonAsync($"/api/placements/{id}/end", new { end = Day(30) });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var listed = await App.ApiClient(JobbtorgAppFactory.EavKey).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/placements");
        var placement = Assert.Single(listed.EnumerateArray());
        Assert.Equal("MunicipalJob", placement.GetProperty("kind").GetString());
        Assert.Equal("Stockholms stad", placement.GetProperty("employerName").GetString());
        Assert.Equal("CollectiveAgreement", placement.GetProperty("wageForm").GetString());
        Assert.True(placement.GetProperty("matched").GetBoolean());
        Assert.Equal("matching", placement.GetProperty("recordedBy").GetString());
        Assert.Equal(Day(30), placement.GetProperty("end").GetString());
        Assert.Equal(App.Today.AddDays(30).AddMonths(3).ToString("yyyy-MM-dd"), placement.GetProperty("followUpOn").GetString());

        // Ending it again is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await Matching.PostAsJsonAsync($"/api/placements/{id}/end", new { end = Day(31) })).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_district_hears_when_a_placement_starts_and_ends_with_its_details_only_while_the_person_consents(bool consent)
    {
        var caseId = await StaffKit.OpenCaseAsync(App, await App.CreateUserAsync(Roles.Coach, centre: "farsta"), consent);
        var recorded = await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(kind: "MunicipalJob"));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await Matching.PostAsJsonAsync($"/api/placements/{id}/end", new { end = Day(30) })).StatusCode);
        // A refused end writes no message.
        Assert.Equal(HttpStatusCode.Conflict, (await Matching.PostAsJsonAsync($"/api/placements/{id}/end", new { end = Day(31) })).StatusCode);

        var messages = await App.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == caseId
                && (m.Kind == Features.DistrictMessages.MessageKind.PlacementStarted || m.Kind == Features.DistrictMessages.MessageKind.PlacementEnded))
            .OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([Features.DistrictMessages.MessageKind.PlacementStarted, Features.DistrictMessages.MessageKind.PlacementEnded], messages.Select(m => m.Kind));
        // The note is the job centre's own, consent or not.
        Assert.All(messages, m => Assert.DoesNotContain("Via matchningen", m.Body));
        var started = JsonDocument.Parse(messages[0].Body).RootElement;
        var ended = JsonDocument.Parse(messages[1].Body).RootElement;
        if (consent)
        {
            Assert.Equal($"Deltagaren har fått Stockholmsjobb hos Stockholms stad från och med {Today}, 40 timmar i veckan.", started.GetProperty("text").GetString());
            var details = started.GetProperty("details");
            Assert.Equal(("MunicipalJob", Today, 40, "2120000142"), (details.GetProperty("kind").GetString(), details.GetProperty("startDate").GetString(),
                details.GetProperty("hoursPerWeek").GetInt32(), details.GetProperty("employer").GetProperty("organisationNumber").GetString()));
            Assert.Equal($"Deltagarens Stockholmsjobb hos Stockholms stad slutar {Day(30)}.", ended.GetProperty("text").GetString());
            Assert.Equal(Day(30), ended.GetProperty("details").GetProperty("endDate").GetString());
        }
        else
            foreach (var body in new[] { started, ended })
            {
                Assert.True(body.GetProperty("consentRequired").GetBoolean());
                Assert.Equal(JsonValueKind.Null, body.GetProperty("details").ValueKind);
                Assert.DoesNotContain("Stockholms stad", body.GetRawText());
            }
    }

    [Fact]
    public async Task A_job_under_way_suggests_closing_the_case_to_work_and_the_close_page_comes_filled_in()
    {
        var coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta");
        var caseId = await StaffKit.OpenCaseAsync(App, coach, consent: true);
        var client = await App.SignInAsync(coach);
        Assert.Equal(HttpStatusCode.OK, (await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements",
            new { kind = "Internship", start = Today, employerName = "Praktik AB", hoursPerWeek = 20, wageForm = "Unpaid" })).StatusCode);
        Assert.DoesNotContain("closure-suggestion", await client.GetStringAsync($"/Cases/Details/{caseId}"));

        Assert.Equal(HttpStatusCode.OK, (await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(kind: "Employment"))).StatusCode);
        var page = await client.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Anställning pågår: ärendet kan avslutas till arbete (", page);
        Assert.Contains($"/Cases/Close/{caseId}?reason=Work&amp;subReason=Unsubsidised", page);
        var close = await client.GetStringAsync($"/Cases/Close/{caseId}?reason=Work&subReason=Unsubsidised");
        Assert.Matches("<option[^>]*selected=\"selected\"[^>]*value=\"Work\"|<option[^>]*value=\"Work\"[^>]*selected=\"selected\"", close);
        Assert.Matches("<option[^>]*value=\"Unsubsidised\"[^>]*selected=\"selected\"|<option[^>]*selected=\"selected\"[^>]*value=\"Unsubsidised\"", close);
        // A made-up reason fills nothing in and breaks nothing.
        Assert.DoesNotContain("selected=\"selected\"", await client.GetStringAsync($"/Cases/Close/{caseId}?reason=Bogus&subReason=Nope"));

        // The district's case worker reads the placements but closes nothing: no suggestion.
        var district = await App.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor");
        Assert.DoesNotContain("closure-suggestion", await district.GetStringAsync($"/Cases/Details/{caseId}"));
    }

    [Fact]
    public async Task Each_bad_field_is_named_and_nothing_is_stored()
    {
        var caseId = await CaseAsync();
        async Task<Dictionary<string, string>> Refused(object request) =>
            await FieldErrorsAsync(await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", request));

        Assert.Equal("This is a personal identity number, not an organisation number.",
            (await Refused(Employment(organisation: TestPeople.Adult(App.Today))))["employerOrganisationNumber"]);
        Assert.Contains("check digit", (await Refused(Employment(organisation: "2120000143")))["employerOrganisationNumber"]);
        Assert.Equal("The hours a week must be from 1 to 60.", (await Refused(Employment(hours: 61)))["hoursPerWeek"]);
        Assert.Equal("The hours a week must be from 1 to 60.", (await Refused(Employment(hours: 0)))["hoursPerWeek"]);
        Assert.Equal("An internship is unpaid.", (await Refused(Employment(kind: "Internship")))["wageForm"]);
        Assert.Equal("Choose the form of subsidy of the subsidised employment.", (await Refused(Employment(kind: "SubsidizedEmployment")))["subsidy"]);
        Assert.Equal("Only a subsidised employment has a form of subsidy.", (await Refused(Employment(subsidy: "NewStartJob")))["subsidy"]);
        Assert.StartsWith("'Bogus' is not a kind of placement", (await Refused(Employment(kind: "Bogus")))["kind"]);
        Assert.StartsWith("'unpaid' is not a wage form", (await Refused(Employment(wage: "unpaid")))["wageForm"]);
        Assert.StartsWith("The placement cannot start before the case was enrolled", (await Refused(Employment(start: Day(-1))))["start"]);
        Assert.StartsWith("The placement cannot end before it starts", (await Refused(Employment(start: Day(5), end: Day(4))))["end"]);
        Assert.Equal("Enter the employer's name.", (await Refused(new { kind = "Employment", start = Today, hoursPerWeek = 10, wageForm = "AgreedWage" }))["employerName"]);
        Assert.Equal(0, await StoredAsync(caseId));

        // In Swedish when the reader asks for it.
        var swedish = App.ApiClient(PlacementApp.MatchingKey);
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        Assert.Equal("En praktik är oavlönad.",
            (await FieldErrorsAsync(await swedish.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(kind: "Internship"))))["wageForm"]);
        Assert.Equal("Det här är ett personnummer, inte ett organisationsnummer.",
            (await FieldErrorsAsync(await swedish.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(organisation: TestPeople.Adult(App.Today)))))["employerOrganisationNumber"]);
    }

    [Fact]
    public async Task Placements_of_one_kind_do_not_overlap_and_a_closed_case_gets_none()
    {
        var caseId = await CaseAsync();
        Assert.Equal(HttpStatusCode.OK, (await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(end: Day(10)))).StatusCode);

        var overlapping = await FieldErrorsAsync(await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(start: Day(10))));
        var otherKind = await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(start: Day(5), kind: "Internship", wage: "Unpaid"));
        var after = await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(start: Day(11)));

        Assert.StartsWith("The case already has a placement of this kind", overlapping["start"]);
        Assert.Equal(HttpStatusCode.OK, otherKind.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(3, await StoredAsync(caseId));

        await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, Jobbtorg.Features.Cases.CaseStatus.Closed).SetProperty(c => c.ClosureDate, App.Today)
            .SetProperty(c => c.ClosureReason, Jobbtorg.Features.Cases.ClosureReason.Studies)));
        Assert.Equal(HttpStatusCode.Conflict, (await Matching.PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment(start: Day(40)))).StatusCode);
        Assert.Equal(3, await StoredAsync(caseId));
    }

    [Fact]
    public async Task Reading_needs_the_case_in_reach_and_recording_the_permission()
    {
        var caseId = await CaseAsync();
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");

        Assert.Equal(HttpStatusCode.OK, (await App.ApiClient(JobbtorgAppFactory.EavKey).GetAsync($"/api/cases/{caseId}/placements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync($"/api/cases/{caseId}/placements", Employment())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClient(JobbtorgAppFactory.NoScopeKey).GetAsync($"/api/cases/{caseId}/placements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Matching.GetAsync("/api/cases/999999/placements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Matching.PostAsJsonAsync("/api/placements/999999/end", new { end = Today })).StatusCode);
        // A manager reads the case page's placements but records none.
        var newPage = await manager.GetAsync($"/Cases/Placements/{caseId}/New");
        Assert.Equal("/Account/AccessDenied", newPage.Headers.Location?.AbsolutePath ?? new Uri(new Uri("http://localhost"), newPage.Headers.Location!).AbsolutePath);
        Assert.Equal(0, await StoredAsync(caseId));
    }

    [Fact]
    public async Task The_coach_records_and_ends_a_placement_on_the_pages_and_the_case_page_shows_it_and_its_history()
    {
        var coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta");
        var caseId = await StaffKit.OpenCaseAsync(App, coach, consent: true);
        var client = await App.SignInAsync(coach);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "MunicipalJob", ["Input.EmployerName"] = "Stockholms stad", ["Input.EmployerOrganisationNumber"] = "212000-0142",
            ["Input.Start"] = Today, ["Input.HoursPerWeek"] = "70", ["Input.WageForm"] = "CollectiveAgreement", ["Input.Matched"] = "true",
        };

        var refused = await client.SubmitFormAsync($"/Cases/Placements/{caseId}/New", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Timmar i veckan ska vara från 1 till 60.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await StoredAsync(caseId));

        form["Input.HoursPerWeek"] = "35";
        var recorded = await client.SubmitFormAsync($"/Cases/Placements/{caseId}/New", form);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var id = await App.WithDbAsync(db => db.Placements.Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
        var ended = await client.SubmitFormAsync($"/Cases/Placements/End/{id}", new() { ["EndDate"] = Day(20) });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var page = await client.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"case-placements\"", page);
        Assert.Contains("Stockholmsjobb", page);
        Assert.Contains("Placering började: Stockholmsjobb hos Stockholms stad.", page);
        Assert.Contains("Placering slutade: Stockholmsjobb hos Stockholms stad.", page);
        Assert.Contains(App.Today.AddDays(20).AddMonths(3).ToString("yyyy-MM-dd"), page); // the follow-up day of the municipal job
    }
}
