using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.DistrictMessages;

/// <summary>What the district is told when the job centre works a case, written in the same save as the change; and the
/// inbox where a district without an endpoint reads it.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class DistrictMessageTests(JobbtorgAppFactory app)
{
    private const string District = "skarpnack"; // served by farsta; no endpoint configured, so messages go to the inbox
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<int> ReferAsync(bool consent)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = consent, consentDate = consent ? app.Today.ToString("yyyy-MM-dd") : null, firstName = "Sam", lastName = "Skarp",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id;
    }

    private async Task<List<DistrictMessage>> MessagesAsync(int caseId) =>
        await app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The case's messages but the cancelled info-meeting time, which a referral booked on another test's meeting
    /// also gets when it is enrolled.</summary>
    private async Task<List<DistrictMessage>> TurnsAsync(int caseId) =>
        (await MessagesAsync(caseId)).Where(m => m.Kind != MessageKind.InfoMeetingCancelled).ToList();

    private async Task<HttpClient> EnrolAndAgreePlanAsync(int caseId)
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        var today = app.Today.ToString("yyyy-MM-dd");
        await coach.SubmitFormAsync($"/Cases/Enrol/{caseId}", new() { ["EnrolmentDate"] = today, ["CoachId"] = coachUser.Id });
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new() { ["Goal"] = "5223", ["Summary"] = "Butik" }, $"/Plans/Edit/{caseId}?handler=Goal");
        var activityType = await app.WithDbAsync(db => db.ActivityTypes.Where(a => a.Code == "active-job-search").Select(a => a.Id).SingleAsync());
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new()
        {
            ["Activity.ActivityTypeId"] = activityType.ToString(), ["Activity.StartDate"] = today, ["Activity.HoursPerWeek"] = "20",
        }, $"/Plans/Edit/{caseId}?handler=Add");
        var agree = await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new() { ["AgreedOn"] = today, ["ParticipantAgrees"] = "true" }, $"/Plans/Edit/{caseId}?handler=Agree");
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);
        return coach;
    }

    [Fact]
    public async Task An_agreed_plan_and_a_closure_reach_the_district_with_details_when_the_person_consented()
    {
        var caseId = await ReferAsync(consent: true);
        var coach = await EnrolAndAgreePlanAsync(caseId);
        var close = await coach.SubmitFormAsync($"/Cases/Close/{caseId}", new()
        {
            ["ClosureDate"] = app.Today.ToString("yyyy-MM-dd"), ["Reason"] = "Work", ["SubReason"] = "Unsubsidised",
        });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);

        var messages = await TurnsAsync(caseId);
        Assert.Equal([MessageKind.Enrolled, MessageKind.PlanAgreed, MessageKind.Closure], messages.Select(m => m.Kind));
        Assert.All(messages, m => Assert.Equal(DeliveryState.Inbox, m.State));
        var plan = JsonDocument.Parse(messages[1].Body).RootElement;
        Assert.Equal("5223", plan.GetProperty("details").GetProperty("goal").GetProperty("ssyk").GetString());
        Assert.Equal(1, plan.GetProperty("details").GetProperty("activities").GetArrayLength());
        var closure = JsonDocument.Parse(messages[2].Body).RootElement;
        Assert.Equal("Work", closure.GetProperty("details").GetProperty("closureReason").GetString());
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Participant.PersonalNumber).SingleAsync()),
            messages[0].Body);
    }

    [Fact]
    public async Task Without_consent_the_message_carries_only_the_case_reference_and_a_request_for_consent()
    {
        var caseId = await ReferAsync(consent: false);
        await EnrolAndAgreePlanAsync(caseId);

        var message = Assert.Single(await TurnsAsync(caseId), m => m.Kind == MessageKind.PlanAgreed);
        Assert.False(message.HasDetails);
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.True(body.GetProperty("consentRequired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("details").ValueKind);
        Assert.Equal(DistrictOutbox.NoConsentText, body.GetProperty("text").GetString());
        Assert.DoesNotContain("5223", message.Body);
    }

    [Fact]
    public async Task A_refused_change_writes_no_message()
    {
        var caseId = await ReferAsync(consent: true);
        var coach = await EnrolAndAgreePlanAsync(caseId);
        var before = (await MessagesAsync(caseId)).Count;

        // A closure dated before the enrolment is refused: neither the closure nor its message is stored.
        var refused = await coach.SubmitFormAsync($"/Cases/Close/{caseId}", new()
        {
            ["ClosureDate"] = app.Today.AddDays(-30).ToString("yyyy-MM-dd"), ["Reason"] = "Studies",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(before, (await MessagesAsync(caseId)).Count);
    }

    [Fact]
    public async Task The_case_worker_reads_the_districts_messages_in_the_inbox_and_marks_them_read()
    {
        var caseId = await ReferAsync(consent: true);
        await EnrolAndAgreePlanAsync(caseId);
        var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseRef).SingleAsync());

        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        Assert.Contains("olästa meddelanden", await caseWorker.GetStringAsync("/"));
        var inbox = await caseWorker.GetStringAsync("/Messages/Inbox");
        Assert.Contains(caseRef, inbox);
        Assert.Contains("Planen (version 1) är överenskommen", inbox);

        // Another district's case worker does not see it.
        var other = await app.SignInAsNewAsync(Roles.CaseWorker, district: "bromma");
        Assert.DoesNotContain(caseRef, await other.GetStringAsync("/Messages/Inbox?all=true"));

        foreach (var message in await MessagesAsync(caseId))
        {
            var read = await caseWorker.SubmitFormAsync("/Messages/Inbox", new(), $"/Messages/Inbox?handler=Read&id={message.Id}");
            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        }
        Assert.All(await MessagesAsync(caseId), m => Assert.NotNull(m.ReadAt));
        Assert.DoesNotContain(caseRef, await caseWorker.GetStringAsync("/Messages/Inbox"));
        Assert.Contains(caseRef, await caseWorker.GetStringAsync("/Messages/Inbox?all=true"));

        // A coach has no inbox of the district's.
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Contains("/Account/AccessDenied", (await coach.GetAsync("/Messages/Inbox")).Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_pause_and_a_resumption_reach_the_district_with_dates_and_reason_only_with_consent(bool consent)
    {
        var caseId = await ReferAsync(consent);
        var coach = await EnrolAndAgreePlanAsync(caseId);
        var today = app.Today.ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Pause/{caseId}",
            new() { ["PauseDate"] = today, ["Reason"] = "Sickness", ["Note"] = "Influensa enligt läkarintyg" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Details/{caseId}", new() { ["ResumeDate"] = today },
            $"/Cases/Details/{caseId}?handler=Resume")).StatusCode);

        var turns = (await TurnsAsync(caseId)).Where(m => m.Kind is MessageKind.Paused or MessageKind.Resumed).ToList();
        Assert.Equal([MessageKind.Paused, MessageKind.Resumed], turns.Select(m => m.Kind));
        // The coach's note is the job centre's own: never sent, consent or not.
        Assert.All(turns, m => Assert.DoesNotContain("Influensa", m.Body));
        if (consent)
        {
            var paused = JsonDocument.Parse(turns[0].Body).RootElement;
            Assert.Equal(today, paused.GetProperty("details").GetProperty("pausedOn").GetString());
            Assert.Equal("Sickness", paused.GetProperty("details").GetProperty("reason").GetString());
            Assert.Equal($"Ärendet är pausat från och med {today} (orsak: sjukdom). Pausade arbetsdagar räknas inte in i tiden för jobbplanen.",
                paused.GetProperty("text").GetString());
            var resumed = JsonDocument.Parse(turns[1].Body).RootElement.GetProperty("details");
            Assert.Equal((today, today, "Sickness"), (resumed.GetProperty("resumedOn").GetString(), resumed.GetProperty("pausedOn").GetString(),
                resumed.GetProperty("reason").GetString()));
        }
        else
        {
            Assert.All(turns, m =>
            {
                Assert.False(m.HasDetails);
                var body = JsonDocument.Parse(m.Body).RootElement;
                Assert.True(body.GetProperty("consentRequired").GetBoolean());
                Assert.Equal(JsonValueKind.Null, body.GetProperty("details").ValueKind);
                Assert.Equal(DistrictOutbox.NoConsentText, body.GetProperty("text").GetString());
                Assert.DoesNotContain("Sickness", m.Body);
                Assert.DoesNotContain("sjukdom", m.Body);
            });
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_plan_review_reaches_the_district_as_the_version_it_replaces_with_details_only_with_consent(bool consent)
    {
        var caseId = await ReferAsync(consent);
        var coach = await EnrolAndAgreePlanAsync(caseId);
        var today = app.Today.ToString("yyyy-MM-dd");
        await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new(), $"/Plans/Edit/{caseId}?handler=Start");
        var review = await coach.SubmitFormAsync($"/Plans/Edit/{caseId}", new() { ["AgreedOn"] = today, ["ParticipantAgrees"] = "true" },
            $"/Plans/Edit/{caseId}?handler=Agree");
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);

        var plans = (await TurnsAsync(caseId)).Where(m => m.Kind == MessageKind.PlanAgreed).ToList();
        Assert.Equal(2, plans.Count);
        var second = JsonDocument.Parse(plans[1].Body).RootElement;
        if (consent)
        {
            Assert.Equal($"Planen har följts upp: version 2 är överenskommen med deltagaren {today} och ersätter version 1 från {today}. " +
                         "Nästa uppföljning senast 2026-06-10.", second.GetProperty("text").GetString());
            var details = second.GetProperty("details");
            Assert.Equal(2, details.GetProperty("number").GetInt32());
            Assert.Equal(1, details.GetProperty("review").GetProperty("replacesVersion").GetInt32());
            Assert.Equal("2026-06-10", details.GetProperty("reviewDue").GetString());
            var first = JsonDocument.Parse(plans[0].Body).RootElement.GetProperty("details");
            Assert.Equal(JsonValueKind.Null, first.GetProperty("review").ValueKind);
        }
        else
        {
            Assert.All(plans, m => Assert.False(m.HasDetails));
            Assert.Equal(JsonValueKind.Null, second.GetProperty("details").ValueKind);
            Assert.DoesNotContain("replacesVersion", plans[1].Body);
            Assert.DoesNotContain("följts upp", plans[1].Body);
        }
    }
}
