using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>The pages read well from a 320 px phone to a 1366 px laptop, in Swedish and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string Coach = "coach.farsta@demo.jobbtorg.se";
    private const string Manager = "chef.farsta@demo.jobbtorg.se";
    private const string Administrator = "admin@demo.jobbtorg.se";

    // An official test personal number from the Swedish Tax Agency (Skatteverket); not one the demo data or other tests use.
    private const string PersonalNumber = "19800102-2394";

    /// <summary>The case page's facts: every value within its card, and the short ones on one line.</summary>
    private const string Facts = "[data-testid='case-facts'] dt, [data-testid='case-facts'] dd";

    private const string OneLine =
        "[data-testid='case-ref'], [data-testid='personal-number'], [data-testid='enrolment-date'], [data-testid='deadline'], [data-testid='review-due']";

    [Fact]
    public async Task The_case_pages_facts_read_in_full_at_every_width_in_both_languages_before_and_after_enrolment()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The longest district and target group there are.
        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        var referral = await myWork.StartReferralAsync();
        var casePage = await referral.RegisterAsync(new NewReferralPage.Referral(
            PersonalNumber, "Alexandra-Kristina", "Johansson-Lindqvist", "enskede-arsta-vantor", "SfiStudent",
            ConsentDate: TimeProvider.System.Today()));
        Assert.Contains("Enskede-Årsta-Vantör", await casePage.Page.Locator("[data-testid='district']").InnerTextAsync());
        var caseId = casePage.CaseId;
        await AssertCaseFactsReadableAsync(page, "referred");
        await casePage.SignOutAsync();

        myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await casePage.GotoAsync(server.BaseUrl, caseId);
        casePage = await (await casePage.FollowEnrolAsync()).EnrolAsync();
        Assert.Matches(CasePage.IsoDate(), await casePage.Deadline.InnerTextAsync());
        Assert.Equal(1, await casePage.Guarantee.CountAsync());
        await AssertCaseFactsReadableAsync(page, "enrolled");
    }

    private async Task AssertCaseFactsReadableAsync(IPage page, string state)
    {
        foreach (var language in new[] { "sv", "en" })
        {
            await SetLanguageAsync(page, language);
            foreach (var size in new[] { Layout.Desktop, Layout.Phone, Layout.SmallPhone })
            {
                await Layout.SetWidthAsync(page, size);
                var problems = await Layout.UnreadableTextAsync(page, Facts, OneLine);
                Assert.True(problems.Length == 0, $"The {state} case at {size[0]} px ({language}): {string.Join("; ", problems)}");
                await Layout.AssertNoSidewaysScrollAsync(page);
                Assert.Empty(await Layout.UnreachableMenuLinksAsync(page));
                await BrowserFixture.SaveScreenshotAsync(page, $"layout-case-{state}-{size[0]}-{language}");
            }
        }

        await SetLanguageAsync(page, "sv");
        await Layout.SetWidthAsync(page, Layout.Desktop);
    }

    [Fact]
    public async Task Start_pages_plan_and_attendance_fit_the_window_on_a_laptop_and_a_phone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var day = TimeProvider.System.Today();
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(-1);
        var planCase = await WithDbAsync(db => db.Cases
            .Where(c => c.JobCentre.Name == "Jobbtorg Farsta" && c.Status == Jobbtorg.Features.Cases.CaseStatus.Enrolled
                        && db.PlanVersions.Any(v => v.CaseId == c.Id && v.Activities.Count > 0))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

        foreach (var (user, name, paths) in new (string, string, (string Path, string Shot)[])[]
                 {
                     (Coach, "coach", [("/", "start-coach"), ($"/Plans/Edit/{planCase}", "plan"), ($"/Attendance?activity=active-job-search&date={day:yyyy-MM-dd}", "attendance")]),
                     (CaseWorker, "case-worker", [("/", "start-case-worker"), ("/Messages/Inbox", "inbox")]),
                     (Manager, "manager", [("/", "start-manager")]),
                 })
        {
            await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, user, DemoData.Password);
            foreach (var (path, shot) in paths)
            {
                await page.GotoAsync(server.BaseUrl + path);
                foreach (var size in new[] { Layout.Desktop, Layout.Phone })
                {
                    await Layout.SetWidthAsync(page, size);
                    output.WriteLine($"{name} {path} at {size[0]} px");
                    await Layout.AssertNoSidewaysScrollAsync(page);
                    Assert.Empty(await Layout.UnreachableMenuLinksAsync(page));
                    await BrowserFixture.SaveScreenshotAsync(page, $"layout-{shot}-{size[0]}");
                }

                await Layout.SetWidthAsync(page, Layout.Desktop);
            }

            await new MyWorkPage(page).SignOutAsync();
        }
    }

    [Fact]
    public async Task The_report_by_district_shows_its_last_column_or_scrolls_it_into_view_inside_the_table()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Manager, DemoData.Password);
        foreach (var path in new[] { "/Reports?groupBy=district", "/Reports/Committee" })
        {
            await page.GotoAsync(server.BaseUrl + path);
            foreach (var size in new[] { Layout.Desktop, Layout.Phone })
            {
                await Layout.SetWidthAsync(page, size);
                await Layout.AssertNoSidewaysScrollAsync(page);
                // The last column of every table is in the window, or in a box the user scrolls sideways to it.
                var hidden = await page.EvaluateAsync<string[]>(
                    """
                    () => [...document.querySelectorAll('main table')].filter(t => {
                        const cells = t.querySelectorAll('tr:last-child > :last-child');
                        const last = cells[cells.length - 1];
                        if (!last || last.getBoundingClientRect().right <= window.innerWidth) return false;
                        for (let box = last.parentElement; box && box !== document.body; box = box.parentElement) {
                            const style = getComputedStyle(box);
                            if (['auto', 'scroll'].includes(style.overflowX) && box.scrollWidth > box.clientWidth
                                && box.getBoundingClientRect().right <= window.innerWidth) return false;
                        }
                        return true;
                    }).map(t => t.dataset.testid ?? t.className)
                    """);
                Assert.True(hidden.Length == 0, $"{path} at {size[0]} px: the last column cannot be seen in {string.Join(", ", hidden)}");
                await BrowserFixture.SaveScreenshotAsync(page, $"layout-report{(path.Contains("Committee") ? "-committee" : "-district")}-{size[0]}");
            }

            await Layout.SetWidthAsync(page, Layout.Desktop);
        }
    }

    [Fact]
    public async Task The_administrators_menu_stands_on_one_line_on_a_laptop_and_every_item_is_reachable_on_a_phone()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Administrator, DemoData.Password);
        Assert.True(await page.Locator("header.top nav li").CountAsync() >= 9, "the administrator's menu");
        foreach (var language in new[] { "sv", "en" })
        {
            await SetLanguageAsync(page, language);
            await Layout.SetWidthAsync(page, Layout.Desktop);
            Assert.Equal(1, await Layout.MenuRowsAsync(page));
            await BrowserFixture.SaveScreenshotAsync(page, $"layout-admin-menu-1366-{language}");

            foreach (var size in new[] { Layout.Phone, Layout.SmallPhone })
            {
                await Layout.SetWidthAsync(page, size);
                Assert.Empty(await Layout.UnreachableMenuLinksAsync(page));
                await Layout.AssertNoSidewaysScrollAsync(page);
                Assert.True(await page.Locator("header.top form[action='/Account/Logout'] [type=submit]").IsVisibleAsync());
                foreach (var path in new[] { "/Import", "/Messages/Queue", "/Staff", "/Attendance/Rates", "/InfoMeetings" })
                {
                    await page.GotoAsync(server.BaseUrl + path);
                    output.WriteLine($"{path} at {size[0]} px ({language})");
                    await Layout.AssertNoSidewaysScrollAsync(page);
                }
            }
        }

        await SetLanguageAsync(page, "sv");
    }

    [Fact]
    public async Task Every_page_has_a_favicon_and_loads_nothing_that_is_missing()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404) missing.Add(response.Url);
        };

        await new LoginPage(page).GotoAsync(server.BaseUrl);
        var icon = await page.Locator("head link[rel=icon]").GetAttributeAsync("href");
        Assert.NotNull(icon);
        var answer = await page.APIRequest.GetAsync(server.BaseUrl + icon);
        Assert.Equal(200, answer.Status);
        Assert.Contains("svg", answer.Headers["content-type"], StringComparison.Ordinal);
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await page.GotoAsync(server.BaseUrl + "/Cases");
        await page.WaitForNetworkQuietAsync();
        Assert.Empty(missing);
    }

    private static async Task SetLanguageAsync(IPage page, string language)
    {
        if (await page.Locator("html").GetAttributeAsync("lang") == language) return;
        await page.Locator("header button[name=culture]").ClickAsync();
        await page.Locator($"html[lang={language}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForDocumentLoadedAsync();
    }

    private async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }
}
