using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Placements;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Employers;

[Trait("Category", "Http")]
public sealed class EmployerApiTests(EmployersApp fixture) : IClassFixture<EmployersApp>
{
    private HttpClient Writer => fixture.App.ApiClient(EmployersApp.WriteKey);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<Dictionary<string, string[]>> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task<int> RegisterAsync(string number, string name, string? unit = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Writer.PostAsJsonAsync("/api/employers", new { organisationNumber = number, unit, name, industry = "G" });
        Assert.Equal(expected, response.StatusCode);
        return (await JsonOf(response)).GetProperty("id").GetInt32();
    }

    private object Vacancy(int employerId, string occupation = "9332", int places = 3) => new
    {
        employerId, title = "Lagerarbetare", occupation, kind = "Employment", places, hoursPerWeek = 40, placeOfWork = "Årsta",
        startDate = Iso(fixture.Today.AddDays(30)), lastDayToPropose = Iso(fixture.Today.AddDays(14)),
        language = "sv", languageLevel = "B1", drivingLicence = "B",
    };

    private Task<int> CountAsync<T>() where T : class => fixture.App.WithDbAsync(db => db.Set<T>().CountAsync());

    [Fact]
    public async Task Registering_an_employer_twice_leads_to_the_one_there_is_and_a_unit_is_an_employer_of_its_own()
    {
        var first = await RegisterAsync("5599002010", "Dubblett AB");
        Assert.Equal(first, await RegisterAsync("559900-2010", "Dubblett AB (igen)", expected: HttpStatusCode.OK));
        var unit = await RegisterAsync("5599002010", "Dubblett AB", unit: "Lager Syd");
        Assert.NotEqual(first, unit);
        Assert.Equal(unit, await RegisterAsync("5599002010", "Dubblett AB", unit: " lager syd ", expected: HttpStatusCode.OK));
        Assert.Equal(2, await fixture.App.WithDbAsync(db => db.Set<Employer>().CountAsync(e => e.OrganisationNumber == "5599002010")));
    }

