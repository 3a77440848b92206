using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Plans;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Assessments.AssessmentKit;

namespace Jobbtorg.Tests.Assessments;

/// <summary>What follows from a signed assessment: the plan editor starts from it, the case page and the start pages prompt
/// what comes next, the district is told when the person is not available, and the case API carries the result.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class AssessmentFollowsTests(JobbtorgAppFactory app)
{
    private const string District = "skarpnack"; // served by farsta; no endpoint configured, so messages wait in the inbox
    private const string Centre = "farsta";

    private async Task<(int CaseId, HttpClient Coach, AppUser CoachUser)> EnrolledAsync(bool consent = true, DateOnly? referred = null,
        DateOnly? enrolled = null)
    {
        var caseId = await ReferAsync(app, District, consent, referred);
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: Centre);
        var coach = await app.SignInAsync(coachUser);
        await EnrolAsync(app, coach, coachUser, caseId, enrolled);
        return (caseId, coach, coachUser);
    }

    private Task<PlanVersion> DraftAsync(int caseId) => app.WithDbAsync(db => db.PlanVersions.Include(p => p.Activities).ThenInclude(a => a.ActivityType)
        .SingleAsync(p => p.CaseId == caseId && p.Status == PlanStatus.Draft));

    [Fact]
    public async Task A_first_plan_starts_from_the_assessment_with_the_goal_and_the_suggested_activities_and_says_why()
    {
        var (caseId, coach, _) = await EnrolledAsync();
        await SignAsync(app, caseId, Instrument.Initial, Availability.Available, NeedCategory.Situational, null,
            ("swedish_level", "A2"), ("experienced_occupation", "5223"), ("education_level", "20"));

        var before = await coach.GetStringAsync($"/Plans/Edit/{caseId}");
        Assert.Contains("data-testid=\"plan-from-assessment\"", before);
        Assert.Contains("Från bedömningen: svenska A2.", before);

        var start = await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        var draft = await DraftAsync(caseId);
        Assert.Equal("5223", draft.GoalSsykCode);
        Assert.Equal(["internship", "sfi", "study-guidance"], draft.Activities.Select(a => a.ActivityType.Code).Order());
        Assert.Equal("Från bedömningen: svenska A2.", draft.Activities.Single(a => a.ActivityType.Code == "sfi").Note);
        Assert.All(draft.Activities, a => Assert.Equal(app.Today, a.StartDate));

        var page = await coach.GetStringAsync($"/Plans/Edit/{caseId}");
        Assert.Contains("value=\"5223 ", page); // the goal field is filled in
        Assert.Contains("Praktik", page);
        Assert.Contains("SFI – svenska för invandrare", page);
        Assert.Contains("Studie- och yrkesvägledning", page);

        // The coach removes what does not fit before the participant agrees.
        var internship = draft.Activities.Single(a => a.ActivityType.Code == "internship");
        var remove = await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Remove&activityId={internship.Id}");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.DoesNotContain("internship", (await DraftAsync(caseId)).Activities.Select(a => a.ActivityType.Code));
    }

    [Fact]
    public async Task A_review_after_a_new_assessment_adds_what_it_suggests_and_keeps_what_the_plan_has()
    {
        var (caseId, coach, _) = await EnrolledAsync();
        await SignAsync(app, caseId, Instrument.Initial, Availability.Available, NeedCategory.Standard, null,
            ("health_limits", "none"), ("experienced_occupation", "5223"));
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");
        Assert.Equal(["active-job-search", "employer-matching"], (await DraftAsync(caseId)).Activities.Select(a => a.ActivityType.Code).Order());
        var agree = await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new()
        {
            ["AgreedOn"] = app.Today.ToString("yyyy-MM-dd"), ["ParticipantAgrees"] = "true",
        }, $"/Plans/Edit/{caseId}?handler=Agree");
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);

        // A review with no newer assessment is a copy of the agreed plan, as before.
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");
        Assert.Equal(["active-job-search", "employer-matching"], (await DraftAsync(caseId)).Activities.Select(a => a.ActivityType.Code).Order());
        await app.WithDbAsync(async db =>
        {
            var draft = await db.PlanVersions.SingleAsync(p => p.CaseId == caseId && p.Status == PlanStatus.Draft);
            db.PlanVersions.Remove(draft); // the coach starts over later
            return await db.SaveChangesAsync();
        });

        // Signed after the plan was begun (the shared test clock stands still, so the signature is dated a little later).
        await SignAtAsync(app, caseId, Instrument.InDepth, Availability.Available, NeedCategory.Situational, app.Clock.GetUtcNow().AddMinutes(5), null,
            ("health_limits", "none"), ("education_recognised", "not_recognised"), ("goal_occupation", "5321"));
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");

        var review = await DraftAsync(caseId);
        Assert.Equal("5321", review.GoalSsykCode);
        Assert.Equal(["active-job-search", "employer-matching", "internship", "validation"], review.Activities.Select(a => a.ActivityType.Code).Order());
    }

    [Fact]
    public async Task Without_a_signed_assessment_a_plan_starts_empty()
    {
        var (caseId, coach, _) = await EnrolledAsync();

        Assert.DoesNotContain("plan-from-assessment", await coach.GetStringAsync($"/Plans/Edit/{caseId}"));
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");

        var draft = await DraftAsync(caseId);
        Assert.Null(draft.GoalSsykCode);
        Assert.Empty(draft.Activities);
    }

    [Fact]
    public async Task A_partly_available_initial_assessment_prompts_an_in_depth_one_until_it_is_signed()
    {
        var (caseId, coach, _) = await EnrolledAsync();
        Assert.DoesNotContain("assessment-prompts", await coach.GetStringAsync($"/Cases/Details/{caseId}"));

        await SignAsync(app, caseId, Instrument.Initial, Availability.PartlyAvailable, NeedCategory.Situational, null, ("health_limits", "some"));

        var page = await coach.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"in-depth-due\"", page);
        Assert.Contains("Dags för fördjupad bedömning", page);
        Assert.Contains("action=\"/Assessments/Fill?handler=Begin\"", page);
        Assert.Contains($"name=\"caseId\" value=\"{caseId}\"", page);
        Assert.Contains("name=\"instrument\" value=\"InDepth\"", page);
        var form = page[page.IndexOf("action=\"/Assessments/Fill?handler=Begin\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)]);
        // The district's case worker sees what is due; the job centre makes the in-depth assessment.
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var theirs = await caseWorker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"in-depth-due\"", theirs);
        Assert.DoesNotContain("/Assessments/Fill", theirs);

        await SignAsync(app, caseId, Instrument.InDepth, Availability.PartlyAvailable, NeedCategory.Situational, null, ("health_limits", "some"));

        Assert.DoesNotContain("assessment-prompts", await coach.GetStringAsync($"/Cases/Details/{caseId}"));
    }

    [Fact]
    public async Task Not_available_after_the_in_depth_assessment_proposes_a_three_party_meeting_on_the_case_and_in_the_plan_editor()
    {
        var (caseId, coach, _) = await EnrolledAsync();
        await SignAsync(app, caseId, Instrument.Initial, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null, ("health_limits", "major"));
        await SignAsync(app, caseId, Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null,
            ("health_limits", "major"), ("goal_occupation", "5321"));

        var page = await coach.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"meeting-proposed\"", page);
        Assert.Contains($"href=\"/Cases/ThreePartyMeeting/{caseId}\"", page);
        Assert.DoesNotContain("data-testid=\"in-depth-due\"", page);

        var editor = await coach.GetStringAsync($"/Plans/Edit/{caseId}");
        Assert.Contains("data-testid=\"plan-meeting-warning\"", editor);
        Assert.Contains("Inga aktiviteter föreslås", editor);
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");
        var draft = await DraftAsync(caseId);
        Assert.Equal("5321", draft.GoalSsykCode);
        Assert.Empty(draft.Activities);
    }

    [Fact]
    public async Task The_district_is_told_with_the_result_when_the_in_depth_assessment_finds_the_person_not_available()
    {
        var (caseId, _, _) = await EnrolledAsync(consent: true);
        await SignAsync(app, caseId, Instrument.Initial, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null, ("health_limits", "major"));
        Assert.Empty(await MessagesAsync(caseId)); // the initial assessment leads to an in-depth one, not to a message

        await SignAsync(app, caseId, Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null,
            ("health_limits", "major"), ("health_own_words", "Ont i ryggen varje dag"));

        var message = Assert.Single(await MessagesAsync(caseId));
        Assert.Equal(DeliveryState.Inbox, message.State);
        Assert.True(message.HasDetails);
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.False(body.GetProperty("consentRequired").GetBoolean());
        Assert.Contains("inte står till arbetsmarknadens förfogande", body.GetProperty("text").GetString());
        Assert.Contains("trepartssamtal", body.GetProperty("text").GetString());
        var details = body.GetProperty("details");
        Assert.Equal("NotAvailable", details.GetProperty("availability").GetString());
        Assert.Equal("SpeciallyAdapted", details.GetProperty("needCategory").GetString());
        Assert.Equal(app.Today.ToString("yyyy-MM-dd"), details.GetProperty("assessedOn").GetString());
        Assert.DoesNotContain("Ont i ryggen", message.Body); // never the answers
    }

    [Fact]
    public async Task Without_consent_the_district_is_only_asked_to_obtain_consent()
    {
        var (caseId, _, _) = await EnrolledAsync(consent: false);
        await SignAsync(app, caseId, Instrument.InDepth, Availability.NotAvailable, NeedCategory.LongTermAdapted, null, ("health_limits", "long_term"));

        var message = Assert.Single(await MessagesAsync(caseId));
        Assert.Equal(MessageKind.AssessedNotAvailable, message.Kind);
        Assert.False(message.HasDetails);
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.True(body.GetProperty("consentRequired").GetBoolean());
        Assert.Equal(DistrictOutbox.NoConsentText, body.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("details").ValueKind);
    }

    [Fact]
    public async Task An_in_depth_assessment_that_finds_the_person_available_tells_the_district_nothing()
    {
        var (caseId, _, _) = await EnrolledAsync();
        await SignAsync(app, caseId, Instrument.InDepth, Availability.PartlyAvailable, NeedCategory.Situational, null, ("health_limits", "some"));

        Assert.Empty(await MessagesAsync(caseId));
    }

    [Fact]
    public async Task A_coachs_start_page_lists_cases_without_an_initial_assessment_near_the_deadline_and_in_depth_assessments_due()
    {
        // Enrolled a week ago: the plan deadline (five working days) is today.
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: Centre);
        var coach = await app.SignInAsync(coachUser);
        var late = await ReferAsync(app, District, referralDate: app.Today.AddDays(-8));
        await EnrolAsync(app, coach, coachUser, late, app.Today.AddDays(-7));
        var fresh = await ReferAsync(app, District);
        await EnrolAsync(app, coach, coachUser, fresh);
        var partly = await ReferAsync(app, District, referralDate: app.Today.AddDays(-8));
        await EnrolAsync(app, coach, coachUser, partly, app.Today.AddDays(-7));
        await SignAsync(app, partly, Instrument.Initial, Availability.PartlyAvailable, NeedCategory.Situational, null, ("health_limits", "some"));

        var page = await coach.GetStringAsync("/");

        var without = Section(page, "data-testid=\"without-initial\"");
        Assert.Contains($"data-case=\"{late}\"", without);
        Assert.DoesNotContain($"data-case=\"{fresh}\"", without); // five working days left
        Assert.DoesNotContain($"data-case=\"{partly}\"", without); // assessed
        Assert.Contains("1 ärende saknar inledande bedömning", page);
        var inDepth = Section(page, "data-testid=\"in-depth-due\"");
        Assert.Contains($"data-case=\"{partly}\"", inDepth);
        Assert.DoesNotContain($"data-case=\"{late}\"", inDepth);
        Assert.Contains("1 ärende behöver en fördjupad bedömning", page);

        // An in-depth assessment begun but not signed is not one made: the case is still listed.
        await BeginAsync(app, partly, Instrument.InDepth);
        Assert.Contains($"data-case=\"{partly}\"", Section(await coach.GetStringAsync("/"), "data-testid=\"in-depth-due\""));
    }

    [Fact]
    public async Task A_district_case_worker_sees_the_districts_cases_without_an_initial_assessment_until_one_is_made()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var referred = await ReferAsync(app, District);
        var other = await ReferAsync(app, "farsta");

        var page = await caseWorker.GetStringAsync("/");
        var list = Section(page, "data-testid=\"district-without-initial\"");
        Assert.Contains($"data-case=\"{referred}\"", list);
        Assert.DoesNotContain($"data-case=\"{other}\"", list); // another district's

        await SignAsync(app, referred, Instrument.Initial, Availability.Available, NeedCategory.Standard, null, ("health_limits", "none"));

        Assert.DoesNotContain($"data-case=\"{referred}\"", await caseWorker.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_case_api_carries_the_latest_result_for_those_who_may_read_assessments_and_nothing_for_others()
    {
        var (caseId, coach, _) = await EnrolledAsync(referred: app.Today.AddDays(-2));
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey); // no assessments scope
        Assert.Null((await coach.GetFromJsonAsync<CaseDto>($"/api/cases/{caseId}", Json))!.Assessment);

        await SignAsync(app, caseId, Instrument.Initial, Availability.PartlyAvailable, NeedCategory.Situational, app.Today.AddDays(-1), ("health_limits", "some"));
        await SignAsync(app, caseId, Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null, ("health_limits", "major"));

        var seen = (await coach.GetFromJsonAsync<CaseDto>($"/api/cases/{caseId}", Json))!.Assessment;
        Assert.Equal(new CaseAssessmentDto(Instrument.InDepth, app.Today, Availability.NotAvailable, NeedCategory.SpeciallyAdapted), seen);
        var listed = (await coach.GetFromJsonAsync<List<CaseDto>>($"/api/cases?take=500", Json))!.Single(c => c.Id == caseId);
        Assert.Equal(seen, listed.Assessment);
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        Assert.Equal(seen, (await caseWorker.GetFromJsonAsync<CaseDto>($"/api/cases/{caseId}", Json))!.Assessment);

        Assert.Null((await robot.GetFromJsonAsync<CaseDto>($"/api/cases/{caseId}", Json))!.Assessment);
        var raw = await robot.GetStringAsync($"/api/cases/{caseId}");
        Assert.DoesNotContain("NotAvailable", raw);
    }

    private Task<List<DistrictMessage>> MessagesAsync(int caseId) => app.WithDbAsync(db => db.DistrictMessages
        .Where(m => m.CaseId == caseId && m.Kind != MessageKind.Enrolled && m.Kind != MessageKind.InfoMeetingCancelled).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The markup from <paramref name="marker"/> to the end of its table.</summary>
    private static string Section(string page, string marker)
    {
        var from = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{marker} is not on the page");
        var to = page.IndexOf("</table>", from, StringComparison.Ordinal);
        return page[from..(to < 0 ? page.Length : to)];
    }
}
