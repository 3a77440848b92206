using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AttendanceTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Coach = "coach.farsta@demo.jobbtorg.se";
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string District = "enskede-arsta-vantor";

    [Fact]
    public async Task Coach_registers_a_days_attendance_for_a_group_and_the_case_worker_reads_the_unexcused_absence_in_the_inbox()
    {
        var day = TimeProvider.System.Today();
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(-1);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await page.GotoAsync($"{server.BaseUrl}/Attendance?activity=active-job-search&date={day:yyyy-MM-dd}&coach=all");
        await page.Locator("[data-testid='all-present']").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("allPresent=true"));
        var rows = page.Locator("[data-testid='attendance-rows'] tbody tr[data-case]");
        var caseIds = new List<int>();
        var alreadyUnexcused = new HashSet<int>();
        foreach (var row in await rows.AllAsync())
        {
            var id = int.Parse((await row.GetAttributeAsync("data-case"))!);
            caseIds.Add(id);
            if ((await row.Locator("[data-testid='stored']").InnerTextAsync()).Trim() == "Ogiltig frånvaro") alreadyUnexcused.Add(id);
            // The demo data may have registered the day already; the coach sets everyone present first.
            await row.Locator("input[type=radio][value='Present']").CheckAsync();
        }
        Assert.True(caseIds.Count >= 2, $"the demo group has {caseIds.Count} participants on {day}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // One of the group, from the case worker's district, stayed away without a reason.
        var candidates = caseIds.Except(alreadyUnexcused).ToList();
        var absent = await WithDbAsync(db => db.Cases.Where(c => candidates.Contains(c.Id) && c.District.Code == District)
            .Select(c => new { c.Id, c.CaseRef }).FirstAsync());
        var absentRow = page.Locator($"tr[data-case='{absent.Id}']");
        await absentRow.Locator("input[type=radio][value='UnexcusedAbsence']").CheckAsync();
        await page.Locator("[data-testid='register-day'] button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("allPresent=true"));

        Assert.Equal("Ogiltig frånvaro", (await absentRow.Locator("[data-testid='stored']").InnerTextAsync()).Trim());
        foreach (var id in caseIds.Where(id => id != absent.Id))
            Assert.Equal("Närvarande", (await page.Locator($"tr[data-case='{id}'] [data-testid='stored']").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "attendance-day");
        await new MyWorkPage(page).SignOutAsync();

        // The district's case worker reads it in the inbox the same day.
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        await page.Locator("header nav a[href='/Messages/Inbox']").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/Messages/Inbox"));
        var message = page.Locator("[data-testid='inbox'] li[data-kind='UnexcusedAbsence']", new() { HasText = absent.CaseRef });
        Assert.Equal(1, await message.CountAsync());
        Assert.Contains("Ogiltig frånvaro", await message.InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "district-inbox");
    }

    [Fact]
    public async Task A_coach_starts_with_their_own_participants_and_chooses_everyone_with_the_filter_at_1366_px()
    {
        var day = TimeProvider.System.Today();
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(-1);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);

        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
        await page.GotoAsync($"{server.BaseUrl}/Attendance?date={day:yyyy-MM-dd}");
        var coachFilter = page.Locator("select#coach");
        Assert.Equal("Mina deltagare", (await coachFilter.Locator("option:checked").InnerTextAsync()).Trim());
        var activity = await page.Locator("select#activity").InputValueAsync();
        var rows = page.Locator("[data-testid='attendance-rows'] tbody tr[data-case]");
        var mine = await rows.CountAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // A plain form: the choice goes in the address, and the activity stays.
        await coachFilter.SelectOptionAsync("all");
        await page.Locator("[data-testid='choose-day'] button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("coach=all"));
        Assert.Equal("all", await page.Locator("select#coach").InputValueAsync());
        Assert.Equal(activity, await page.Locator("select#activity").InputValueAsync());
        var all = await rows.CountAsync();
        Assert.True(all > 0 && all >= mine, $"all participants: {all}, mine: {mine}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "attendance-filter-1366");
    }

    private async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }
}
