using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CaseFlowTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string Coach = "coach.farsta@demo.jobbtorg.se";
    private const string District = "enskede-arsta-vantor";

    // An official test personal number from the Swedish Tax Agency (Skatteverket); not one the demo data uses.
    private const string PersonalNumber = "19880602-2391";

    [Fact]
    public async Task Case_worker_refers_and_coach_works_the_case_to_closure()
    {
        var today = TimeProvider.System.Today();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The district's case worker registers the referral.
        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        Assert.Equal("sv", await myWork.HtmlLangAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var referral = await myWork.StartReferralAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var casePage = await referral.RegisterAsync(new NewReferralPage.Referral(
            PersonalNumber, "Testa", "Flödesson", District, "UnemployedOnBenefit", ConsentDate: today,
            Text: "Söker arbete inom handeln."));

        var caseId = casePage.CaseId;
        Assert.Equal("sv", await casePage.HtmlLangAsync());
        var referredStatus = await casePage.StatusTextAsync();
        Assert.NotEmpty(referredStatus);
        Assert.Equal(0, await casePage.EnrolLink.CountAsync()); // enrolment is the job centre's work
        await casePage.SignOutAsync();

        // The job centre's coach finds the referral among those waiting for enrolment and enrols it.
        myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        Assert.Equal(1, await MyWorkPage.CaseLink(myWork.AwaitingEnrolment, caseId).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        casePage = await myWork.OpenCaseAsync(myWork.AwaitingEnrolment, caseId);
        Assert.Equal(caseId, casePage.CaseId);
        Assert.Equal(referredStatus, await casePage.StatusTextAsync());

        var enrol = await casePage.FollowEnrolAsync();
        var suggestedCoach = await enrol.SuggestedCoachIdAsync();
        Assert.NotEmpty(suggestedCoach);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        casePage = await enrol.EnrolAsync();

        var enrolledStatus = await casePage.StatusTextAsync();
        Assert.NotEqual(referredStatus, enrolledStatus);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (await casePage.Deadline.InnerTextAsync()).Trim());
        Assert.Equal(WorkingDays.AddWorkingDays(today, 5), await CasePage.DateInAsync(casePage.Deadline));
        Assert.Equal(0, await casePage.EnrolLink.CountAsync());

        // The plan: goal, one activity, the participant's agreement today.
        var plan = await casePage.FollowPlanAsync();
        await plan.StartDraftIfNeededAsync();
        var goal = await plan.OccupationOptionAsync("5223");
        Assert.StartsWith("5223 ", goal, StringComparison.Ordinal);
        await plan.SetGoalAsync(goal, "Arbete i butik inom ett år.");
        Assert.Equal(goal, await plan.Goal.InputValueAsync());

        var activityTypes = await plan.ActivityTypeIdsAsync();
        Assert.NotEmpty(activityTypes);
        await plan.AddActivityAsync(activityTypes[0], today, 20);
        Assert.Equal(1, await plan.RemoveActivityForms.CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        casePage = await plan.RecordAgreementAsync(today);
        Assert.Equal(1, await casePage.Guarantee.CountAsync());
        Assert.Contains("ok", (await casePage.Guarantee.GetAttributeAsync("class") ?? "").Split(' ')); // met
        Assert.Equal(today.AddMonths(3), await CasePage.DateInAsync(casePage.ReviewDue));

        // A journal note.
        const string note = "Första samtalet: deltagaren vill arbeta i butik.";
        await casePage.WriteNoteAsync(note);
        Assert.Equal(1, await casePage.JournalEntries.CountAsync());
        Assert.Contains(note, await casePage.JournalEntries.First.InnerTextAsync(), StringComparison.Ordinal);

        // Closure: work with a subsidised employment.
        var close = await casePage.FollowCloseAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        casePage = await close.CloseAsync("Work", "Subsidised");

        var closedStatus = await casePage.StatusTextAsync();
        Assert.NotEqual(enrolledStatus, closedStatus);
        Assert.NotEqual(referredStatus, closedStatus);
        Assert.NotEmpty((await casePage.ClosureReason.InnerTextAsync()).Trim());
        Assert.Equal(0, await casePage.PlanLink.CountAsync());
        Assert.Equal(0, await casePage.ActionLinks.CountAsync());
        Assert.Equal(0, await casePage.NoteForm.CountAsync());
        Assert.Equal(0, await page.Locator("main .errors:visible").CountAsync()); // no empty error box

        var history = await casePage.TimelineTextsAsync();
        Assert.True(history.Count >= 4, "History: " + string.Join(" | ", history));
        Assert.Equal("sv", await casePage.HtmlLangAsync());

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "case-page");
    }
}
