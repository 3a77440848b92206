using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Retention;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Assessments;

/// <summary>Doing an assessment on the shared application, through the API and the pages: drafts saved as one goes, bad
/// answers and dates refused by field with nothing stored, signing with the suggestion or another result with a reason,
/// a new assessment superseding the old one with both readable, and who sees the result and who the answers.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class AssessmentWorkTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>A complete initial assessment: some health limits and 20 hours a week suggest PartlyAvailable, Situational.</summary>
    private static readonly Dictionary<string, string> PartlyAvailable = new()
    {
        ["work_status_now"] = "unemployed", ["last_worked"] = "within_1y", ["education_level"] = "33", ["swedish_level"] = "B1",
        ["health_limits"] = "some", ["hours_available"] = "20", ["care_responsibility"] = "none", ["start_when"] = "now",
        ["digital_skills"] = "good", ["job_search_confidence"] = "3", ["driving_licence"] = "b", ["experienced_occupation"] = "5223",
    };

    private static Dictionary<string, string> Available => new(PartlyAvailable) { ["health_limits"] = "none", ["hours_available"] = "40" };

    /// <summary>The district's system (scope <c>assessments:write</c>), reading answers in Swedish.</summary>
    private HttpClient District_
    {
        get
        {
            var client = app.ApiClient(JobbtorgAppFactory.EavKey);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
            return client;
        }
    }

    private async Task<int> ReferAsync(bool consent = true, DateOnly? referralDate = null)
    {
        var referred = referralDate ?? app.Today.AddDays(-10);
        var response = await District_.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName = "Bea", lastName = "Bedömd", district = District,
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, referralDate = Iso(referred),
            consentGiven = consent, consentDate = consent ? Iso(referred) : null,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<int> BeginAsync(HttpClient client, int caseId, string instrument = "Initial")
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/assessments", new { instrument });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await JsonOf(response)).GetProperty("id").GetInt32();
    }

    private static async Task SaveAsync(HttpClient client, int id, Dictionary<string, string> answers)
    {
        var response = await client.PutAsJsonAsync($"/api/assessments/{id}/answers", new { answers });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> SignAsync(HttpClient client, int id, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/assessments/{id}/sign", body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private Task<Assessment> StoredAsync(int id) => app.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field, string swedish)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), body);
        Assert.Contains(swedish, messages[0].GetString());
    }

    [Fact]
    public async Task The_district_makes_the_initial_assessment_before_enrolment_with_the_suggestion_and_its_reasons()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        Assert.Equal(id, await BeginAsync(District_, caseId)); // beginning again opens the same draft

        await SaveAsync(District_, id, new() { ["health_limits"] = "some" }); // a partial save
        await SaveAsync(District_, id, PartlyAvailable);
        var draft = await JsonOf(await District_.GetAsync($"/api/assessments/{id}"));
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("PartlyAvailable", draft.GetProperty("suggestion").GetProperty("availability").GetString());
        Assert.Equal("Situational", draft.GetProperty("suggestion").GetProperty("needCategory").GetString());
        Assert.NotEmpty(draft.GetProperty("suggestion").GetProperty("reasons").EnumerateArray());

        var signed = await SignAsync(District_, id);
        Assert.Equal(("Signed", "PartlyAvailable", "Situational"), (signed.GetProperty("status").GetString(),
            signed.GetProperty("availability").GetString(), signed.GetProperty("needCategory").GetString()));
        Assert.Equal(Iso(app.Today), signed.GetProperty("assessedOn").GetString());
        Assert.True(signed.GetProperty("byDistrict").GetBoolean());
        var c = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId));
        Assert.Null(c.EnrolmentDate);
        Assert.Equal(app.Today, c.FirstAssessmentOn);
    }

    [Fact]
    public async Task The_district_may_not_make_the_in_depth_assessment()
    {
        var caseId = await ReferAsync();
        var response = await District_.PostAsJsonAsync($"/api/cases/{caseId}/assessments", new { instrument = "InDepth" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.CaseId == caseId)));
    }

    public static TheoryData<string, string, string> BadAnswers => new()
    {
        // what, the answers as JSON, the field, the Swedish message
        { "a scale outside its range", """{"hours_available":"60"}""", "answers.hours_available" },
        { "a scale that is no number", """{"hours_available":"tjugo"}""", "answers.hours_available" },
        { "an unknown question", """{"favourite_colour":"blue"}""", "answers.favourite_colour" },
        { "an option that does not exist", """{"health_limits":"terrible"}""", "answers.health_limits" },
        { "an unknown SUN level", """{"education_level":"99"}""", "answers.education_level" },
        { "an unknown occupation", """{"experienced_occupation":"0000"}""", "answers.experienced_occupation" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_refused_naming_the_question_and_nothing_is_stored(string what, string answers, string field)
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, new() { ["hours_available"] = "30", ["start_when"] = "now" });
        var before = await StoredAsync(id);

        var response = await District_.PutAsync($"/api/assessments/{id}/answers",
            new StringContent("{\"answers\":{\"start_when\":\"later\"," + answers[1..^1] + "}}", System.Text.Encoding.UTF8, "application/json"));

        await AssertFieldAsync(response, field, "");
        Assert.DoesNotContain("answers.start_when", await response.Content.ReadAsStringAsync());
        var after = await StoredAsync(id);
        Assert.Equal((before.Answers, before.Version), (after.Answers, after.Version));
        Assert.True(what.Length > 0);
    }

    [Fact]
    public async Task A_scale_outside_its_range_names_the_question_in_swedish_and_its_bounds()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        var response = await District_.PutAsJsonAsync($"/api/assessments/{id}/answers", new { answers = new { hours_available = "41" } });
        await AssertFieldAsync(response, "answers.hours_available", "ange ett tal från 0 till 40");
    }

    [Fact]
    public async Task An_unknown_instrument_version_is_refused_naming_the_field_and_no_draft_is_begun()
    {
        var caseId = await ReferAsync();
        var response = await District_.PostAsJsonAsync($"/api/cases/{caseId}/assessments", new { instrument = "Initial", instrumentVersion = 99 });
        await AssertFieldAsync(response, "instrumentVersion", "99");
        var unknownInstrument = await District_.PostAsJsonAsync($"/api/cases/{caseId}/assessments", new { instrument = "Thorough" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownInstrument.StatusCode);
        Assert.Contains("instrument", await unknownInstrument.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.CaseId == caseId)));
    }

    public static TheoryData<string, string, string> BadSignatures => new()
    {
        // what, the request, the field
        { "a date before the referral", "before-referral", "date" },
        { "a date in the future", "tomorrow", "date" },
        { "another result without a reason", "override", "overrideReason" },
        { "a required question unanswered", "unanswered", "answers.driving_licence" },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task A_bad_signature_is_refused_naming_the_field_and_the_draft_stays_a_draft(string what, string kind, string field)
    {
        var referral = app.Today.AddDays(-10);
        var caseId = await ReferAsync(referralDate: referral);
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, kind == "unanswered" ? PartlyAvailable.Where(a => a.Key != "driving_licence").ToDictionary() : PartlyAvailable);
        object body = kind switch
        {
            "before-referral" => new { date = Iso(referral.AddDays(-1)) },
            "tomorrow" => new { date = Iso(app.Today.AddDays(1)) },
            "override" => new { availability = "Available", needCategory = "Standard", overrideReason = "  " },
            _ => new { },
        };

        var response = await District_.PostAsJsonAsync($"/api/assessments/{id}/sign", body);

        await AssertFieldAsync(response, field, "");
        var stored = await StoredAsync(id);
        Assert.Equal((AssessmentStatus.Draft, (DateOnly?)null, (Availability?)null), (stored.Status, stored.AssessedOn, stored.Availability));
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.FirstAssessmentOn).SingleAsync()));
        Assert.True(what.Length > 0);
    }

    [Fact]
    public async Task A_date_after_the_closure_is_refused_naming_the_date()
    {
        var caseId = await ReferAsync(referralDate: app.Today.AddDays(-20));
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, PartlyAvailable);
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var closed = await admin.PostAsJsonAsync($"/api/cases/{caseId}/closure", new { date = Iso(app.Today.AddDays(-5)), reason = "Other", subReason = "Moved" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());

        var response = await District_.PostAsJsonAsync($"/api/assessments/{id}/sign", new { date = Iso(app.Today.AddDays(-2)) });

        await AssertFieldAsync(response, "date", "efter avslutet");
        Assert.Equal(AssessmentStatus.Draft, (await StoredAsync(id)).Status);
        // Dated within the case, it can still be signed.
        Assert.Equal("Signed", (await SignAsync(District_, id, new { date = Iso(app.Today.AddDays(-6)) })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_result_with_a_reason_is_signed_beside_the_suggestion()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, PartlyAvailable);
        var signed = await SignAsync(District_, id, new { availability = "NotAvailable", needCategory = "SpeciallyAdapted", overrideReason = "Nyligen opererad." });
        Assert.Equal(("NotAvailable", "PartlyAvailable", "Nyligen opererad."), (signed.GetProperty("availability").GetString(),
            signed.GetProperty("suggestedAvailability").GetString(), signed.GetProperty("overrideReason").GetString()));
    }

    [Fact]
    public async Task A_signed_assessment_takes_no_more_answers_and_is_not_signed_twice()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, PartlyAvailable);
        await SignAsync(District_, id);
        var before = await StoredAsync(id);

        var answered = await District_.PutAsJsonAsync($"/api/assessments/{id}/answers", new { answers = new { health_limits = "none" } });
        Assert.Equal(HttpStatusCode.Conflict, answered.StatusCode);
        Assert.Contains("signerad", await answered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await District_.PostAsJsonAsync($"/api/assessments/{id}/sign", new { })).StatusCode);
        var after = await StoredAsync(id);
        Assert.Equal((before.Answers, before.Version, before.SignedAt), (after.Answers, after.Version, after.SignedAt));
    }

    [Fact]
    public async Task Two_saving_the_same_draft_the_one_who_saw_an_older_version_is_told_and_nothing_is_lost()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        var seen = (await StoredAsync(id)).Version;
        var first = await District_.PutAsJsonAsync($"/api/assessments/{id}/answers", new { answers = new { health_limits = "some" }, version = seen });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await District_.PutAsJsonAsync($"/api/assessments/{id}/answers", new { answers = new { health_limits = "none" }, version = seen });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("some", (await StoredAsync(id)).AnswerMap["health_limits"]);
    }

    [Fact]
    public async Task A_new_assessment_supersedes_the_old_one_and_both_stay_readable_side_by_side()
    {
        var caseId = await ReferAsync();
        var first = await BeginAsync(District_, caseId);
        await SaveAsync(District_, first, PartlyAvailable);
        await SignAsync(District_, first, new { date = Iso(app.Today.AddDays(-3)) });
        var second = await BeginAsync(District_, caseId);
        Assert.NotEqual(first, second);
        await SaveAsync(District_, second, Available);
        var signed = await SignAsync(District_, second);
        Assert.Equal(first, signed.GetProperty("supersedesId").GetInt32());

        var list = await JsonOf(await District_.GetAsync($"/api/cases/{caseId}/assessments"));
        Assert.Equal([second, first], list.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        Assert.Equal(["Available", "PartlyAvailable"], list.EnumerateArray().Select(a => a.GetProperty("availability").GetString()));

        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var page = await coach.GetStringAsync($"/Assessments/View/{second}");
        Assert.Contains("Tidigare bedömning", page);
        Assert.Matches("""<tr class="changed" data-question="health_limits">""", page);
        Assert.DoesNotMatch("""<tr class="changed" data-question="driving_licence">""", page);
        var old = await coach.GetStringAsync($"/Assessments/View/{first}");
        Assert.Contains($"/Assessments/View/{second}", old);
        Assert.Contains("Ersatt av bedömningen", old);
    }

    [Fact]
    public async Task A_matcher_sees_the_result_but_not_the_answers()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, PartlyAvailable);
        await SignAsync(District_, id);
        var matcher = await app.SignInAsNewAsync(Roles.Matcher, centre: "farsta");

        var read = await JsonOf(await matcher.GetAsync($"/api/assessments/{id}"));
        Assert.Equal("PartlyAvailable", read.GetProperty("availability").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("answers").ValueKind);
        var page = await matcher.GetStringAsync($"/Assessments/View/{id}");
        Assert.Contains("data-testid=\"answers-hidden\"", page);
        Assert.DoesNotContain("data-testid=\"answers\"", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await matcher.PutAsJsonAsync($"/api/assessments/{id}/answers", new { answers = new { } })).StatusCode);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Contains("data-testid=\"answers\"", await coach.GetStringAsync($"/Assessments/View/{id}"));
    }

    [Fact]
    public async Task The_district_reads_the_answers_only_while_consent_stands()
    {
        var caseId = await ReferAsync(consent: false);
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, PartlyAvailable);
        await SignAsync(District_, id);
        var worker = await app.SignInAsync(await app.CreateUserAsync(Roles.CaseWorker, district: District));

        Assert.Equal(JsonValueKind.Null, (await JsonOf(await District_.GetAsync($"/api/assessments/{id}"))).GetProperty("answers").ValueKind);
        Assert.Contains("data-testid=\"answers-hidden\"", await worker.GetStringAsync($"/Assessments/View/{id}"));

        var consent = await District_.PutAsJsonAsync($"/api/cases/{caseId}/consent", new { given = true, date = Iso(app.Today) });
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);

        var answers = (await JsonOf(await District_.GetAsync($"/api/assessments/{id}"))).GetProperty("answers");
        Assert.Equal("some", answers.GetProperty("health_limits").GetString());
        Assert.Contains("data-testid=\"answers\"", await worker.GetStringAsync($"/Assessments/View/{id}"));
    }

    [Fact]
    public async Task An_assessment_reads_with_the_questions_of_its_own_version_after_a_new_one_is_published()
    {
        var caseId = await ReferAsync();
        var id = await BeginAsync(District_, caseId);
        await SaveAsync(District_, id, PartlyAvailable);
        await SignAsync(District_, id);
        var v1 = InstrumentSeeds.Shipped(Instrument.Initial);
        var v2 = v1 with
        {
            Questions = [.. v1.Questions.Select(q => q.Key == "health_limits" ? q with { Text = new LocalText("Hälsa i version två?", "Health in version two?") } : q)],
        };
        var v2Id = await app.WithDbAsync(async db =>
        {
            var version = db.InstrumentVersions.Add(new InstrumentVersion
            {
                Instrument = Instrument.Initial, Version = 2, PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "Test", Definition = v2.ToJson(),
            }).Entity;
            await db.SaveChangesAsync();
            return version.Id;
        });
        try
        {
            var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
            var old = await coach.GetStringAsync($"/Assessments/View/{id}");
            Assert.Contains(v1.Find("health_limits")!.Text.Sv, old);
            Assert.DoesNotContain("Hälsa i version två?", old);

            var next = await BeginAsync(District_, caseId);
            Assert.Equal(2, (await JsonOf(await District_.GetAsync($"/api/assessments/{next}"))).GetProperty("instrumentVersion").GetInt32());
            Assert.Contains("Hälsa i version två?", await coach.GetStringAsync($"/Assessments/Fill/{next}"));
            var stale = await District_.PostAsJsonAsync($"/api/cases/{await ReferAsync()}/assessments", new { instrument = "Initial", instrumentVersion = 1 });
            await AssertFieldAsync(stale, "instrumentVersion", "2");
        }
        finally
        {
            // The shared application goes on with the shipped version only.
            await app.WithDbAsync(async db =>
            {
                await db.Assessments.Where(a => a.InstrumentVersionId == v2Id).ExecuteDeleteAsync();
                return await db.InstrumentVersions.Where(v => v.Id == v2Id).ExecuteDeleteAsync();
            });
        }
    }

    [Fact]
    public async Task A_coach_fills_in_the_form_without_script_and_signs_another_result_only_with_a_reason()
    {
        var caseId = await ReferAsync();
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var started = await coach.SubmitFormAsync($"/Assessments/Start/{caseId}", new() { ["instrument"] = "InDepth" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var fill = started.Headers.Location!.OriginalString;
        var id = int.Parse(fill.Split('/').Last());

        var answers = new Dictionary<string, string>
        {
            ["Answers[swedish_level]"] = "A2", ["Answers[sfi_course]"] = "C", ["Lang[other_language]"] = "ar", ["Level[other_language]"] = "Native",
            ["Answers[education_level]"] = "20", ["Answers[education_recognised]"] = "swedish", ["Answers[experienced_occupation]"] = "5223 Butikssäljare",
            ["Answers[health_limits]"] = "none", ["Answers[work_capacity_percent]"] = "100", ["Answers[care_responsibility]"] = "none",
            ["Answers[digital_skills]"] = "basic", ["Answers[driving_licence]"] = "no", ["Answers[housing]"] = "stable",
            ["Answers[motivation_importance]"] = "9", ["Answers[motivation_confidence]"] = "7", ["Version"] = "0",
        };
        var saved = await coach.SubmitFormAsync(fill, answers, $"{fill}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await StoredAsync(id)).AnswerMap;
        Assert.Equal(("ar:Native", "5223"), (stored["other_language"], stored["experienced_occupation"]));
        var page = await coach.GetStringAsync(fill);
        Assert.Contains("Sparat", page);
        Assert.Contains("Situationsbestämd", page); // Swedish at A2 suggests situational support

        answers["Version"] = (await StoredAsync(id)).Version.ToString();
        var refused = await coach.SubmitFormAsync(fill, new(answers) { ["SignDate"] = Iso(app.Today), ["Availability"] = "Available", ["NeedCategory"] = "Standard" },
            $"{fill}?handler=Sign");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ange ett skäl", await refused.Content.ReadAsStringAsync());
        Assert.Equal(AssessmentStatus.Draft, (await StoredAsync(id)).Status);

        answers["Version"] = (await StoredAsync(id)).Version.ToString();
        var signed = await coach.SubmitFormAsync(fill, new(answers)
        {
            ["SignDate"] = Iso(app.Today), ["Availability"] = "Available", ["NeedCategory"] = "Standard", ["OverrideReason"] = "Har redan ett jobberbjudande.",
        }, $"{fill}?handler=Sign");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var a = await StoredAsync(id);
        Assert.Equal((AssessmentStatus.Signed, NeedCategory.Situational, NeedCategory.Standard), (a.Status, a.SuggestedNeedCategory, a.NeedCategory));
        var details = await coach.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("Har redan ett jobberbjudande.", details);
    }

    [Fact]
    public async Task The_referral_form_offers_the_initial_assessment_at_once()
    {
        var worker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var response = await worker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = TestPeople.Adult(app.Today), ["Input.FirstName"] = "Rut", ["Input.LastName"] = "Remiss",
            ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await worker.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Gör den inledande bedömningen nu", page);
        Assert.DoesNotContain("Gör den inledande bedömningen nu", await worker.GetStringAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public void The_erasure_deletes_a_case_s_assessments()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Jobbtorg.Data.JobbtorgDb>();
        Assert.Contains(ErasurePlan.For(db.Model).Deletions, d => d.Table.Type.ClrType == typeof(Assessment));
    }
}
