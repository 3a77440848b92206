using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>Staff administration (/Staff): the list of users and the new-user form with its one-time password.</summary>
public sealed class StaffPage(IPage page) : PageObject(page)
{
    public const string Path = "/Staff";
    public const string NewPath = "/Staff/New";

    public ILocator MenuLink => Page.Locator("header nav a[href='/Staff']");
    public ILocator StaffTable => Page.Locator("[data-testid='staff']");
    public ILocator NewUserLink => Page.Locator("[data-testid='new-user']");
    public ILocator Created => Page.Locator("[data-testid='created']");
    public ILocator OneTimePassword => Page.Locator("[data-testid='one-time-password']");

    public static async Task<StaffPage> OpenFromMenuAsync(PageObject from)
    {
        var staff = new StaffPage(from.Page);
        await staff.ClickAndWaitForNewDocumentAsync(staff.MenuLink);
        return staff;
    }

    public async Task StartNewUserAsync() => await ClickAndWaitForNewDocumentAsync(NewUserLink);

    /// <summary>Fills and sends the new-user form; returns the one-time password the answer shows.</summary>
    public async Task<string> CreateAsync(string email, string name, string role, string jobCentreName)
    {
        await Field("Email").FillAsync(email);
        await Field("DisplayName").FillAsync(name);
        await Field("Input.Role").SelectOptionAsync(role);
        await Field("Input.JobCentreId").SelectOptionAsync(new SelectOptionValue { Label = jobCentreName });
        await SubmitAndExpectAsync(Page.Locator("main form [type=submit]"), NewPath);
        return (await OneTimePassword.InnerTextAsync()).Trim();
    }
}
