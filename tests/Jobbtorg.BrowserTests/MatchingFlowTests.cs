using System.Text.RegularExpressions;
using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>A coach asks for a matcher's help; the matcher registers an employer and a vacancy, finds the person ranked
/// first among the candidates with the reasons, proposes them and records the hire; the coach sees the placement and
/// closes the case to work; the district's case worker reads the placement's message. Every page is checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MatchingFlowTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string Coach = "coach.farsta@demo.jobbtorg.se";
    private const string Matcher = "matcher.farsta@demo.jobbtorg.se";

    // An official test personal number from the Swedish Tax Agency (Skatteverket); not one the demo data or other tests use.
    private const string PersonalNumber = "19870101-2398";
    // 7411 Installations- och industrielektriker: no demo participant has it as a goal, so the person is the only near candidate.
    private const string Occupation = "7411";
    private const string EmployerName = "Farsta Elinstallation AB";

    [Fact]
    public async Task Matcher_proposes_the_ranked_candidate_records_the_hire_and_the_coach_closes_the_case_to_work()
    {
        var today = TimeProvider.System.Today();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The district refers the person; the coach enrols them, sets the plan's goal and asks the matchers for help.
        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        var casePage = await (await myWork.StartReferralAsync()).RegisterAsync(new NewReferralPage.Referral(
            PersonalNumber, "Elias", "Elström", "enskede-arsta-vantor", "UnemployedOnBenefit", ConsentDate: today));
        var caseId = casePage.CaseId;
        await casePage.SignOutAsync();

        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await casePage.GotoAsync(server.BaseUrl, caseId);
        casePage = await (await casePage.FollowEnrolAsync()).EnrolAsync(today);
        var plan = await casePage.FollowPlanAsync();
        await plan.StartDraftIfNeededAsync();
        await plan.SetGoalAsync(await plan.OccupationOptionAsync(Occupation));
        await casePage.GotoAsync(server.BaseUrl, caseId);
        await page.Locator("[data-testid='case-proposals'] a", new() { HasTextString = "Be en matchare om hjälp" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Ask$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("[name='Note']").FillAsync("Elias vill arbeta som elektriker.");
        await page.Locator("main form [type=submit]").ClickAsync();
        await page.WaitForAddressAsync(new Regex($"/Cases/Details/{caseId}$"));
        await Assertions.Expect(page.Locator("[data-testid='help-request']")).ToContainTextAsync("Elias vill arbeta som elektriker.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await casePage.SignOutAsync();

        // The matcher sees the request, registers the employer and the vacancy.
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Matcher, DemoData.Password);
        await Assertions.Expect(page.Locator("[data-testid='help-requests']")).ToContainTextAsync("Elias vill arbeta som elektriker.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.GotoAsync(server.BaseUrl + "/Employers");
        await page.Locator("[name='Input.OrganisationNumber']").FillAsync("559900-3026");
        await page.Locator("[name='Input.Name']").FillAsync(EmployerName);
        await page.Locator("[name='Input.Industry']").SelectOptionAsync("F");
        await page.Locator("main form[method='post'] [type=submit]").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Employers/Details/\\d+$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("a[href^='/Employers/NewVacancy/']").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Employers/NewVacancy/\\d+$"));
        await page.Locator("[name='Input.Title']").FillAsync("Elektriker");
        await page.Locator("[name='Input.Occupation']").FillAsync(Occupation);
        await page.Locator("[name='Input.Kind']").SelectOptionAsync("Employment");
        await page.Locator("[name='Input.Places']").FillAsync("1");
        await page.Locator("[name='Input.HoursPerWeek']").FillAsync("40");
        await page.Locator("[name='Input.PlaceOfWork']").FillAsync("Farsta centrum");
        await page.Locator("[name='Input.StartDate']").FillAsync(NewReferralPage.Iso(today.AddDays(14)));
        await page.Locator("[name='Input.LastDayToPropose']").FillAsync(NewReferralPage.Iso(today.AddDays(7)));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("main form [type=submit]").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Employers/Vacancy/\\d+$"));

        // The candidates: the person first, with the reason; proposed with one click.
        await page.Locator("[data-testid='to-matching']").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Matching/Vacancy/\\d+$"));
        var first = page.Locator("[data-testid='candidates'] > li").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-testid", $"candidate-{caseId}");
        await Assertions.Expect(first).ToContainTextAsync("Yrkesmål 7411");
        await Assertions.Expect(first).ToContainTextAsync("samma yrke");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await first.Locator("button", new() { HasTextString = "Föreslå" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='vacancy-proposals']")).ToContainTextAsync("Föreslagen");

        // Presented, then hired: the placement is recorded and the vacancy filled.
        await page.Locator("[data-testid='vacancy-proposals'] a", new() { HasTextString = "Nästa steg" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Matching/Proposal/\\d+$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("[name='Input.Status']").SelectOptionAsync("Hired");
        await page.Locator("[name='Input.PlacementStart']").FillAsync(NewReferralPage.Iso(today));
        await page.Locator("[name='Input.WageForm']").SelectOptionAsync("CollectiveAgreement");
        await page.Locator("[data-testid='step-form'] [type=submit]").ClickAsync();
        await page.WaitForAddressAsync(new Regex("/Matching/Vacancy/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid='vacancy-proposals']")).ToContainTextAsync("Anställd");
        await Assertions.Expect(page.Locator("[data-testid='vacancy-summary']")).ToContainTextAsync("0 av 1");
        await casePage.SignOutAsync();

        // The coach sees the placement found by matching and closes the case to work from the suggestion.
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await casePage.GotoAsync(server.BaseUrl, caseId);
        var placements = page.Locator("[data-testid='case-placements']");
        await Assertions.Expect(placements).ToContainTextAsync(EmployerName);
        await Assertions.Expect(placements).ToContainTextAsync("Anställning");
        await Assertions.Expect(page.Locator("[data-testid='case-proposals']")).ToContainTextAsync("Anställd");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await page.Locator("[data-testid='closure-suggestion'] a").ClickAsync();
        await page.WaitForAddressAsync(new Regex($"/Cases/Close/{caseId}"));
        var close = new ClosePage(page);
        await Assertions.Expect(close.Reason).ToHaveValueAsync("Work");
        await Assertions.Expect(close.SubReason).ToHaveValueAsync("Unsubsidised");
        await close.Submit.ClickAsync();
        await page.WaitForAddressAsync(new Regex($"/Cases/Details/{caseId}$"));
        await Assertions.Expect(casePage.ClosureReason).ToContainTextAsync("Arbete");
        await casePage.SignOutAsync();

        // The district is told: the placement's message is in the case worker's inbox.
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        await page.GotoAsync(server.BaseUrl + "/Messages/Inbox");
        await Assertions.Expect(page.Locator("[data-testid='inbox']")).ToContainTextAsync(EmployerName);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }
}
