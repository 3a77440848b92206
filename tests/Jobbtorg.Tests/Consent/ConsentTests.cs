using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Consent;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Consent;

/// <summary>Consent over time on the shared application: recorded after the referral and withdrawn, on the case page and
/// through the API, with its history; bad dates refused by field with nothing stored; the district's case worker loses the
/// plan while consent is withdrawn.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ConsentTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    private async Task<int> ReferAsync(bool consent, DateOnly? referralDate = null)
    {
        var referred = referralDate ?? app.Today;
        var response = await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName = "Sam", lastName = "Samtyckesson", district = District,
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, referralDate = Iso(referred),
            consentGiven = consent, consentDate = consent ? Iso(referred) : null,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<List<ConsentRecord>> RecordsAsync(int caseId) =>
        app.WithDbAsync(db => db.ConsentRecords.Where(r => r.CaseId == caseId).OrderBy(r => r.Id).ToListAsync());

    private async Task<(bool Given, DateOnly? Date, int Version)> StateAsync(int caseId)
    {
        var c = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => new { c.ConsentGiven, c.ConsentDate, c.Version }).SingleAsync());
        return (c.ConsentGiven, c.ConsentDate, c.Version);
    }

    [Fact]
    public async Task A_referral_with_consent_writes_the_first_record_and_one_without_writes_none()
    {
        var with = await ReferAsync(consent: true);
        var without = await ReferAsync(consent: false);

        var first = Assert.Single(await RecordsAsync(with));
        Assert.True(first.Given);
        Assert.Equal(app.Today, first.Date);
        Assert.Equal(ConsentSource.Referral, first.Source);
        Assert.Equal("eav-system", first.RecordedBy);
        Assert.Empty(await RecordsAsync(without));
    }

    [Fact]
    public async Task A_case_worker_records_consent_after_the_referral_and_the_case_shows_it_as_history()
    {
        var caseId = await ReferAsync(consent: false, referralDate: app.Today.AddDays(-20));
        var worker = await app.CreateUserAsync(Roles.CaseWorker, district: District, name: "Hedda Handläggare");
        var client = await app.SignInAsync(worker);

        var before = await client.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Samtycke till informationsutbyte", before);
        Assert.Contains("Registrera samtycke", before);

        var saved = await client.SubmitFormAsync($"/Cases/Consent/{caseId}",
            new() { ["Input.Given"] = "true", ["Input.Date"] = Iso(app.Today.AddDays(-3)) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal((true, app.Today.AddDays(-3)), ((await StateAsync(caseId)).Given, (await StateAsync(caseId)).Date));
        var record = Assert.Single(await RecordsAsync(caseId));
        Assert.Equal(("Hedda Handläggare", ConsentSource.Staff, true), (record.RecordedBy, record.Source, record.Given));

        var page = await client.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Samtycke lämnat", page);
        Assert.Contains("registrerat av Hedda Handläggare", page);
        Assert.Contains("Samtycke till informationsutbyte lämnat (registrerat av Hedda Handläggare).", page);
        Assert.Contains("Registrera återkallat samtycke", page);
    }

    [Fact]
    public async Task Given_then_withdrawn_through_the_api_answers_the_state_and_the_history_newest_first()
    {
        var caseId = await ReferAsync(consent: true, referralDate: app.Today.AddDays(-30));
        var key = app.ApiClient(JobbtorgAppFactory.EavKey);

        var withdrawn = await key.PutAsJsonAsync($"/api/cases/{caseId}/consent", new { given = false, date = Iso(app.Today.AddDays(-10)) });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var answer = (await withdrawn.Content.ReadFromJsonAsync<ConsentDto>(Json))!;
        Assert.False(answer.Given);
        Assert.Equal(app.Today.AddDays(-10), answer.Date);
        Assert.Equal([false, true], answer.History.Select(h => h.Given));
        Assert.Equal([ConsentSource.Api, ConsentSource.Referral], answer.History.Select(h => h.Source));

        var given = await key.PutAsJsonAsync($"/api/cases/{caseId}/consent", new { given = true, date = Iso(app.Today) });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var read = (await key.GetFromJsonAsync<ConsentDto>($"/api/cases/{caseId}/consent", Json))!;
        Assert.True(read.Given);
        Assert.Equal([app.Today, app.Today.AddDays(-10), app.Today.AddDays(-30)], read.History.Select(h => h.Date));
        Assert.True((await key.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("consentGiven").GetBoolean());
    }

    [Fact]
    public async Task A_case_stored_before_the_history_keeps_its_referral_consent_as_the_first_record()
    {
        var caseId = await ReferAsync(consent: false, referralDate: app.Today.AddDays(-15));
        // As a database from before the history: consent on the case, no record.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsentGiven, true).SetProperty(c => c.ConsentDate, app.Today.AddDays(-15))));
        var key = app.ApiClient(JobbtorgAppFactory.EavKey);
        Assert.Equal([true], (await key.GetFromJsonAsync<ConsentDto>($"/api/cases/{caseId}/consent", Json))!.History.Select(h => h.Given));

        Assert.Equal(HttpStatusCode.OK, (await key.PutAsJsonAsync($"/api/cases/{caseId}/consent", new { given = false, date = Iso(app.Today) })).StatusCode);

        var records = await RecordsAsync(caseId);
        Assert.Equal([(true, app.Today.AddDays(-15)), (false, app.Today)], records.Select(r => (r.Given, r.Date)));
    }

    public static TheoryData<string, bool?, string?, string, string> BadChanges => new()
    {
        // what, given, date, field, the Swedish message
        { "no date", false, null, "date", "Ange datum då personen lämnade eller återkallade samtycket." },
        { "no choice", null, "today", "given", "Välj om samtycket lämnades eller återkallades." },
        { "in the future", false, "tomorrow", "date", "Datumet kan inte ligga i framtiden." },
        { "before the referral", false, "before-referral", "date", "Datumet kan inte ligga före anvisningsdatumet" },
        { "before the latest change", true, "before-latest", "date", "Datumet kan inte ligga före den senaste ändringen av samtycket" },
        { "giving consent that stands", true, "today", "given", "Samtycke är redan lämnat." },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_change_is_refused_by_field_in_swedish_and_nothing_is_stored(string what, bool? given, string? date, string field, string message)
    {
        var referral = app.Today.AddDays(-20);
        var caseId = await ReferAsync(consent: true, referralDate: referral);
        var key = app.ApiClient(JobbtorgAppFactory.EavKey);
        if (what == "before the latest change")
        {
            // Withdrawn ten days ago: consent given again cannot be dated before that.
            Assert.Equal(HttpStatusCode.OK, (await key.PutAsJsonAsync($"/api/cases/{caseId}/consent", new { given = false, date = Iso(app.Today.AddDays(-10)) })).StatusCode);
        }
        var before = (await StateAsync(caseId), (await RecordsAsync(caseId)).Count);
        var day = date switch
        {
            null => null,
            "today" => Iso(app.Today),
            "tomorrow" => Iso(app.Today.AddDays(1)),
            "before-referral" => Iso(referral.AddDays(-1)),
            "before-latest" => Iso(app.Today.AddDays(-11)),
            _ => date,
        };

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{caseId}/consent") { Content = JsonContent.Create(new { given, date = day }) };
        request.Headers.AcceptLanguage.ParseAdd("sv");
        var response = await key.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString());

        // The page refuses the same, next to the field, and stores nothing either.
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var fields = new Dictionary<string, string> { ["Input.Date"] = day ?? "" };
        if (given is { } g) fields["Input.Given"] = g ? "true" : "false";
        var page = await admin.SubmitFormAsync($"/Cases/Consent/{caseId}", fields);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains($"data-valmsg-for=\"Input.{char.ToUpperInvariant(field[0])}{field[1..]}\"", html);

        Assert.Equal(before, (await StateAsync(caseId), (await RecordsAsync(caseId)).Count));
    }

    [Fact]
    public async Task The_district_case_worker_loses_the_plan_when_consent_is_withdrawn_and_sees_it_again_when_it_is_given()
    {
        var caseId = await ReferAsync(consent: true, referralDate: app.Today.AddDays(-10));
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Cases/Enrol/{caseId}", new() { ["EnrolmentDate"] = Iso(app.Today.AddDays(-5)), ["CoachId"] = coach.Id })).StatusCode);
        var activity = await app.WithDbAsync(db => db.ActivityTypes.Where(a => a.Code == "active-job-search").Select(a => a.Id).SingleAsync());
        var edit = $"/Plans/Edit/{caseId}";
        await admin.SubmitFormAsync(edit, new(), $"{edit}?handler=Start");
        await admin.SubmitFormAsync(edit, new() { ["Goal"] = "5223", ["Summary"] = "Butiksarbete" }, $"{edit}?handler=Goal");
        await admin.SubmitFormAsync(edit, new() { ["Activity.ActivityTypeId"] = activity.ToString(), ["Activity.StartDate"] = Iso(app.Today), ["Activity.HoursPerWeek"] = "20" }, $"{edit}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(edit, new() { ["AgreedOn"] = Iso(app.Today.AddDays(-2)), ["ParticipantAgrees"] = "true" }, $"{edit}?handler=Agree")).StatusCode);

        var worker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        async Task<bool> SeesPlanAsync()
        {
            var version = await worker.GetAsync($"/Plans/Version/{caseId}/1");
            var casePage = await worker.GetStringAsync($"/Cases/Details/{caseId}");
            Assert.Equal(version.StatusCode == HttpStatusCode.OK, casePage.Contains("id=\"plan-h\""));
            return version.StatusCode == HttpStatusCode.OK;
        }
        Assert.True(await SeesPlanAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitFormAsync($"/Cases/Consent/{caseId}", new() { ["Input.Given"] = "false", ["Input.Date"] = Iso(app.Today) })).StatusCode);
        Assert.False(await SeesPlanAsync());
        var page = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Samtycke till informationsutbyte återkallat", page);

        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitFormAsync($"/Cases/Consent/{caseId}", new() { ["Input.Given"] = "true", ["Input.Date"] = Iso(app.Today) })).StatusCode);
        Assert.True(await SeesPlanAsync());
    }

    [Fact]
    public async Task The_case_says_plainly_when_the_district_was_asked_to_obtain_consent_that_is_still_missing()
    {
        var caseId = await ReferAsync(consent: false);
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.DoesNotContain("data-testid=\"consent-required\"", await admin.GetStringAsync($"/Cases/Details/{caseId}"));
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        // Enrolment tells the district: without consent, only a request to obtain it.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Cases/Enrol/{caseId}", new() { ["EnrolmentDate"] = Iso(app.Today), ["CoachId"] = coach.Id })).StatusCode);
        Assert.Contains("data-testid=\"consent-required\"", await admin.GetStringAsync($"/Cases/Details/{caseId}"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Cases/Consent/{caseId}", new() { ["Input.Given"] = "true", ["Input.Date"] = Iso(app.Today) })).StatusCode);
        Assert.DoesNotContain("data-testid=\"consent-required\"", await admin.GetStringAsync($"/Cases/Details/{caseId}"));
    }
}
