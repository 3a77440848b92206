using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

public sealed class LoginPage(IPage page) : PageObject(page)
{
    public const string Path = "/Account/Login";

    public ILocator Email => Field("Input.Email");

    public ILocator Password => Field("Input.Password");

    public ILocator Submit => Page.Locator("[type=submit]");

    public async Task<IResponse?> GotoAsync(string baseUrl) => await Page.GotoAsync(baseUrl + Path);

    public async Task LogInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
