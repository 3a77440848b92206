using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>Base for page objects: wraps one Playwright page.</summary>
public abstract class PageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The `lang` attribute of the html element.</summary>
    public Task<string?> HtmlLangAsync() => Page.Locator("html").GetAttributeAsync("lang");

    /// <summary>Locates a form field by its name attribute (e.g. Input.Email).</summary>
    protected ILocator Field(string name) => Page.Locator($"[name='{name}']");
}
