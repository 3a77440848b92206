using System.Text.RegularExpressions;
using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class ReportTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Manager = "chef.farsta@demo.jobbtorg.se";

    [GeneratedRegex(@"^\d[\d\s]*$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^(\d+,\d %|–)$")]
    private static partial Regex SwedishPercent();

    [Fact]
    public async Task Manager_chooses_a_tertial_and_a_breakdown_and_reads_the_table_and_the_charts()
    {
        var today = TimeProvider.System.Today();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Manager, DemoData.Password);
        var reports = await ReportsPage.OpenFromMenuAsync(myWork);
        Assert.Equal(ReportsPage.Path, reports.CurrentPath);
        Assert.Equal(1, await reports.Indicators.CountAsync());

        // The demo cases lie in the last year and a half: the tertial that today falls in has enrolled cases.
        var tertial = ReportPeriod.TertialOf(today);
        await reports.ShowTertialAsync(today.Year, tertial, "reportingGroup");
        Assert.Contains($"period=tertial", page.Url, StringComparison.Ordinal);
        Assert.Contains($"tertial={tertial}", page.Url, StringComparison.Ordinal);
        Assert.Contains("groupBy=reportingGroup", page.Url, StringComparison.Ordinal);

        var groups = await reports.GroupKeysAsync();
        Assert.Equal("total", groups[0]);
        Assert.Contains("Other25Plus", groups);
        Assert.Equal(16, await reports.IndicatorRows.CountAsync());
        var enrolled = (await reports.CellAsync("enrolled", "count")).Trim();
        Assert.Matches(Count(), enrolled);
        Assert.True(int.Parse(enrolled.Replace("\u00a0", ""), System.Globalization.CultureInfo.InvariantCulture) > 0, "No enrolled cases in the tertial");
        Assert.Matches(SwedishPercent(), (await reports.CellAsync("jobGuarantee", "rate")).Trim());

        Assert.Equal(5, await reports.Charts.CountAsync()); // enrolled, newly enrolled, closed, closure rate, closed to work
        Assert.True(await reports.Charts.First.IsVisibleAsync());
        Assert.NotEmpty((await reports.Charts.First.Locator("title").TextContentAsync() ?? "").Trim());
        Assert.Equal(1, await reports.ExcelLink.CountAsync());

        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "reports");

        // The job guarantee for the same period, with the manager's list of cases without an agreed plan.
        await reports.OpenJobGuaranteeAsync();
        Assert.Contains($"tertial={tertial}", page.Url, StringComparison.Ordinal);
        Assert.Equal(5, await reports.JobGuaranteeCounts.Locator("li").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "reports-job-guarantee");
    }

    [Fact]
    public async Task The_committee_report_is_one_click_from_the_reports_and_prints_without_navigation_or_forms()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Manager, DemoData.Password);
        var reports = await ReportsPage.OpenFromMenuAsync(myWork);
        await reports.OpenCommitteeReportAsync();

        // On screen: the menu, the report navigation, the chooser and the report.
        Assert.True(await page.Locator("header.top nav").IsVisibleAsync());
        Assert.True(await reports.CommitteeLink.IsVisibleAsync());
        Assert.True(await reports.CommitteeForm.IsVisibleAsync());
        Assert.True(await reports.CommitteeReport.IsVisibleAsync());
        Assert.True(await page.Locator("button[data-print]").IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "reports-committee");

        // In print: the report alone, its tables' rows kept whole on a page and their headings repeated.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.top").IsVisibleAsync());
        Assert.False(await page.Locator("nav.subnav").IsVisibleAsync());
        Assert.False(await reports.CommitteeForm.IsVisibleAsync());
        Assert.False(await page.Locator("button[data-print]").IsVisibleAsync());
        Assert.False(await page.Locator("[data-testid='excel']").IsVisibleAsync());
        Assert.True(await reports.CommitteeReport.IsVisibleAsync());
        var row = page.Locator("table.committee tbody tr").First;
        Assert.True(await row.IsVisibleAsync());
        Assert.Equal("avoid", await row.EvaluateAsync<string>("row => getComputedStyle(row).breakInside"));
        Assert.Equal("table-header-group", await page.Locator("table.committee thead").First.EvaluateAsync<string>("head => getComputedStyle(head).display"));

        // The PDF a committee secretary saves from the browser: A4 pages of the report.
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var directory = Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "reports-committee.pdf"), pdf);
    }
}
