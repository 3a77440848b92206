using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>Runs axe-core on the current page.</summary>
public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>
    /// Fails on violations of impact serious or critical; minor and moderate ones are written to the
    /// test output so that they stay visible without failing the run.
    /// </summary>
    public static async Task<AxeResult> AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper? output = null)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        var other = result.Violations.Except(blocking).ToList();
        output?.WriteLine(
            $"axe on {page.Url}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, " +
            $"{result.Incomplete.Length} to review by hand ({string.Join(", ", result.Incomplete.Select(i => i.Id))})");
        if (other.Count > 0)
        {
            output?.WriteLine($"axe on {page.Url}, not failing the test:{Environment.NewLine}{Describe(other)}");
        }

        Assert.True(blocking.Count == 0, $"axe on {page.Url}:{Environment.NewLine}{Describe(blocking)}");
        return result;
    }

    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl}){Environment.NewLine}" +
            string.Join(Environment.NewLine, v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"))));
}
