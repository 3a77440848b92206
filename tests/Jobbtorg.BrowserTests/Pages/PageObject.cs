using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>Base for page objects: wraps one Playwright page.</summary>
/// <remarks>
/// Elements are found by form field names, form handlers, link targets and data-testid attributes,
/// never by visible text: the interface is translated.
/// </remarks>
public abstract class PageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The `lang` attribute of the html element.</summary>
    public Task<string?> HtmlLangAsync() => Page.Locator("html").GetAttributeAsync("lang");

    /// <summary>The path of the current address, e.g. /Cases/Details/12.</summary>
    public string CurrentPath => new Uri(Page.Url).AbsolutePath;

    /// <summary>Locates a form field by its name attribute (e.g. Input.Email).</summary>
    protected ILocator Field(string name) => Page.Locator($"[name='{name}']");

    /// <summary>
    /// The checkbox of a bool property: ASP.NET renders a hidden input with the same name after it,
    /// so <see cref="Field"/> would match two elements.
    /// </summary>
    protected ILocator Checkbox(string name) => Page.Locator($"input[type=checkbox][name='{name}']");

    /// <summary>The submit button of the form posting to the given page handler (e.g. Agree).</summary>
    protected ILocator HandlerSubmit(string handler) =>
        Page.Locator($"form[action*='handler={handler}'] [type=submit]");

    /// <summary>Error messages the page shows (validation summary and field messages), for failure reports.</summary>
    public async Task<IReadOnlyList<string>> ErrorMessagesAsync()
    {
        var texts = await Page.Locator(".validation-summary-errors li, .field-validation-error").AllInnerTextsAsync();
        return texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
    }

    /// <summary>
    /// Clicks something that loads a new document (a link, a form post with or without a redirect)
    /// and waits until the new document has loaded (<see cref="Navigation.LoadNewDocumentAsync"/>).
    /// </summary>
    protected Task ClickAndWaitForNewDocumentAsync(ILocator target) => Page.LoadNewDocumentAsync(() => target.ClickAsync());

    /// <summary>
    /// Submits a form with <see cref="ClickAndWaitForNewDocumentAsync"/> and expects to land on a path
    /// starting with <paramref name="expectedPath"/>; otherwise fails with the page's error messages.
    /// </summary>
    protected async Task SubmitAndExpectAsync(ILocator submit, string expectedPath)
    {
        await ClickAndWaitForNewDocumentAsync(submit);
        if (!CurrentPath.StartsWith(expectedPath, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Expected to land on {expectedPath} but the browser shows {CurrentPath}. " +
                $"Errors on the page: [{string.Join(" | ", await ErrorMessagesAsync())}]");
        }

        var errors = await ErrorMessagesAsync();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The page at {CurrentPath} shows errors: [{string.Join(" | ", errors)}]");
        }
    }

    /// <summary>Signs out with the header's sign-out form and lands on the login page.</summary>
    public async Task<LoginPage> SignOutAsync()
    {
        await SubmitAndExpectAsync(Page.Locator("form[action='/Account/Logout'] [type=submit]"), LoginPage.Path);
        return new LoginPage(Page);
    }
}
