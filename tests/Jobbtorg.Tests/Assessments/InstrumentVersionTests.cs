using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Assessments;

/// <summary>Instruments as versioned data on an application of their own (publishing changes what every new assessment
/// is made under): the administrator's pages, publishing a new version with every problem named and nothing stored, the
/// API, and assessments keeping the version they were made under.</summary>
[Trait("Category", "Http")]
public sealed class InstrumentVersionTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private const string District = "enskede-arsta-vantor";

    private static JsonObject Shipped(Instrument instrument) => JsonNode.Parse(InstrumentSeeds.Shipped(instrument).ToJson())!.AsObject();

    private static JsonObject WithQuestion(JsonObject definition, string key)
    {
        definition["questions"]!.AsArray().Add(new JsonObject
        {
            ["key"] = key, ["type"] = "Choice", ["section"] = "situation",
            ["text"] = new JsonObject { ["sv"] = "Har du tillgång till en dator hemma?", ["en"] = "Do you have a computer at home?" },
            ["options"] = new JsonArray(
                new JsonObject { ["value"] = "yes", ["text"] = new JsonObject { ["sv"] = "Ja", ["en"] = "Yes" } },
                new JsonObject { ["value"] = "no", ["text"] = new JsonObject { ["sv"] = "Nej", ["en"] = "No" } }),
        });
        return definition;
    }

    private static StringContent Json(JsonObject definition) => new(definition.ToJsonString(), Encoding.UTF8, "application/json");

    private Task<int> VersionCountAsync(Instrument instrument) =>
        app.WithDbAsync(db => db.InstrumentVersions.CountAsync(v => v.Instrument == instrument));

    private async Task<int> ReferAsync()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task An_assessment_made_under_version_1_keeps_it_after_version_2_is_published_and_renders_with_its_questions()
    {
        var caseId = await ReferAsync();
        var assessmentId = await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            var current = await db.InstrumentVersions.Where(v => v.Instrument == Instrument.InDepth).OrderByDescending(v => v.Version).FirstAsync();
            var a = Assessment.Begin(c, current, "Coach Version", byDistrict: false, app.Clock.GetUtcNow());
            db.Assessments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var before = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.InstrumentVersion!.Version).SingleAsync());

        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var published = await admin.PostAsync("/api/assessment-instruments/InDepth/versions", Json(WithQuestion(Shipped(Instrument.InDepth), "computer_at_home")));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var body = await published.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(before + 1, (int)body!["version"]!);
        Assert.Equal($"/api/assessment-instruments/InDepth/versions/{before + 1}", published.Headers.Location!.OriginalString);

        // The assessment still points at the version it was begun under, which still has no new question.
        var kept = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.InstrumentVersion!).SingleAsync());
        Assert.Equal(before, kept.Version);
        Assert.Null(kept.Parsed.Find("computer_at_home"));
        var old = await admin.GetFromJsonAsync<JsonObject>($"/api/assessment-instruments/InDepth/versions/{before}");
        Assert.DoesNotContain("computer_at_home", old!.ToJsonString());

        // New assessments are made under the new version: the current list shows it, with the question.
        var current = await admin.GetFromJsonAsync<JsonArray>("/api/assessment-instruments");
        var inDepth = current!.Single(i => (string)i!["instrument"]! == "InDepth")!;
        Assert.Equal(before + 1, (int)inDepth["version"]!);
        Assert.Contains("computer_at_home", inDepth.ToJsonString());

        // The list page counts the assessment under the version it was made under.
        var list = await admin.GetStringAsync("/Assessments/Instruments");
        Assert.Contains($"data-testid=\"uses-InDepth-{before}\">1<", list);
        Assert.Contains($"data-testid=\"uses-InDepth-{before + 1}\">0<", list);

        // The administrator's start page names the version in use and leads to the instruments.
        var section = CaseSteps.Between(await admin.GetStringAsync("/"), "data-testid=\"instruments-section\"", "</section>");
        Assert.Contains($"Fördjupad bedömning: version {before + 1} används", WebUtility.HtmlDecode(section));
        Assert.Contains("href=\"/Assessments/Instruments\"", section);
    }

    [Fact]
    public async Task A_definition_with_problems_is_refused_through_the_API_naming_each_place_and_nothing_is_stored()
    {
        var definition = Shipped(Instrument.Initial);
        definition["questions"]![1]!["key"] = "work_status_now";
        definition["rules"]![0]!["when"]![0]!["in"] = new JsonArray("holiday");
        var count = await VersionCountAsync(Instrument.Initial);
        var admin = await app.SignInAsNewAsync(Roles.Administrator);

        var refused = await admin.PostAsync("/api/assessment-instruments/Initial/versions", Json(definition));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("questions[1].key", problem);
        Assert.Contains("rules[0].when[0].in[0]", problem);
        Assert.Equal(count, await VersionCountAsync(Instrument.Initial));
    }

    [Fact]
    public async Task An_unknown_need_category_is_refused_through_the_API_with_the_names_to_choose_from()
    {
        var definition = Shipped(Instrument.Initial);
        definition["rules"]![0]!["needCategory"] = "Special";
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var refused = await admin.PostAsync("/api/assessment-instruments/Initial/versions", Json(definition));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("rules[0].needCategory", problem);
        Assert.Contains("LongTermAdapted", problem);
    }

    [Fact]
    public async Task An_unknown_instrument_or_version_answers_404()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/assessment-instruments/Deep/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/assessment-instruments/Initial/versions/99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/assessment-instruments/Deep/versions", Json(Shipped(Instrument.Initial)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Assessments/Instruments/Deep/1")).StatusCode);
    }

    [Fact]
    public async Task District_systems_and_staff_read_the_instruments_but_only_administrators_publish()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(JobbtorgAppFactory.EavKey).GetAsync("/api/assessment-instruments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(JobbtorgAppFactory.EavKey).GetAsync("/api/assessment-instruments/Initial/versions/1")).StatusCode);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Equal(HttpStatusCode.OK, (await coach.GetAsync("/api/assessment-instruments")).StatusCode);

        var count = await VersionCountAsync(Instrument.Initial);
        var changed = WithQuestion(Shipped(Instrument.Initial), "computer_at_home");
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.PostAsync("/api/assessment-instruments/Initial/versions", Json(changed))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/assessment-instruments/Initial/versions", Json(changed))).StatusCode);
        Assert.DoesNotContain("instruments-section", await coach.GetStringAsync("/"));
        foreach (var page in new[] { "/Assessments/Instruments", "/Assessments/Instruments/Initial/1", "/Assessments/Instruments/Initial/Publish" })
        {
            var denied = await coach.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
        }
        Assert.Equal(count, await VersionCountAsync(Instrument.Initial));
    }

    [Fact]
    public async Task A_version_page_shows_the_questions_by_section_with_help_texts_and_the_rules_in_plain_words()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Assessments/Instruments/Initial/1"));
        Assert.Contains("Vad gör du i dag?", html);
        Assert.Contains("Sjukskriven", html);
        Assert.Contains("Fråga hur personen själv ser på det.", html);
        Assert.Contains("Ett tal från 0 till 40", html);
        Assert.Contains("När ”Vad gör du i dag?” besvaras ”Sjukskriven”: Står inte till arbetsmarknadens förfogande, Särskilt anpassad insats.", html);
        Assert.Contains("Personen är sjukskriven och står inte till arbetsmarknadens förfogande nu.", html);
    }

    [Fact]
    public async Task The_publish_page_checks_without_storing_shows_the_changes_and_publishes_the_next_version()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Assessments/Instruments/Initial/Publish"));
        Assert.Contains("\"work_status_now\"", page);
        var current = await app.WithDbAsync(db => db.InstrumentVersions.Where(v => v.Instrument == Instrument.Initial).MaxAsync(v => v.Version));
        var count = await VersionCountAsync(Instrument.Initial);

        // A broken definition: every problem by its place, nothing stored.
        var broken = Shipped(Instrument.Initial);
        broken["questions"]![0]!["options"]![1]!["value"] = "unemployed";
        broken["questions"]![3]!["text"]!["en"] = "";
        var refused = await admin.SubmitFormAsync("/Assessments/Instruments/Initial/Publish",
            new() { ["Definition"] = broken.ToJsonString(), ["BasedOn"] = current.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Definitionen har 2 fel. Inget publicerades.", refusedHtml);
        Assert.Contains("questions[0].options[1].value", refusedHtml);
        Assert.Contains("questions[3].text.en", refusedHtml);
        Assert.Equal(count, await VersionCountAsync(Instrument.Initial));

        // Checked: what changes, nothing stored yet.
        var changed = WithQuestion(Shipped(Instrument.Initial), "computer_at_home");
        changed["questions"]!.AsArray().RemoveAt(changed["questions"]!.AsArray().Select((q, i) => (q, i)).Single(x => (string)x.q!["key"]! == "driving_licence").i);
        changed["rules"]!.AsArray().RemoveAt(0);
        var check = await admin.SubmitFormAsync("/Assessments/Instruments/Initial/Publish",
            new() { ["Definition"] = changed.ToJsonString(), ["BasedOn"] = current.ToString() }, "/Assessments/Instruments/Initial/Publish?handler=Check");
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"added-computer_at_home\"", checkHtml);
        Assert.Contains("data-testid=\"removed-driving_licence\"", checkHtml);
        Assert.Contains("Regel borttagen: när ”Vad gör du i dag?” besvaras ”Sjukskriven”", checkHtml);
        Assert.Equal(count, await VersionCountAsync(Instrument.Initial));

        // Published as the next version; the version page says it is the current one.
        var published = await admin.SubmitFormAsync("/Assessments/Instruments/Initial/Publish",
            new() { ["Definition"] = changed.ToJsonString(), ["BasedOn"] = current.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"/Assessments/Instruments/Initial/{current + 1}", published.Headers.Location!.OriginalString);
        Assert.Equal(count + 1, await VersionCountAsync(Instrument.Initial));
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Assessments/Instruments/Initial/{current + 1}"));
        Assert.Contains("Har du tillgång till en dator hemma?", shown);
        Assert.Contains("Det här är den gällande versionen", shown);
        var replaced = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Assessments/Instruments/Initial/{current}"));
        Assert.Contains($"Ersatt: den gällande versionen är {current + 1}.", replaced);
    }

    [Fact]
    public async Task Publishing_from_a_version_someone_else_replaced_meanwhile_is_refused_and_stores_nothing()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var other = await app.SignInAsNewAsync(Roles.Administrator);
        var started = await app.WithDbAsync(db => db.InstrumentVersions.Where(v => v.Instrument == Instrument.InDepth).MaxAsync(v => v.Version));
        var mine = WithQuestion(Shipped(Instrument.InDepth), "mine_first");
        var theirs = WithQuestion(Shipped(Instrument.InDepth), "theirs_first");

        var first = await other.SubmitFormAsync("/Assessments/Instruments/InDepth/Publish", new() { ["Definition"] = theirs.ToJsonString(), ["BasedOn"] = started.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var count = await VersionCountAsync(Instrument.InDepth);
        var late = await admin.SubmitFormAsync("/Assessments/Instruments/InDepth/Publish", new() { ["Definition"] = mine.ToJsonString(), ["BasedOn"] = started.ToString() });

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("data-testid=\"publish-refused\"", await late.Content.ReadAsStringAsync());
        Assert.Equal(count, await VersionCountAsync(Instrument.InDepth));
    }

    [Fact]
    public async Task Two_versions_with_the_same_number_cannot_be_stored()
    {
        var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.InstrumentVersions.Add(new InstrumentVersion
            {
                Instrument = Instrument.Initial, Version = 1, PublishedAt = app.Clock.GetUtcNow(), PublishedBy = "Test",
                Definition = InstrumentSeeds.Shipped(Instrument.Initial).ToJson(),
            });
            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(error);
    }

    [Fact]
    public async Task Publishing_the_same_definition_again_is_refused()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var current = await admin.GetFromJsonAsync<JsonArray>("/api/assessment-instruments");
        var definition = current!.Single(i => (string)i!["instrument"]! == "Initial")!["definition"]!.AsObject();
        var refused = await admin.PostAsync("/api/assessment-instruments/Initial/versions", Json(JsonNode.Parse(definition.ToJsonString())!.AsObject()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("definition", await refused.Content.ReadAsStringAsync());
    }
}
