using System.Text.RegularExpressions;
using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>The district's case worker refers a person and makes the initial assessment at once; the answers are saved as
/// they are given and the suggestion follows them; the job centre's coach then makes the in-depth assessment, signs it and
/// agrees a plan that starts from it.
/// Every page is checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentFlowTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string Coach = "coach.farsta@demo.jobbtorg.se";
    private const string District = "enskede-arsta-vantor";

    // An official test personal number from the Swedish Tax Agency (Skatteverket); not one the demo data or other tests use.
    private const string PersonalNumber = "19850101-2390";

    private static ILocator Choice(IPage page, string question, string value) =>
        page.Locator($"input[name='Answers[{question}]'][value='{value}']");

    [Fact]
    public async Task Case_worker_makes_the_initial_assessment_at_referral_and_the_coach_the_in_depth_one_and_a_plan_from_it()
    {
        var today = TimeProvider.System.Today();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        var referral = await myWork.StartReferralAsync();
        var casePage = await referral.RegisterAsync(new NewReferralPage.Referral(
            PersonalNumber, "Bea", "Bedömdsson", District, "UnemployedOnBenefit", ConsentDate: today));
        var caseId = casePage.CaseId;
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // The referral's confirmation offers the initial assessment.
        await page.Locator("[data-testid='assess-now'] button").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Assessments/Fill/\\d+$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await Choice(page, "work_status_now", "unemployed").CheckAsync();
        await Choice(page, "last_worked", "within_1y").CheckAsync();
        await page.Locator("#q-education_level").SelectOptionAsync("33");
        await Choice(page, "swedish_level", "B1").CheckAsync();
        await Choice(page, "health_limits", "some").CheckAsync();
        await page.Locator("#q-hours_available").FillAsync("20");
        await page.Locator("#q-hours_available").DispatchEventAsync("change");
        await Choice(page, "care_responsibility", "none").CheckAsync();
        await Choice(page, "start_when", "now").CheckAsync();
        await Choice(page, "digital_skills", "good").CheckAsync();
        await page.Locator("#q-job_search_confidence").FillAsync("4");
        await page.Locator("#q-job_search_confidence").DispatchEventAsync("change");
        await Choice(page, "driving_licence", "b").CheckAsync();

        // Saved as one goes, and the suggestion follows the answers.
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Sparat");
        await Assertions.Expect(page.Locator("#suggested-result")).ToContainTextAsync("Står delvis till arbetsmarknadens förfogande");
        await Assertions.Expect(page.Locator("#Availability")).ToHaveValueAsync("PartlyAvailable");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.Locator("button[formaction*='handler=Sign']").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Assessments/View/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid='availability']")).ToHaveTextAsync("Står delvis till arbetsmarknadens förfogande");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await new CasePage(page).SignOutAsync();

        // The coach makes the in-depth assessment from the case page.
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await page.GotoAsync($"{server.BaseUrl}{CasePage.PathPrefix}{caseId}");
        await Assertions.Expect(page.Locator("[data-testid='assessments'] [data-testid='assessment-result']"))
            .ToContainTextAsync("Står delvis till arbetsmarknadens förfogande");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("[data-testid='assessments'] form button", new() { HasTextString = "fördjupad" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Assessments/Fill/\\d+$"));

        await Choice(page, "swedish_level", "B1").CheckAsync();
        await Choice(page, "sfi_course", "done").CheckAsync();
        await page.Locator("#q-other_language-lang").SelectOptionAsync("ar");
        await page.Locator("#q-other_language-level").SelectOptionAsync("Native");
        await page.Locator("#q-education_level").SelectOptionAsync("33");
        await Choice(page, "education_recognised", "swedish").CheckAsync();
        await page.Locator("#q-experienced_occupation").FillAsync("5223");
        await Choice(page, "health_limits", "some").CheckAsync();
        await page.Locator("#q-work_capacity_percent").FillAsync("50");
        await Choice(page, "care_responsibility", "none").CheckAsync();
        await Choice(page, "digital_skills", "basic").CheckAsync();
        await Choice(page, "driving_licence", "b").CheckAsync();
        await Choice(page, "housing", "stable").CheckAsync();
        await page.Locator("#q-motivation_importance").FillAsync("9");
        await page.Locator("#q-motivation_confidence").FillAsync("7");
        await page.Locator("#q-motivation_confidence").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Sparat");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.Locator("button[formaction*='handler=Sign']").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Assessments/View/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid='availability']")).ToHaveTextAsync("Står delvis till arbetsmarknadens förfogande");
        await Assertions.Expect(page.Locator("[data-testid='answers']")).ToContainTextAsync("Arabiska");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // The coach enrols the person and agrees a plan that starts from the assessment: the goal from the work experience,
        // an internship because the person needs some activities first.
        await new CasePage(page).GotoAsync(server.BaseUrl, caseId);
        casePage = await (await new CasePage(page).FollowEnrolAsync()).EnrolAsync(today);
        var plan = await casePage.FollowPlanAsync();
        await Assertions.Expect(page.Locator("[data-testid='plan-from-assessment']")).ToContainTextAsync("5223");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await plan.StartDraftIfNeededAsync();
        Assert.StartsWith("5223", await plan.Goal.InputValueAsync());
        await Assertions.Expect(page.Locator("main table tbody")).ToContainTextAsync("Praktik");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        casePage = await plan.RecordAgreementAsync(today);
        Assert.Contains("ok", (await casePage.Guarantee.GetAttributeAsync("class") ?? "").Split(' ')); // agreed in time
    }
}
