using System.Net;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class CaseFlowPageTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta

    private async Task<int> ReferThroughFormAsync(HttpClient caseWorker, string personalNumber)
    {
        var response = await caseWorker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = personalNumber, ["Input.FirstName"] = "Testa", ["Input.LastName"] = "Testsson",
            ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true",
            ["Input.HasChildren"] = "true", ["Input.ConsentGiven"] = "true", ["Input.ConsentDate"] = app.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<Case> LoadAsync(int id) => app.WithDbAsync(db => db.Cases.Include(c => c.Plans).ThenInclude(p => p.Activities)
        .Include(c => c.Journal).Include(c => c.Coach).AsSplitQuery().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_case_is_worked_from_referral_to_closure_through_the_pages()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Farsta");
        var coach = await app.SignInAsync(coachUser);
        var id = await ReferThroughFormAsync(caseWorker, TestPeople.Adult(app.Today));

        // The coach's start page lists the referral as waiting for enrolment.
        Assert.Contains($"/Cases/Details/{id}", await coach.GetStringAsync("/"));

        var enrol = await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = "2026-03-10", ["CoachId"] = coachUser.Id });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        var enrolled = await LoadAsync(id);
        Assert.Equal(CaseStatus.Enrolled, enrolled.Status);
        Assert.Equal(ReportingGroup.Other25Plus, enrolled.ReportingGroup);
        Assert.Equal(new DateOnly(2026, 3, 17), enrolled.JobGuaranteeDeadline); // Tue 10 March + 5 working days

        var page = await coach.GetStringAsync($"/Cases/Details/{id}");
        Assert.Contains("2026-03-17", page);

        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new(), $"/Plans/Edit/{id}?handler=Start");
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["Goal"] = "5223", ["Summary"] = "Butik" }, $"/Plans/Edit/{id}?handler=Goal");
        var activityType = await app.WithDbAsync(db => db.ActivityTypes.Where(a => a.Code == "active-job-search").Select(a => a.Id).SingleAsync());
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new()
        {
            ["Activity.ActivityTypeId"] = activityType.ToString(), ["Activity.StartDate"] = "2026-03-10", ["Activity.HoursPerWeek"] = "20",
        }, $"/Plans/Edit/{id}?handler=Add");
        var agree = await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["AgreedOn"] = "2026-03-10", ["ParticipantAgrees"] = "true" }, $"/Plans/Edit/{id}?handler=Agree");
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);

        var planned = await LoadAsync(id);
        Assert.Equal(new DateOnly(2026, 3, 10), planned.FirstPlanAgreedOn);
        Assert.Equal(JobGuaranteeState.Met, planned.JobGuarantee(app.Today));
        Assert.Equal(new DateOnly(2026, 6, 10), planned.PlanReviewDue);
        Assert.Equal("5223", planned.LatestAgreedPlan!.GoalSsykCode);
        Assert.Single(planned.LatestAgreedPlan.Activities);

        await coach.SubmitFormAsync($"/Cases/Details/{id}", new() { ["Note.Date"] = "2026-03-10", ["Note.Text"] = "Första mötet." }, $"/Cases/Details/{id}?handler=Note");
        var pause = await coach.SubmitFormAsync($"/Cases/Pause/{id}", new() { ["PauseDate"] = "2026-03-10", ["Reason"] = "Sickness" });
        Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
        Assert.Equal(CaseStatus.Paused, (await LoadAsync(id)).Status);
        await coach.SubmitFormAsync($"/Cases/Details/{id}", new() { ["ResumeDate"] = "2026-03-10" }, $"/Cases/Details/{id}?handler=Resume");
        Assert.Equal(CaseStatus.Enrolled, (await LoadAsync(id)).Status);

        var close = await coach.SubmitFormAsync($"/Cases/Close/{id}", new() { ["ClosureDate"] = "2026-03-10", ["Reason"] = "Work", ["SubReason"] = "Subsidised" });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = await LoadAsync(id);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(ClosureSubReason.Subsidised, closed.ClosureSubReason);
        Assert.Single(closed.Journal);

        // Closed means read-only: no action links, and a posted change is refused with a message.
        var closedPage = await coach.GetStringAsync($"/Cases/Details/{id}");
        Assert.DoesNotContain($"/Plans/Edit/{id}", closedPage);
        var refused = await coach.SubmitFormAsync($"/Cases/Pause/{id}", new() { ["PauseDate"] = "2026-03-10", ["Reason"] = "Other" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("class=\"errors validation-summary-errors\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(CaseStatus.Closed, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task The_referral_form_names_each_bad_field_and_stores_nothing()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var response = await caseWorker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = "12345", ["Input.FirstName"] = "", ["Input.LastName"] = "X", ["Input.District"] = District,
            ["Input.TargetGroup"] = "", ["Input.ConsentGiven"] = "true",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-valmsg-for=\"Input.PersonalNumber\"", html);
        Assert.Matches("field-validation-error\" data-valmsg-for=\"Input.PersonalNumber\"[^>]*>[^<]+<", html);
        Assert.Matches("field-validation-error\" data-valmsg-for=\"Input.FirstName\"[^>]*>[^<]+<", html);
        Assert.Matches("field-validation-error\" data-valmsg-for=\"Input.TargetGroup\"[^>]*>[^<]+<", html);
        Assert.Matches("field-validation-error\" data-valmsg-for=\"Input.ConsentDate\"[^>]*>[^<]+<", html);
        Assert.Contains("lang=\"sv\"", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_second_referral_in_the_form_leads_to_the_open_case()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var pn = TestPeople.Adult(app.Today);
        var first = await ReferThroughFormAsync(caseWorker, pn);
        var second = await ReferThroughFormAsync(caseWorker, pn);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Enrolment_suggests_the_coach_with_the_fewest_open_cases()
    {
        var busy = await app.CreateUserAsync(Roles.Coach, centre: "vallingby", name: "Busy Coach");
        var free = await app.CreateUserAsync(Roles.Coach, centre: "vallingby", name: "Free Coach");
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "vallingby");
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        async Task<int> Refer() => (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(robot, "/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = "bromma", targetGroup = "UnemployedOnBenefit",
        })).Headers.Location!.OriginalString.Split('/').Last() is var id ? int.Parse(id) : 0;

        var first = await Refer();
        await manager.SubmitFormAsync($"/Cases/Enrol/{first}", new() { ["EnrolmentDate"] = "2026-03-10", ["CoachId"] = busy.Id });
        var second = await Refer();
        var page = await manager.GetStringAsync($"/Cases/Enrol/{second}");
        Assert.Matches($"<option value=\"{free.Id}\" selected=\"selected\">", page);
    }

    [Fact]
    public async Task Each_role_sees_only_its_own_cases()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var id = await ReferThroughFormAsync(caseWorker, TestPeople.Adult(app.Today));

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsNewAsync(Roles.Coach, centre: "farsta")).GetAsync($"/Cases/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsNewAsync(Roles.Coach, centre: "kista")).GetAsync($"/Cases/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsNewAsync(Roles.CaseWorker, district: "bromma")).GetAsync($"/Cases/Details/{id}")).StatusCode);
        var analyst = await app.SignInAsNewAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.GetAsync("/Cases")).StatusCode); // to access denied
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/Cases/Details/{id}")).StatusCode);

        // The district sees the case but not the job centre's journal, and cannot enrol.
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Contains("/Account/AccessDenied", (await caseWorker.GetAsync($"/Cases/Enrol/{id}")).Headers.Location!.OriginalString);
        Assert.Contains("id=\"journal-h\"", await coach.GetStringAsync($"/Cases/Details/{id}"));
        Assert.DoesNotContain("id=\"journal-h\"", await caseWorker.GetStringAsync($"/Cases/Details/{id}"));
    }

    [Fact]
    public async Task A_journal_note_is_never_edited_and_a_correction_points_at_it()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var id = await ReferThroughFormAsync(caseWorker, TestPeople.Adult(app.Today));
        await coach.SubmitFormAsync($"/Cases/Details/{id}", new() { ["Note.Date"] = "2026-03-10", ["Note.Text"] = "Fel uppgift." }, $"/Cases/Details/{id}?handler=Note");
        var original = (await LoadAsync(id)).Journal.Single();
        await coach.SubmitFormAsync($"/Cases/CorrectNote/{id}/{original.Id}", new()
        {
            ["Note.Date"] = "2026-03-10", ["Note.Text"] = "Rätt uppgift.", ["Note.Corrects"] = original.Id.ToString(),
        }, $"/Cases/Details/{id}?handler=Note");

        var journal = (await LoadAsync(id)).Journal.OrderBy(j => j.Id).ToList();
        Assert.Equal(2, journal.Count);
        Assert.Equal("Fel uppgift.", journal[0].Text);
        Assert.Equal(original.Id, journal[1].CorrectsEntryId);
        Assert.Contains("class=\"journal-text corrected\"", await coach.GetStringAsync($"/Cases/Details/{id}"));
    }

    [Fact]
    public async Task The_interface_switches_to_english_and_back()
    {
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Contains("lang=\"sv\"", await coach.GetStringAsync("/"));
        await coach.SubmitFormAsync("/", new() { ["culture"] = "en-GB", ["returnUrl"] = "/" }, "/Account/Language");
        var english = await coach.GetStringAsync("/");
        Assert.Contains("lang=\"en\"", english);
        Assert.Contains("My work", english);
    }
}
