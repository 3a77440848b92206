using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>The user's own password (/Account/Password); after a one-time password, the only page there is.</summary>
public sealed class PasswordPage(IPage page) : PageObject(page)
{
    public const string Path = "/Account/Password";

    public ILocator MustChangeNotice => Page.Locator("[data-testid='must-change']");

    private async Task FillAsync(string current, string next, string repeat)
    {
        await Field("Input.CurrentPassword").FillAsync(current);
        await Field("Input.NewPassword").FillAsync(next);
        await Field("Input.RepeatPassword").FillAsync(repeat);
    }

    /// <summary>Sends the form expecting a refusal; returns the messages shown.</summary>
    public async Task<IReadOnlyList<string>> ChangeRefusedAsync(string current, string next)
    {
        await FillAsync(current, next, next);
        await ClickAndWaitForNewDocumentAsync(Page.Locator("main form [type=submit]"));
        return await ErrorMessagesAsync();
    }

    /// <summary>Saves the new password and lands on My work.</summary>
    public async Task<MyWorkPage> ChangeAsync(string current, string next)
    {
        await FillAsync(current, next, next);
        await SubmitAndExpectAsync(Page.Locator("main form [type=submit]"), MyWorkPage.Path);
        return new MyWorkPage(Page);
    }
}
