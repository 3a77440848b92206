using Jobbtorg.Data;
using Jobbtorg.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReminderTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Coach = "coach.farsta@demo.jobbtorg.se";

    [Fact]
    public async Task A_coach_records_reminders_on_a_narrow_screen_after_a_field_error_and_sees_them_on_the_case_page()
    {
        var caseId = await WithDbAsync(db => db.Cases.Where(c => c.ClosureDate == null && c.JobCentre.Code == "farsta" && !c.Participant.ProtectedIdentity)
            .Select(c => c.Id).FirstAsync());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(320, 800);
        await new Pages.LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, Jobbtorg.Data.DemoData.Password);

        await page.GotoAsync($"{server.BaseUrl}/Cases/Details/{caseId}");
        await page.Locator("[data-testid='change-reminders']").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains($"/Reminders/Case/{caseId}"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Sms", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Mobilnummer").FillAsync("08-508 000 00");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Phone']")).ToContainTextAsync("Ange ett svenskt mobilnummer");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Mobilnummer").FillAsync("070-174 06 07");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains($"/Cases/Details/{caseId}"));
        await Assertions.Expect(page.Locator("[data-testid='reminders-consent']")).ToContainTextAsync("sms till 070-174 06 07");
        // The section itself; the page's header navigation is checked by the layout's own tests.
        var section = await Accessibility.RunAsync(page.Locator("[data-testid='case-reminders']"));
        Assert.Empty(section.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        var overflowing = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll(\"[data-testid='case-reminders'] *\")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.outerHTML.slice(0, 80))");
        Assert.Empty(overflowing);
    }

    private async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }
}
