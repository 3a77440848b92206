using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

public sealed class LoginPage(IPage page) : PageObject(page)
{
    public const string Path = "/Account/Login";

    public ILocator Email => Field("Input.Email");

    public ILocator Password => Field("Input.Password");

    public ILocator Submit => Page.Locator("main [type=submit]");

    public async Task<IResponse?> GotoAsync(string baseUrl) => await Page.GotoAsync(baseUrl + Path);

    public async Task LogInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Opens the login page, signs in with a one-time password and waits to land on the password page.</summary>
    public async Task<PasswordPage> LogInWithOneTimePasswordAsync(string baseUrl, string email, string oneTimePassword)
    {
        await GotoAsync(baseUrl);
        await Email.FillAsync(email);
        await Password.FillAsync(oneTimePassword);
        await SubmitAndExpectAsync(Submit, PasswordPage.Path);
        return new PasswordPage(Page);
    }

    /// <summary>Opens the login page, signs in and waits to land on My work.</summary>
    public async Task<MyWorkPage> LogInToMyWorkAsync(string baseUrl, string email, string password)
    {
        await GotoAsync(baseUrl);
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitAndExpectAsync(Submit, MyWorkPage.Path);
        return new MyWorkPage(Page);
    }
}
