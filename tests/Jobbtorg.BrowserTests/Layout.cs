using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests;

/// <summary>Measures what a user sees of a page at the browser's current width.</summary>
public static class Layout
{
    public static readonly int[] Desktop = [1366, 900];
    public static readonly int[] Phone = [390, 844];
    public static readonly int[] SmallPhone = [320, 640];

    /// <summary>Sets the window's size and returns once the page has answered it: its resize handlers (layout.js makes a
    /// table that now scrolls focusable) run before the next animation frame, which a check right after the resize
    /// could otherwise outrun.</summary>
    public static async Task SetWidthAsync(IPage page, int[] size)
    {
        await page.SetViewportSizeAsync(size[0], size[1]);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /// <summary>Fails when the page is wider than the window, i.e. the user must scroll the whole page sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1])
        {
            return;
        }

        var culprits = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''} (right ${Math.round(e.getBoundingClientRect().right)})`)
            """);
        Assert.Fail($"{page.Url} is {widths[0]} px wide in a {widths[1]} px window; too wide: {string.Join(", ", culprits)}");
    }

    /// <summary>
    /// Elements (a CSS selector) whose text does not fit: cut off in their own box, reaching out of the card that holds them
    /// or, for those marked to read on one line, broken over several lines. Returns descriptions, empty when all is readable.
    /// </summary>
    public static Task<string[]> UnreadableTextAsync(IPage page, string selector, string oneLineSelector) =>
        page.EvaluateAsync<string[]>(
            """
            ([selector, oneLine]) => {
                const problems = [];
                const describe = e => `${e.tagName.toLowerCase()}${e.dataset.testid ? '[' + e.dataset.testid + ']' : ''} "${e.innerText.trim().slice(0, 40)}"`;
                for (const e of document.querySelectorAll(selector)) {
                    const box = e.getBoundingClientRect();
                    const card = (e.closest('.card') ?? document.body).getBoundingClientRect();
                    if (e.scrollWidth > e.clientWidth + 1) problems.push(`${describe(e)} is cut off (${e.scrollWidth} > ${e.clientWidth} px)`);
                    if (box.right > card.right + 0.5 || box.left < card.left - 0.5) problems.push(`${describe(e)} reaches out of its card`);
                    if (box.right > window.innerWidth) problems.push(`${describe(e)} reaches out of the window`);
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    for (const r of range.getClientRects()) {
                        if (r.width > 0 && (r.right > card.right + 0.5 || r.right > window.innerWidth)) { problems.push(`${describe(e)}: text runs out of its card`); break; }
                    }
                }
                for (const e of document.querySelectorAll(oneLine)) {
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (lines.size > 1) problems.push(`${describe(e)} is broken over ${lines.size} lines`);
                }
                return problems;
            }
            """,
            new[] { selector, oneLineSelector });

    /// <summary>The menu's links that the user cannot see or reach at the current width.</summary>
    public static Task<string[]> UnreachableMenuLinksAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('header.top nav a')]
                .filter(a => {
                    const r = a.getBoundingClientRect();
                    return r.width === 0 || r.height === 0 || r.left < 0 || r.right > window.innerWidth || getComputedStyle(a).visibility === 'hidden';
                })
                .map(a => a.getAttribute('href'))
            """);

    /// <summary>The number of distinct rows the brand and the menu's items stand on (by their vertical middle).</summary>
    public static Task<int> MenuRowsAsync(IPage page) =>
        page.EvaluateAsync<int>(
            """
            () => [...document.querySelectorAll('header.top .brand, header.top nav li')]
                .map(e => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; })
                .sort((a, b) => a - b)
                .filter((middle, i, all) => i === 0 || middle - all[i - 1] > 8).length
            """);
}
