using System.Text.RegularExpressions;
using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
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
        Assert.Equal(14, await reports.IndicatorRows.CountAsync());
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
}
