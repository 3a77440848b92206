using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests;

/// <summary>
/// Waits for a page the way a user does: the address shows, and the document itself says it has loaded.
/// </summary>
/// <remarks>
/// Playwright's own <c>WaitForURLAsync</c> and <c>WaitForLoadStateAsync</c> wait on load events sent to the test
/// process; under load an event was missed once and a page that had loaded counted as a 30-second timeout. Here the
/// address is read from the page object and readiness is asked of the document, polled inside the browser.
/// </remarks>
public static class Navigation
{
    private const string StaleMarker = "data-stale-document";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the address satisfies <paramref name="address"/> and that document has loaded.</summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> address)
    {
        var waited = Stopwatch.StartNew();
        while (!address(page.Url))
        {
            if (waited.Elapsed > Timeout)
                throw new TimeoutException($"After {Timeout.TotalSeconds:0} s the browser still shows {page.Url}.");
            await Task.Delay(25);
        }

        await page.WaitForDocumentLoadedAsync();
    }

    /// <summary>Waits until the address matches <paramref name="address"/> and that document has loaded.</summary>
    public static Task WaitForAddressAsync(this IPage page, Regex address) =>
        page.WaitForAddressAsync(address.IsMatch);

    /// <summary>Waits until the current document has loaded, stylesheets, scripts and images included.</summary>
    public static Task WaitForDocumentLoadedAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => document.readyState === 'complete'");

    /// <summary>
    /// Waits until the page has fetched nothing new for half a second: the resources it has fetched, counted in the
    /// page, stay the same. Also for what a script loads after the document itself has loaded.
    /// </summary>
    public static Task WaitForNetworkQuietAsync(this IPage page) =>
        page.EvaluateAsync(
            """
            async () => {
                performance.setResourceTimingBufferSize(100000);
                for (let seen = -1; ;) {
                    const now = performance.getEntriesByType('resource').length;
                    if (now === seen && document.readyState === 'complete') return;
                    seen = now;
                    await new Promise(resolve => setTimeout(resolve, 500));
                }
            }
            """);

    /// <summary>
    /// Does something that loads a new document (a click on a link, a form post with or without a redirect, Enter in
    /// a form) and waits until the new document has loaded. Works when the new address equals the old one, which an
    /// address alone cannot tell apart.
    /// </summary>
    public static async Task LoadNewDocumentAsync(this IPage page, Func<Task> action)
    {
        await page.EvaluateAsync($"() => document.documentElement.setAttribute('{StaleMarker}', '')");
        await action();
        await page.Locator($"html:not([{StaleMarker}])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForDocumentLoadedAsync();
    }
}
