using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Assessments.Research;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Tests.Assessments;

/// <summary>The research extract's app: a key with the research scope and one with another scope.</summary>
public sealed class ResearchApp : IAsyncLifetime
{
    public const string ResearchKey = "research-extract-key";
    public const string ReportsKey = "research-test-reports-key";
    public const string PseudonymKey = "test-research-pseudonym-key-0123456789abcdef"; // as JobbtorgAppFactory configures it

    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:ApiKeys:3:Name"] = "research", ["Jobbtorg:ApiKeys:3:Key"] = ResearchKey, ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.ResearchExtract,
        ["Jobbtorg:ApiKeys:4:Name"] = "reports", ["Jobbtorg:ApiKeys:4:Key"] = ReportsKey, ["Jobbtorg:ApiKeys:4:Scopes:0"] = Scopes.ReportsRead,
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>The pseudonymised research extract: nothing in it leads back to the person, the pseudonym is stable and
/// depends on the key, and only analysts, administrators and keys with the research scope get it, logged as one export.</summary>
[Trait("Category", "Http")]
public sealed class ResearchExtractTests(ResearchApp fixture) : IClassFixture<ResearchApp>
{
    private const string District = "enskede-arsta-vantor";
    private const string OwnWords = "Jag drömmer om att bli fyrvaktare på Gotland";
    private JobbtorgAppFactory App => fixture.App;

    private sealed record Person(int CaseId, string CaseRef, string PersonalNumber, string FirstName, string LastName);

