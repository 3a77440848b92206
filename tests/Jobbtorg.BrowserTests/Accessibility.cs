using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>Runs axe-core on the current page.</summary>
public static class Accessibility
{
    /// <summary>Fails on any violation axe reports, whatever its impact (minor, moderate, serious or critical) and rule.</summary>
    public static async Task<AxeResult> AssertNoViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        var result = await RunAsync(page);
        output?.WriteLine(
            $"axe on {page.Url}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, " +
            $"{result.Incomplete.Length} to review by hand ({string.Join(", ", result.Incomplete.Select(i => i.Id))})");
        Assert.True(result.Violations.Length == 0, $"axe on {page.Url}:{Environment.NewLine}{Describe(result.Violations)}");
        return result;
    }

    /// <summary>The name the older tests call; every violation fails now, not only serious and critical ones.</summary>
    public static Task<AxeResult> AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null) =>
        AssertNoViolationsAsync(page, output);

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// axe-core's every rule on the page's document, run in the page. The package's <c>RunAxe</c> finishes each run in a
    /// new browser context, to merge results from cross-origin frames: 3–4 s a run on two cores against 0.4–0.7 s for
    /// the checks themselves. The app's pages have no cross-origin frames (<see cref="OutsideRequests"/> fails any request
    /// to another host), so one <c>axe.run</c> over the document, axe loaded into each of its frames, checks the same.
    /// </summary>
    public static async Task<AxeResult> RunAsync(IPage page)
    {
        await LoadAxeAsync(page);
        return Parse(await page.EvaluateAsync<string>("async () => JSON.stringify(await axe.run(document))"));
    }

    /// <summary>axe-core's every rule on one part of the page, e.g. a section.</summary>
    public static async Task<AxeResult> RunAsync(ILocator part)
    {
        await LoadAxeAsync(part.Page);
        return Parse(await part.EvaluateAsync<string>("async node => JSON.stringify(await axe.run(node))"));
    }

    private static async Task LoadAxeAsync(IPage page)
    {
        foreach (var frame in page.Frames)
        {
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                await frame.EvaluateAsync($"() => {{ {AxeSource.Value} }}");
            }
        }
    }

    private static AxeResult Parse(string json) => new(JObject.Parse(json));

    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl}){Environment.NewLine}" +
            string.Join(Environment.NewLine, v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"))));
}
