using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Privacy;
using Jobbtorg.Tests.Builders;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Privacy;

/// <summary>
/// The register extract (GDPR art. 15): everything held about one person, on the page and through the API, nothing about
/// anyone else, and only for administrators and keys with the scope <c>privacy:extract</c>.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed partial class RegisterExtractTests(JobbtorgAppFactory app)
{
    private const string Page = "/Privacy/Extract";

    /// <summary>Entities tied to a case or a person that the extract leaves out on purpose, each with its reason.</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        // None so far: every table tied to a case or a person holds data about that person. A table added later that
        // holds nothing about the person (a technical counter, say) is listed here with the reason.
    };

    private static string Api(string personalNumber) => $"/api/people/{personalNumber}/register-extract";

    private static string Formatted(string personalNumber) => $"{personalNumber[..8]}-{personalNumber[8..]}";

    private async Task<(FilledPerson Person, FilledPerson Other)> TwoFilledPeopleAsync()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Kim Extraktsson");
        var tag = Guid.NewGuid().ToString("N")[..8];
        return await app.WithDbAsync(async db => (
            await PersonDataBuilder.FillEveryKindAsync(db, coach.Id, TestPeople.Adult(app.Today), "Ett" + tag, app.Clock.GetUtcNow()),
            await PersonDataBuilder.FillEveryKindAsync(db, coach.Id, TestPeople.Adult(app.Today), "Två" + tag, app.Clock.GetUtcNow())));
    }

    private static bool TiedToCaseOrPerson(IEntityType entity) =>
        entity.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(Case) || k.PrincipalEntityType.ClrType == typeof(Participant))
        || entity.GetProperties().Any(p => p.Name is "CaseId" or "ParticipantId");

    [Fact]
    public async Task Every_entity_tied_to_a_case_or_a_person_is_in_the_extract_or_excluded_with_a_reason()
    {
        var entities = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList()));
        var tied = entities.Where(TiedToCaseOrPerson).Select(e => e.ClrType).ToList();
        Assert.Contains(typeof(Features.Cases.JournalEntry), tied); // the enumeration finds what it should
        var forgotten = tied.Where(t => !RegisterExtractBuilder.SectionOf.ContainsKey(t) && !Excluded.ContainsKey(t.Name)).Select(t => t.FullName).ToList();
        Assert.True(forgotten.Count == 0,
            "Personal data missing from the register extract (add it to RegisterExtractBuilder, or to the exclusions with a reason):\n"
            + string.Join("\n", forgotten));

        // Each named section is a property of the extract as the API writes it.
        var sections = typeof(RegisterExtract).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        Assert.All(RegisterExtractBuilder.SectionOf.Values.Distinct(), s => Assert.Contains(s, sections));
        Assert.All(Excluded.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public async Task The_api_gives_every_kind_of_data_about_the_person_and_nothing_about_anyone_else()
    {
        var (person, other) = await TwoFilledPeopleAsync();

        using var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(Api(person.PersonalNumber));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;

        string[] sections = ["cases", "referrals", "plans", "assessments", "journal", "attendance", "infoMeetings", "threePartyMeetings", "firstAppointments",
            "reminders", "messages", "followUp", "placements", "matching", "programmes", "consent", "accessLog"];
        foreach (var section in sections)
        {
            var value = json.GetProperty(section);
            if (value.ValueKind == JsonValueKind.Array) Assert.True(value.GetArrayLength() > 0, $"{section} is empty");
            else
                foreach (var part in value.EnumerateObject())
                    Assert.True(part.Value.GetArrayLength() > 0, $"{section}.{part.Name} is empty");
        }
        Assert.Equal(person.PersonalNumber, json.GetProperty("person").GetProperty("personalNumber").GetString());
        Assert.Equal([person.ClosedCaseRef, person.OpenCaseRef], json.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseRef").GetString()));
        Assert.Equal("Subsidised", json.GetProperty("cases")[0].GetProperty("closureSubReason").GetString());
        Assert.Equal("Sickness", json.GetProperty("cases")[1].GetProperty("pauses")[0].GetProperty("reason").GetString());
        Assert.Equal(1, json.GetProperty("plans")[0].GetProperty("activities").GetArrayLength());
        Assert.Contains(json.GetProperty("assessments")[0].GetProperty("answers").EnumerateArray(),
            a => a.GetProperty("answer").GetString() == "Eget mål " + person.Tag);

        // The journal as written: the note and its correction, which names it.
        var journal = json.GetProperty("journal").EnumerateArray().ToList();
        Assert.Equal(["Journaltext " + person.Tag, "Rättelse " + person.Tag], journal.Select(j => j.GetProperty("text").GetString()));
        Assert.Equal(journal[0].GetProperty("id").GetInt32(), journal[1].GetProperty("correctsId").GetInt32());
        Assert.Equal("Skäl " + person.Tag, json.GetProperty("accessLog")[0].GetProperty("reason").GetString());
        // A follow-up fact entered by hand names its source and who entered it.
        var benefitMonth = json.GetProperty("followUp").GetProperty("benefitMonths")[0];
        Assert.Equal(("Call", "Uppföljare " + person.Tag), (benefitMonth.GetProperty("source").GetString(), benefitMonth.GetProperty("recordedBy").GetString()));
        var occupation = json.GetProperty("followUp").GetProperty("occupations")[0];
        Assert.Equal(("Letter", "Uppföljare " + person.Tag), (occupation.GetProperty("source").GetString(), occupation.GetProperty("recordedBy").GetString()));

        Assert.DoesNotContain(other.Tag, text);
        Assert.DoesNotContain(other.PersonalNumber, text);
        Assert.DoesNotContain(other.OpenCaseRef, text);
        Assert.DoesNotContain(other.ClosedCaseRef, text);
    }

    [GeneratedRegex("""<section aria-labelledby="[^"]+" data-section="(?<name>[^"]+)">(?<body>.*?)</section>""", RegexOptions.Singleline)]
    private static partial Regex Section();

    [Fact]
    public async Task The_page_shows_every_section_filled_with_the_persons_data_only_and_downloads_the_same_as_json()
    {
        var (person, other) = await TwoFilledPeopleAsync();
        var admin = await app.SignInAsNewAsync(Roles.Administrator);

        using var response = await admin.SubmitFormAsync(Page, new() { ["PersonalNumber"] = Formatted(person.PersonalNumber) });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sections = Section().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value);
        Assert.Equal(RegisterExtractBuilder.SectionOf.Values.Concat(["referrals", "consent"]).Distinct().Order(), sections.Keys.Order());
        Assert.All(sections, s => Assert.DoesNotContain("Inga uppgifter", s.Value));
        Assert.Contains(Formatted(person.PersonalNumber), sections["person"]);
        Assert.Contains("Journaltext " + person.Tag, sections["journal"]);
        Assert.Contains("Rättelse " + person.Tag, sections["journal"]);
        Assert.Contains("Plansammanfattning " + person.Tag, sections["plans"]);
        Assert.Contains("Anvisningstext " + person.Tag, sections["referrals"]);
        Assert.Contains("Telefon " + person.Tag, sections["threePartyMeetings"]);
        Assert.Contains("Påminnelse " + person.Tag, sections["reminders"]);
        Assert.Contains("Skäl " + person.Tag, sections["accessLog"]);
        Assert.Contains("Samtal", sections["followUp"]);
        Assert.Contains("Uppföljare " + person.Tag, sections["followUp"]);
        Assert.Contains("Ärenden <span class=\"count\">(2 uppgifter)</span>", html);
        Assert.Matches("""<link rel="stylesheet" href="/css/extract-print.css[^"]*" media="print" />""", html);
        Assert.Contains("@page { size: A4", await admin.GetStringAsync("/css/extract-print.css"));
        Assert.DoesNotContain(other.Tag, html);
        Assert.DoesNotContain(Formatted(other.PersonalNumber), html);

        using var download = await admin.SubmitFormAsync(Page, new() { ["PersonalNumber"] = person.PersonalNumber }, $"{Page}?handler=Json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var file = JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement;
        var api = JsonDocument.Parse(await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync(Api(person.PersonalNumber))).RootElement;
        Assert.Equal(api.GetProperty("journal").GetRawText(), file.GetProperty("journal").GetRawText());
        Assert.Equal(api.GetProperty("cases").GetRawText(), file.GetProperty("cases").GetRawText());
    }

    [Fact]
    public async Task A_person_without_any_data_gets_a_clear_not_found_and_nothing_is_shown()
    {
        var unknown = TestPeople.Adult(app.Today);
        var admin = await app.SignInAsNewAsync(Roles.Administrator);

        using var api = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(Api(unknown));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.True(problem.Contains("Jobbtorg har inga uppgifter") || problem.Contains("Jobbtorg holds no data"), problem);

        using var page = await admin.SubmitFormAsync(Page, new() { ["PersonalNumber"] = unknown });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Jobbtorg har inga uppgifter om någon person med det här personnumret.", html);
        Assert.DoesNotContain("data-testid=\"extract\"", html);
    }

    [Fact]
    public async Task A_wrong_personal_number_is_refused_on_its_field_in_swedish()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var wrongCheckDigit = CaseBuilder.TestPersonalNumber[..11] + (char)('0' + (CaseBuilder.TestPersonalNumber[11] - '0' + 1) % 10);

        using var page = await admin.SubmitFormAsync(Page, new() { ["PersonalNumber"] = wrongCheckDigit });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("""<span class="error field-validation-error"[^>]*data-valmsg-for="PersonalNumber"[^>]*>Personnumrets kontrollsiffra stämmer inte""", html);
        Assert.DoesNotContain("data-testid=\"extract\"", html);

        using var empty = await admin.SubmitFormAsync(Page, new() { ["PersonalNumber"] = "" });
        Assert.Contains("Ange personens personnummer.", await empty.Content.ReadAsStringAsync());

        using var api = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(Api("abc"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.True(JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("personalNumber", out _));
    }

    [Fact]
    public async Task Only_administrators_and_the_privacy_scope_get_an_extract()
    {
        var (person, _) = await TwoFilledPeopleAsync();
        foreach (var (role, centre, district) in new[]
                 {
                     (Roles.Coach, "farsta", (string?)null), (Roles.Matcher, "farsta", null), (Roles.CaseWorker, null, PersonDataBuilder.District),
                     (Roles.Manager, null, null), (Roles.Analyst, null, null), (Roles.LogReviewer, null, null),
                 })
        {
            var client = await app.SignInAsNewAsync(role, centre, district);
            using var page = await client.GetAsync(Page);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"), $"{role}: {page.StatusCode}");
            // Any page of theirs with a form gives the token: a log reviewer starts at the access log, not at "/".
            using var post = await client.SubmitFormAsync(role == Roles.LogReviewer ? "/AccessLog/Review" : "/", new() { ["PersonalNumber"] = person.PersonalNumber }, Page);
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{role} POST: {post.StatusCode}");
            Assert.DoesNotContain(person.Tag, await post.Content.ReadAsStringAsync());
            using var api = await client.GetAsync(Api(person.PersonalNumber));
            Assert.True(api.StatusCode == HttpStatusCode.Forbidden, $"{role} API: {api.StatusCode}");
        }
        foreach (var key in new[] { JobbtorgAppFactory.EavKey, JobbtorgAppFactory.NoScopeKey })
            Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(key).GetAsync(Api(person.PersonalNumber))).StatusCode);

        var administrator = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(Api(person.PersonalNumber))).StatusCode);
    }
}