    [Fact]
    public async Task Employers_are_found_by_name_in_any_case_or_by_the_start_of_their_organisation_number()
    {
        var id = await RegisterAsync("5599002028", "Ängby Åkeri AB");
        var reader = fixture.App.ApiClient(EmployersApp.ReadKey);
        foreach (var q in new[] { "ängby åkeri", "ÄNGBY", "559900-202", "5599002028" })
        {
            var found = await reader.GetFromJsonAsync<JsonElement>($"/api/employers?q={Uri.EscapeDataString(q)}");
            Assert.Contains(found.EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
        }
        var none = await reader.GetFromJsonAsync<JsonElement>("/api/employers?q=finns-inte");
        Assert.Equal(0, none.GetArrayLength());
    }

    [Fact]
    public async Task A_bad_employer_is_refused_by_field_and_nothing_is_stored()
    {
        var before = await CountAsync<Employer>();
        var person = Jobbtorg.Tests.Http.TestPeople.Adult(fixture.Today)[2..];
        var errors = await ErrorsOf(await Writer.PostAsJsonAsync("/api/employers", new { organisationNumber = person, name = "", industry = "G" }));
        Assert.Contains("organisationNumber", errors.Keys);
        Assert.Contains("name", errors.Keys);
        var industry = await ErrorsOf(await Writer.PostAsJsonAsync("/api/employers", new { organisationNumber = "5599002036", name = "X", industry = "Z" }));
        Assert.Contains("industry", industry.Keys);
        Assert.Equal(before, await CountAsync<Employer>());
    }

    [Fact]
    public async Task Contact_people_are_added_through_the_api_and_kept_on_the_page()
    {
        var id = await RegisterAsync("5599002044", "Kontakt AB");
        var added = await Writer.PostAsJsonAsync($"/api/employers/{id}/contacts", new { name = "Anna Exempel", role = "HR", phone = "08-555 000 00", email = "anna@kontakt.example" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var errors = await ErrorsOf(await Writer.PostAsJsonAsync($"/api/employers/{id}/contacts", new { name = "Bo", email = "inte-en-adress" }));
        Assert.Equal(["email"], errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Writer.PostAsJsonAsync("/api/employers/999999/contacts", new { name = "Bo" })).StatusCode);

        var matcher = await fixture.App.SignInAsNewAsync(Roles.Matcher, centre: "farsta");
        var contactId = await fixture.App.WithDbAsync(db => db.Set<EmployerContact>().Where(c => c.EmployerId == id).Select(c => c.Id).SingleAsync());
        var page = $"/Employers/Details/{id}";
        var edited = await matcher.SubmitFormAsync($"{page}?edit={contactId}", new() { ["Contact.Name"] = "Anna Exempel", ["Contact.Role"] = "Rekryterare" },
            $"{page}?handler=EditContact&contactId={contactId}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Rekryterare", await matcher.GetStringAsync(page));
        var removed = await matcher.SubmitFormAsync(page, [], $"{page}?handler=RemoveContact&contactId={contactId}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Set<EmployerContact>().CountAsync(c => c.EmployerId == id)));
    }

    [Fact]
    public async Task A_vacancy_is_registered_listed_by_filter_and_withdrawn_with_a_reason()
    {
        var employer = await RegisterAsync("5599002051", "Platsbolaget AB");
        var created = await Writer.PostAsJsonAsync("/api/vacancies", Vacancy(employer));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonOf(created)).GetProperty("id").GetInt32();

        var reader = fixture.App.ApiClient(EmployersApp.ReadKey);
        async Task<bool> Listed(string query) =>
            (await reader.GetFromJsonAsync<JsonElement>($"/api/vacancies?{query}")).EnumerateArray().Any(v => v.GetProperty("id").GetInt32() == id);
        Assert.True(await Listed($"status=Open&kind=Employment&occupation=93&employer={employer}&text=platsbolaget"));
        Assert.False(await Listed("occupation=5"));
        Assert.False(await Listed("kind=Internship"));

        var noReason = await ErrorsOf(await Writer.PostAsJsonAsync($"/api/vacancies/{id}/withdraw", new { reason = "" }));
        Assert.Equal(["reason"], noReason.Keys);
        var withdrawn = await Writer.PostAsJsonAsync($"/api/vacancies/{id}/withdraw", new { reason = "Tjänsten tillsattes internt" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await JsonOf(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Writer.PostAsJsonAsync($"/api/vacancies/{id}/withdraw", new { reason = "Igen" })).StatusCode);
        Assert.True(await Listed("status=Withdrawn"));

        var details = await reader.GetFromJsonAsync<JsonElement>($"/api/employers/{employer}");
        Assert.Equal("Tjänsten tillsattes internt", details.GetProperty("vacancies")[0].GetProperty("withdrawalReason").GetString());
    }

    [Fact]
    public async Task A_bad_vacancy_is_refused_by_field_in_the_readers_language_and_nothing_is_stored()
    {
        var employer = await RegisterAsync("5599002069", "Felbolaget AB");
        var before = await CountAsync<Vacancy>();
        var unknown = await ErrorsOf(await Writer.PostAsJsonAsync("/api/vacancies", Vacancy(employer, occupation: "9999")));
        Assert.Equal(["occupation"], unknown.Keys);
        var tooMany = await ErrorsOf(await Writer.PostAsJsonAsync("/api/vacancies", Vacancy(employer, places: 501)));
        Assert.Equal(["places"], tooMany.Keys);
        var noEmployer = await ErrorsOf(await Writer.PostAsJsonAsync("/api/vacancies", Vacancy(999999)));
        Assert.Equal(["employerId"], noEmployer.Keys);
        var swedish = new HttpRequestMessage(HttpMethod.Post, "/api/vacancies") { Content = JsonContent.Create(Vacancy(employer, occupation: "9999")) };
        swedish.Headers.AcceptLanguage.ParseAdd("sv");
        var inSwedish = await ErrorsOf(await Writer.SendAsync(swedish));
        Assert.Equal("9999 är ingen yrkesgrupp i SSYK 2012.", inSwedish["occupation"].Single());
        Assert.Equal(before, await CountAsync<Vacancy>());
    }

    [Fact]
    public async Task The_employer_page_counts_the_placements_at_its_organisation_number_and_names_no_one()
    {
        var employer = await RegisterAsync("5599002077", "Placeringar AB");
        var caseId = await fixture.App.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Participant).FirstOrDefaultAsync();
            return c?.Id;
        });
        var admin = await fixture.App.SignInAsNewAsync(Roles.Administrator);
        if (caseId is null)
        {
            var referral = await admin.PostAsJsonAsync("/api/referrals", new
            {
                personalNumber = Jobbtorg.Tests.Http.TestPeople.Adult(fixture.Today), firstName = "Placerad", lastName = "Hemligsson",
                district = "enskede-arsta-vantor", targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            });
            Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
            caseId = int.Parse(referral.Headers.Location!.OriginalString.Split('/').Last());
        }
        await fixture.App.WithDbAsync(async db =>
        {
            db.Placements.Add(new Placement { CaseId = caseId.Value, Kind = PlacementKind.Internship, StartDate = fixture.Today, EmployerOrganisationNumber = "5599002077" });
            db.Placements.Add(new Placement { CaseId = caseId.Value, Kind = PlacementKind.Internship, StartDate = fixture.Today, EmployerOrganisationNumber = "5599002077" });
            return await db.SaveChangesAsync();
        });
        var names = await fixture.App.WithDbAsync(db => db.Participants.Select(p => p.LastName ?? "").Where(n => n != "").ToListAsync());
        var coach = await fixture.App.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var page = await coach.GetStringAsync($"/Employers/Details/{employer}");
        Assert.Contains("Placeringar AB", page);
        Assert.Contains(": 2</li>", page);
        Assert.DoesNotContain(names, n => page.Contains(n));
        var api = await fixture.App.ApiClient(EmployersApp.ReadKey).GetFromJsonAsync<JsonElement>($"/api/employers/{employer}");
        Assert.Equal(2, api.GetProperty("placements")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_matcher_registers_an_employer_and_a_vacancy_on_the_pages_and_lands_on_the_existing_employer_the_second_time()
    {
        var matcher = await fixture.App.SignInAsNewAsync(Roles.Matcher, centre: "farsta");
        var form = new Dictionary<string, string>
        {
            ["Input.OrganisationNumber"] = "559900-2085", ["Input.Unit"] = "", ["Input.Name"] = "Sidföretaget AB", ["Input.Industry"] = "C",
            ["Input.VisitingAddress"] = "Gatan 1", ["Input.PostalAddress"] = "", ["Input.IsCityAdministration"] = "false",
        };
        var first = await matcher.SubmitFormAsync("/Employers", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await matcher.SubmitFormAsync("/Employers", form);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var id = int.Parse(first.Headers.Location!.OriginalString.Split('/').Last());

        var bad = await matcher.SubmitFormAsync($"/Employers/NewVacancy/{id}", new()
        {
            ["Input.Title"] = "Montör", ["Input.Occupation"] = "0000", ["Input.Kind"] = "Internship", ["Input.Places"] = "1", ["Input.HoursPerWeek"] = "40",
            ["Input.PlaceOfWork"] = "Fabriken", ["Input.StartDate"] = Iso(fixture.Today.AddDays(10)), ["Input.LastDayToPropose"] = Iso(fixture.Today.AddDays(5)),
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("0000 är ingen yrkesgrupp i SSYK 2012.", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var good = await matcher.SubmitFormAsync($"/Employers/NewVacancy/{id}", new()
        {
            ["Input.Title"] = "Montör", ["Input.Occupation"] = "8211 Montörer", ["Input.Kind"] = "Internship", ["Input.Places"] = "1", ["Input.HoursPerWeek"] = "40",
            ["Input.PlaceOfWork"] = "Fabriken", ["Input.StartDate"] = Iso(fixture.Today.AddDays(10)), ["Input.LastDayToPropose"] = Iso(fixture.Today.AddDays(5)),
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var vacancyPage = good.Headers.Location!.OriginalString;
        var filled = await matcher.SubmitFormAsync(vacancyPage, [], $"{vacancyPage}?handler=Filled");
        Assert.Equal(HttpStatusCode.Redirect, filled.StatusCode);
        Assert.Contains("Tillsatt", await matcher.GetStringAsync(vacancyPage));
    }
}
