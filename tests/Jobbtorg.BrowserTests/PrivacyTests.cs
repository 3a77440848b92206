using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>The register extract in the browser: an administrator finds it on the start page, asks for a person's extract and
/// reads it, on a laptop and on the smallest phone, with nothing axe objects to.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task An_administrator_reads_a_persons_register_extract_on_a_laptop_and_a_phone()
    {
        var personalNumber = await WithDbAsync(db => db.Cases
            .Where(c => db.PlanVersions.Any(p => p.CaseId == c.Id))
            .OrderBy(c => c.Id).Select(c => c.Participant.PersonalNumber).FirstAsync());
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, "admin@demo.jobbtorg.se", DemoData.Password);

        await page.Locator("[data-testid=register-extract-link] a[href='/Privacy/Extract']").ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/Privacy/Extract", StringComparison.Ordinal));
        await Accessibility.AssertNoViolationsAsync(page, output);

        await page.Locator("[name='PersonalNumber']").FillAsync($"{personalNumber[..8]}-{personalNumber[8..]}");
        await page.Locator("[data-testid=extract-form] button[type=submit]:not([formaction])").ClickAsync();
        await page.Locator("[data-testid=extract]").WaitForAsync();
        Assert.True(await page.Locator("[data-section=plans] h3").CountAsync() > 0);
        Assert.True(await page.Locator("button[data-print]").IsVisibleAsync());

        foreach (var size in new[] { Layout.Desktop, Layout.SmallPhone })
        {
            await Layout.SetWidthAsync(page, size);
            output.WriteLine($"extract at {size[0]} px");
            await Accessibility.AssertNoViolationsAsync(page, output);
            await Layout.AssertNoSidewaysScrollAsync(page);
        }

        // Printed: the document only, without menu, form or buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.top").IsVisibleAsync());
        Assert.False(await page.Locator("[data-testid=extract-form]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-testid=extract] h1").IsVisibleAsync());
    }

    [Fact]
    public async Task An_administrator_gives_a_reason_before_opening_a_case_outside_their_caseload_on_a_laptop_and_a_phone()
    {
        var (caseId, caseRef) = await WithDbAsync(async db =>
        {
            var c = await db.Cases.OrderBy(c => c.Id).Select(c => new { c.Id, c.CaseRef }).FirstAsync();
            return (c.Id, c.CaseRef);
        });
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, "admin@demo.jobbtorg.se", DemoData.Password);

        // The prompt the access log puts before a case outside one's own caseload (turned off for the other flows).
        await page.GotoAsync($"{server.BaseUrl}/AccessLog/Reason?caseId={caseId}&returnUrl=/Cases/Details/{caseId}");
        Assert.Contains(caseRef, await page.Locator("main").InnerTextAsync());
        foreach (var size in new[] { Layout.Desktop, Layout.SmallPhone })
        {
            await Layout.SetWidthAsync(page, size);
            output.WriteLine($"reason prompt at {size[0]} px");
            await Accessibility.AssertNoViolationsAsync(page, output);
            await Layout.AssertNoSidewaysScrollAsync(page);
        }

        // "Another reason" without words is refused, and the refusal is as accessible as the form.
        await page.Locator("input[name=Choice][value=Other]").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("main .errors li").First.WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page, output);

        await page.Locator("#Text").FillAsync("Kollegan är sjuk i dag");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith($"/Cases/Details/{caseId}", StringComparison.Ordinal));
    }

    private async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }
}
