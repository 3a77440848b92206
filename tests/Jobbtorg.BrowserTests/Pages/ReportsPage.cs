using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>The indicator report (/Reports): the period chooser, the indicator table and the monthly charts; the other
/// report pages are one click away in its navigation.</summary>
public sealed class ReportsPage(IPage page) : PageObject(page)
{
    public const string Path = "/Reports";

    public ILocator MenuLink => Page.Locator("header nav a[href='/Reports']");
    public ILocator Form => Page.Locator("[data-testid='period-form']");
    public ILocator Indicators => Page.Locator("[data-testid='indicators']");
    public ILocator IndicatorRows => Indicators.Locator("tbody[data-indicator]");
    public ILocator GroupHeaders => Indicators.Locator("thead th[data-group]");
    public ILocator Charts => Page.Locator("figure.chart svg[role='img']");
    public ILocator ExcelLink => Page.Locator("[data-testid='excel']");

    public ILocator JobGuaranteeLink => Page.Locator("nav.subnav a[href^='/Reports/JobGuarantee']");
    public ILocator JobGuaranteeCounts => Page.Locator("[data-testid='guarantee-counts']");

    public ILocator CommitteeLink => Page.Locator("nav.subnav [data-testid='committee-link']");
    public ILocator CommitteeReport => Page.Locator("[data-testid='committee-report']");
    public ILocator CommitteeForm => Page.Locator("[data-testid='committee-form']");

    /// <summary>Opens the committee report from the report navigation and stays on this page object.</summary>
    public async Task OpenCommitteeReportAsync() => await SubmitAndExpectAsync(CommitteeLink, "/Reports/Committee");

    /// <summary>Opens the job-guarantee view for the same period and stays on this page object.</summary>
    public async Task OpenJobGuaranteeAsync() => await SubmitAndExpectAsync(JobGuaranteeLink, "/Reports/JobGuarantee");

    /// <summary>Follows the main menu's link from any page.</summary>
    public static async Task<ReportsPage> OpenFromMenuAsync(PageObject from)
    {
        var reports = new ReportsPage(from.Page);
        await reports.ClickAndWaitForNewDocumentAsync(reports.MenuLink);
        return reports;
    }

    /// <summary>Chooses a tertial of a year and a breakdown (reportingGroup, jobCentre, district, gender) and shows the report.</summary>
    public async Task ShowTertialAsync(int year, int tertial, string groupBy)
    {
        await Page.Locator("#period-tertial").CheckAsync();
        await Field("year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field("tertial").SelectOptionAsync(tertial.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field("groupBy").SelectOptionAsync(groupBy);
        await SubmitAndExpectAsync(Form.Locator("[type=submit]"), Path);
    }

    /// <summary>The group keys of the breakdown's columns, the total first.</summary>
    public async Task<IReadOnlyList<string>> GroupKeysAsync()
    {
        var keys = new List<string>();
        foreach (var header in await GroupHeaders.AllAsync()) keys.Add(await header.GetAttributeAsync("data-group") ?? "");
        return keys;
    }

    /// <summary>The text of one cell: indicator key, measure key, group key.</summary>
    public Task<string> CellAsync(string indicator, string measure, string group = "total") =>
        Indicators.Locator($"tbody[data-indicator='{indicator}'] tr[data-measure='{measure}'] td[data-group='{group}']").InnerTextAsync();
}
