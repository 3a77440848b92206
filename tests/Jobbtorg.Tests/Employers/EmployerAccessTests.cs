using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Employers;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Employers;

/// <summary>Who may read and keep employers and vacancies, on the pages and through the API: the same permission for both.</summary>
[Trait("Category", "Http")]
public sealed class EmployerAccessTests(EmployersApp fixture) : IClassFixture<EmployersApp>
{
    private static readonly string[] Readers = [Roles.Coach, Roles.Matcher, Roles.Manager, Roles.Administrator];
    private static readonly string[] Keepers = [Roles.Matcher, Roles.Manager, Roles.Administrator];

    private Task<HttpClient> StaffAsync(string role) => role switch
    {
        Roles.CaseWorker => fixture.App.SignInAsNewAsync(role, district: "enskede-arsta-vantor"),
        Roles.Coach or Roles.Matcher or Roles.Manager => fixture.App.SignInAsNewAsync(role, centre: "farsta"),
        _ => fixture.App.SignInAsNewAsync(role),
    };

    private async Task<(int Employer, int Vacancy)> SomethingToSeeAsync()
    {
        var writer = fixture.App.ApiClient(EmployersApp.WriteKey);
        var employer = await writer.PostAsJsonAsync("/api/employers", new { organisationNumber = "5599002093", name = "Åtkomst AB", industry = "N" });
        var employerId = (await employer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var vacancy = await writer.PostAsJsonAsync("/api/vacancies", new
        {
            employerId, title = "Städare", occupation = "9111", kind = "Internship", places = 1, hoursPerWeek = 20, placeOfWork = "Kista",
            startDate = fixture.Today.AddDays(20).ToString("yyyy-MM-dd"), lastDayToPropose = fixture.Today.AddDays(10).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, vacancy.StatusCode);
        return (employerId, (await vacancy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Staff_read_and_keep_employers_as_their_role_allows_on_the_pages_and_the_api_and_see_the_menu_item_when_they_may()
    {
        var (employer, vacancy) = await SomethingToSeeAsync();
        foreach (var role in Roles.All)
        {
            var client = await StaffAsync(role);
            var reads = Readers.Contains(role);
            foreach (var page in new[] { "/Employers", $"/Employers/Details/{employer}", "/Employers/Vacancies", $"/Employers/Vacancy/{vacancy}" })
            {
                var response = await client.GetAsync(page);
                Assert.True(reads == (response.StatusCode == HttpStatusCode.OK), $"{role} GET {page}: {response.StatusCode}");
            }
            var api = await client.GetAsync($"/api/employers/{employer}");
            Assert.True(reads == (api.StatusCode == HttpStatusCode.OK), $"{role} GET /api/employers/{employer}: {api.StatusCode}");
            // Where "/" leads: a provider's and a log reviewer's start pages are elsewhere.
            var home = await client.GetAsync("/");
            var start = home.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(home.Headers.Location) : await home.Content.ReadAsStringAsync();
            Assert.True(reads == start.Contains("href=\"/Employers\""), $"{role}: the menu item");

            var keeps = Keepers.Contains(role);
            var newVacancy = await client.GetAsync($"/Employers/NewVacancy/{employer}");
            Assert.True(keeps == (newVacancy.StatusCode == HttpStatusCode.OK), $"{role} GET NewVacancy: {newVacancy.StatusCode}");
            var name = $"Kontakt {role}";
            var contact = await client.PostAsJsonAsync($"/api/employers/{employer}/contacts", new { name });
            Assert.True(keeps == (contact.StatusCode == HttpStatusCode.Created), $"{role} POST contacts: {contact.StatusCode}");
            Assert.Equal(keeps, await fixture.App.WithDbAsync(db => db.Set<EmployerContact>().AnyAsync(c => c.Name == name)));
        }
    }

    [Fact]
    public async Task Keys_read_with_employers_read_and_keep_with_employers_write_and_other_scopes_reach_nothing()
    {
        var (employer, vacancy) = await SomethingToSeeAsync();
        var reader = fixture.App.ApiClient(EmployersApp.ReadKey);
        var writer = fixture.App.ApiClient(EmployersApp.WriteKey);
        var other = fixture.App.ApiClient(EmployersApp.ReportsKey);
        foreach (var url in new[] { "/api/employers?q=Åtkomst", $"/api/employers/{employer}", "/api/vacancies", $"/api/vacancies/{vacancy}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.AnonymousClient().GetAsync("/api/employers")).StatusCode);

        var before = await fixture.App.WithDbAsync(db => db.Set<Vacancy>().CountAsync(v => v.Status == VacancyStatus.Withdrawn));
        foreach (var refused in new[] { reader, other })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsJsonAsync("/api/employers", new { organisationNumber = "5599002101", name = "Nej AB", industry = "A" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsJsonAsync($"/api/employers/{employer}/contacts", new { name = "Nej" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsJsonAsync($"/api/vacancies/{vacancy}/withdraw", new { reason = "Nej" })).StatusCode);
        }
        Assert.False(await fixture.App.WithDbAsync(db => db.Set<Employer>().AnyAsync(e => e.OrganisationNumber == "5599002101")));
        Assert.Equal(before, await fixture.App.WithDbAsync(db => db.Set<Vacancy>().CountAsync(v => v.Status == VacancyStatus.Withdrawn)));
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsJsonAsync($"/api/vacancies/{vacancy}/withdraw", new { reason = "Ja" })).StatusCode);
        // A key that keeps employers reads no case.
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/api/cases")).StatusCode);
    }
}