    /// <summary>A referred person with a signed initial assessment dated today, whose own goal is a distinctive phrase.</summary>
    private async Task<Person> AssessedAsync(string firstName, string lastName)
    {
        var number = TestPeople.Adult(App.Today);
        var response = await App.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = number, firstName, lastName, district = District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = true, consentDate = App.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var caseRef = await App.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Participant).SingleAsync(x => x.Id == caseId);
            var version = await db.InstrumentVersions.Where(v => v.Instrument == Instrument.Initial).OrderByDescending(v => v.Version).FirstAsync();
            var now = App.Clock.GetUtcNow();
            var a = Assessment.Begin(c, version, "Handläggare Forskning", byDistrict: true, now);
            var answers = new Dictionary<string, string>
            {
                ["work_status_now"] = "sick_leave", ["hours_available"] = "20", ["swedish_level"] = "B1", ["education_level"] = "31",
                ["experienced_occupation"] = "5223", ["own_goal"] = OwnWords,
            };
            a.SaveAnswers(answers, now);
            var suggestion = version.Parsed.Suggest(answers);
            a.Sign(App.Today, App.Today, Availability.PartlyAvailable, NeedCategory.Situational, "Personen blir friskskriven nästa vecka.",
                suggestion, null, "Handläggare Forskning", now);
            db.Assessments.Add(a);
            await db.SaveChangesAsync();
            return c.CaseRef;
        });
        return new Person(caseId, caseRef, number, firstName, lastName);
    }

    private string Period => $"from={App.Today.AddDays(-1):yyyy-MM-dd}&to={App.Today:yyyy-MM-dd}";

    private static void AssertNothingLeadsBack(string extract, Person p)
    {
        Assert.DoesNotContain(p.PersonalNumber, extract);
        Assert.DoesNotContain(p.PersonalNumber[2..], extract);
        Assert.DoesNotContain(p.FirstName, extract);
        Assert.DoesNotContain(p.LastName, extract);
        Assert.DoesNotContain(p.CaseRef, extract);
        Assert.DoesNotContain("fyrvaktare", extract);
        Assert.DoesNotContain("friskskriven", extract);
        Assert.DoesNotContain("Handläggare Forskning", extract);
    }

    [Fact]
    public async Task The_extract_holds_no_personal_number_name_case_reference_or_free_text_but_the_pseudonym_birth_year_and_answers()
    {
        var p = await AssessedAsync("Fyrina", "Forskningsdotter");
        var pseudonym = ResearchExtract.Pseudonym(p.PersonalNumber, Encoding.UTF8.GetBytes(ResearchApp.PseudonymKey));

        var ndjson = await App.ApiClient(ResearchApp.ResearchKey).GetStringAsync($"/api/research/assessments?{Period}");
        AssertNothingLeadsBack(ndjson, p);
        var row = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Single(r => (string)r["person"]! == pseudonym);
        Assert.Equal(int.Parse(p.PersonalNumber[..4]), (int)row["birthYear"]!);
        Assert.Equal(App.Today.ToString("yyyy-MM"), (string)row["assessedMonth"]!);
        Assert.Equal("Initial", (string)row["instrument"]!);
        Assert.Equal(("NotAvailable", "SpeciallyAdapted"), ((string)row["suggestedAvailability"]!, (string)row["suggestedNeedCategory"]!));
        Assert.Equal(("PartlyAvailable", "Situational"), ((string)row["availability"]!, (string)row["needCategory"]!));
        Assert.True((bool)row["overridden"]!);
        Assert.False((bool)row["enrolled"]!);
        Assert.Equal("sick_leave", (string)row["answers"]!["work_status_now"]!);
        Assert.Equal("5223", (string)row["answers"]!["experienced_occupation"]!);
        Assert.Null(row["answers"]!["own_goal"]);
        Assert.Equal(District, (string)row["district"]!);

        // The analyst's page gives the same as a file Swedish Excel opens: a BOM, semicolons, a column per answer.
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        var page = await analyst.GetStringAsync("/Reports/Research");
        Assert.Contains("Forskningsuttag", page);
        var csv = await analyst.SubmitFormAsync("/Reports/Research", new() { ["From"] = $"{App.Today.AddDays(-1):yyyy-MM-dd}", ["To"] = $"{App.Today:yyyy-MM-dd}" },
            "/Reports/Research?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        AssertNothingLeadsBack(text, p);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.Contains("answer.work_status_now", header);
        Assert.DoesNotContain("answer.own_goal", header);
        var cells = lines.Single(l => l.StartsWith(pseudonym + ";", StringComparison.Ordinal)).Split(';');
        Assert.Equal(p.PersonalNumber[..4], cells[Array.IndexOf(header, "birthYear")]);
        Assert.Equal("yes", cells[Array.IndexOf(header, "overridden")]);
        Assert.Equal("sick_leave", cells[Array.IndexOf(header, "answer.work_status_now")]);
    }

    [Fact]
    public async Task The_same_person_gets_the_same_pseudonym_in_two_extracts_and_another_key_gives_another()
    {
        var p = await AssessedAsync("Stina", "Stabilsson");
        var client = App.ApiClient(ResearchApp.ResearchKey);
        var first = await client.GetStringAsync($"/api/research/assessments?{Period}&format=csv");
        var second = await client.GetStringAsync($"/api/research/assessments?from=2026-01-01&to={App.Today:yyyy-MM-dd}&format=csv");
        var pseudonym = ResearchExtract.Pseudonym(p.PersonalNumber, Encoding.UTF8.GetBytes(ResearchApp.PseudonymKey));
        Assert.Contains(pseudonym, first);
        Assert.Contains(pseudonym, second);
        Assert.Matches("^[0-9a-f]{32}$", pseudonym);
        Assert.NotEqual(pseudonym, ResearchExtract.Pseudonym(p.PersonalNumber, Encoding.UTF8.GetBytes("another-research-pseudonym-key-0123456789")));
    }

    [Fact]
    public async Task Analysts_administrators_and_research_keys_get_the_extract_coaches_and_other_keys_do_not()
    {
        var url = $"/api/research/assessments?{Period}";
        Assert.Equal(HttpStatusCode.OK, (await App.ApiClient(ResearchApp.ResearchKey).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInAsNewAsync(Roles.Analyst)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInAsNewAsync(Roles.Administrator)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClient(ResearchApp.ReportsKey).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClient(JobbtorgAppFactory.NoScopeKey).GetAsync(url)).StatusCode);
        var coach = await App.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync(url)).StatusCode);
        var page = await coach.GetAsync("/Reports/Research");
        Assert.Contains("/Account/AccessDenied", page.Headers.Location?.OriginalString ?? "");

        // The reports navigation links to it for those who may make it, and not for others.
        var manager = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        Assert.DoesNotContain("/Reports/Research", await manager.GetStringAsync("/Reports"));
        Assert.Contains("/Reports/Research", await (await App.SignInAsNewAsync(Roles.Analyst)).GetStringAsync("/Reports"));
    }

    [Fact]
    public async Task Each_extract_is_one_export_in_the_access_log_naming_no_person()
    {
        await AssessedAsync("Logga", "Loggsson");
        var writer = App.Services.GetRequiredService<AccessLogWriter>();
        await writer.FlushAsync();
        var before = await App.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Path.StartsWith("/api/research")));
        Assert.Equal(HttpStatusCode.OK, (await App.ApiClient(ResearchApp.ResearchKey).GetAsync($"/api/research/assessments?{Period}")).StatusCode);
        await writer.FlushAsync();
        var entries = await App.WithDbAsync(db => db.AccessLog.Where(e => e.Path.StartsWith("/api/research")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before + 1, entries.Count);
        var entry = entries[^1];
        Assert.Equal(AccessKind.Export, entry.Kind);
        Assert.Null(entry.ParticipantId);
        Assert.Null(entry.CaseId);
    }

    [Theory]
    [InlineData("from=2026-03-10", "to")]
    [InlineData("to=2026-03-10", "from")]
    [InlineData("from=2026-03-10&to=2026-03-01", "to")]
    [InlineData("from=2010-01-01&to=2026-03-10", "to")]
    [InlineData("from=2026-02-30&to=2026-03-10", "from")]
    [InlineData("from=2026-03-01&to=2026-03-10&format=xlsx", "format")]
    public async Task A_bad_period_is_refused_naming_the_field(string query, string field)
    {
        var refused = await App.ApiClient(ResearchApp.ResearchKey).GetAsync($"/api/research/assessments?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_bad_period_on_the_page_is_shown_by_the_field_and_nothing_is_downloaded()
    {
        var analyst = await App.SignInAsNewAsync(Roles.Analyst);
        var refused = await analyst.SubmitFormAsync("/Reports/Research", new() { ["From"] = "2026-03-10", ["To"] = "2026-03-01" }, "/Reports/Research?handler=Csv");
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sista dagen får inte vara före första dagen.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short-key")]
    public void Outside_development_the_app_does_not_start_without_a_pseudonym_key_of_32_bytes(string? key)
    {
        var database = Path.Combine(Path.GetTempPath(), $"jobbtorg-research-{Guid.NewGuid():N}.db");
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={database}");
            b.UseSetting("AllowedHosts", "localhost");
            b.UseSetting("Jobbtorg:Research:PseudonymKey", key ?? "");
        });
        var error = Assert.Throws<OptionsValidationException>(() => production.Services);
        Assert.Contains("Jobbtorg:Research:PseudonymKey", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database);
    }
}
