using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>The start page ("My work"): a coach's cases, referrals waiting for enrolment, a district's referrals.</summary>
public sealed class MyWorkPage(IPage page) : PageObject(page)
{
    public const string Path = "/";

    /// <summary>Referred cases waiting for enrolment (coaches and managers).</summary>
    public ILocator AwaitingEnrolment => Page.Locator("section[aria-labelledby='await-h']");

    /// <summary>The coach's own open cases.</summary>
    public ILocator MyCases => Page.Locator("[data-testid='my-cases']");

    /// <summary>The district's referrals (case workers).</summary>
    public ILocator DistrictReferrals => Page.Locator("section[aria-labelledby='district-h']");

    public ILocator NewReferralLink => Page.Locator("main a[href='/Referrals/New']");

    public async Task<IResponse?> GotoAsync(string baseUrl) => await Page.GotoAsync(baseUrl + Path);

    /// <summary>The link to a case inside the given section of the page.</summary>
    public static ILocator CaseLink(ILocator section, int caseId) => section.Locator($"a[href='/Cases/Details/{caseId}']");

    public async Task<CasePage> OpenCaseAsync(ILocator section, int caseId)
    {
        await ClickAndWaitForNewDocumentAsync(CaseLink(section, caseId));
        return new CasePage(Page);
    }

    public async Task<NewReferralPage> StartReferralAsync()
    {
        await ClickAndWaitForNewDocumentAsync(NewReferralLink);
        return new NewReferralPage(Page);
    }
}
