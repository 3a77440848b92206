using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Identity;
using Jobbtorg.Tests.Assessments;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Matching;

/// <summary>The app for the matching tests: keys for a matching system, an employer register and one with neither, a Farsta
/// coach and matcher signed in, and helpers to make assessed cases, employers and vacancies as the app does.</summary>
public sealed class MatchingApp : IAsyncLifetime
{
    public const string MatchingKey = "matching-write-key";
    public const string EmployersKey = "matching-employers-key";
    public const string EmployersReadKey = "matching-employers-read-key";

    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:ApiKeys:3:Name"] = "matching-system", ["Jobbtorg:ApiKeys:3:Key"] = MatchingKey, ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.MatchingWrite,
        ["Jobbtorg:ApiKeys:4:Name"] = "employer-register", ["Jobbtorg:ApiKeys:4:Key"] = EmployersKey, ["Jobbtorg:ApiKeys:4:Scopes:0"] = Scopes.EmployersWrite,
        ["Jobbtorg:ApiKeys:5:Name"] = "employer-reader", ["Jobbtorg:ApiKeys:5:Key"] = EmployersReadKey, ["Jobbtorg:ApiKeys:5:Scopes:0"] = Scopes.EmployersRead,
    });

    public AppUser Coach { get; private set; } = null!;
    public HttpClient CoachClient { get; private set; } = null!;
    public HttpClient MatcherClient { get; private set; } = null!;
    public HttpClient Api => App.ApiClient(MatchingKey);
    public DateOnly Today => App.Today;
    private int employerSequence;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Kim Coach");
        CoachClient = await App.SignInAsync(Coach);
        MatcherClient = await App.SignInAsNewAsync(Roles.Matcher, centre: "farsta");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>An enrolled Farsta case whose in-depth assessment gives the availability and the answers.</summary>
    public async Task<int> PersonAsync(Availability availability, params (string Key, string Value)[] answers)
    {
        var caseId = await StaffKit.OpenCaseAsync(App, Coach, consent: true);
        await AssessmentKit.SignAsync(App, caseId, Instrument.InDepth, availability, NeedCategory.Standard, answers: answers);
        return caseId;
    }

    /// <summary>A new employer (a fictitious organisation number with a right check digit) with one open vacancy.</summary>
    public async Task<int> VacancyAsync(string occupation, int places = 1, string kind = "Employment", string? language = null, string? level = null,
        string? licence = null, int lastDay = 14)
    {
        var number = OrganisationNumberFor(Interlocked.Increment(ref employerSequence));
        var employer = await App.ApiClient(EmployersKey).PostAsJsonAsync("/api/employers", new { organisationNumber = number, name = $"Matchning {number} AB", industry = "Q" });
        Assert.Equal(HttpStatusCode.Created, employer.StatusCode);
        var employerId = (await employer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var vacancy = await App.ApiClient(EmployersKey).PostAsJsonAsync("/api/vacancies", new
        {
            employerId, title = "Tjänst " + occupation, occupation, kind, places, hoursPerWeek = 40, placeOfWork = "Farsta",
            startDate = Iso(Today.AddDays(30)), lastDayToPropose = Iso(Today.AddDays(lastDay)), language, languageLevel = level, drivingLicence = licence,
        });
        Assert.Equal(HttpStatusCode.Created, vacancy.StatusCode);
        return (await vacancy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>559901xxxx with its Luhn check digit: an organisation number no real company holds in the tests' database.</summary>
    private static string OrganisationNumberFor(int n)
    {
        var nine = $"559901{n % 1000:D3}";
        var sum = nine.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(d => d / 10 + d % 10);
        return nine + (10 - sum % 10) % 10;
    }

    public async Task<HttpResponseMessage> ProposeAsync(int vacancyId, int caseId, HttpClient? client = null) =>
        await (client ?? Api).PostAsJsonAsync($"/api/vacancies/{vacancyId}/proposals", new { caseId });

    public async Task<int> ProposedAsync(int vacancyId, int caseId)
    {
        var response = await ProposeAsync(vacancyId, caseId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public Task<HttpResponseMessage> StepAsync(int proposalId, object step) => Api.PostAsJsonAsync($"/api/proposals/{proposalId}/steps", step);

    public async Task CloseAsync(int caseId)
    {
        var caseRef = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseRef).SingleAsync());
        var line = $$"""{"type":"closure","caseRef":"{{caseRef}}","date":"{{Iso(Today)}}","reason":"Other","subReason":"Moved"}""" + "\n";
        var imported = await App.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<Dictionary<string, string>> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await JsonOf(response)).GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }
}
