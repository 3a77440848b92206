using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>Runs axe-core on the current page.</summary>
public static class Accessibility
{
    /// <summary>Fails on any violation axe reports, whatever its impact (minor, moderate, serious or critical) and rule.</summary>
    public static async Task<AxeResult> AssertNoViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        var result = await page.RunAxe();
        output?.WriteLine(
            $"axe on {page.Url}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, " +
            $"{result.Incomplete.Length} to review by hand ({string.Join(", ", result.Incomplete.Select(i => i.Id))})");
        Assert.True(result.Violations.Length == 0, $"axe on {page.Url}:{Environment.NewLine}{Describe(result.Violations)}");
        return result;
    }

    /// <summary>The name the older tests call; every violation fails now, not only serious and critical ones.</summary>
    public static Task<AxeResult> AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null) =>
        AssertNoViolationsAsync(page, output);

    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl}){Environment.NewLine}" +
            string.Join(Environment.NewLine, v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"))));
}
