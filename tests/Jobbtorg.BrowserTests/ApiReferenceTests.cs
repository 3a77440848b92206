using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Administrator = "admin@demo.jobbtorg.se";

    [Fact]
    public async Task Administrator_opens_the_API_reference_from_the_menu_and_every_asset_comes_from_the_app()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Administrator, DemoData.Password);
        await page.Locator("header nav a[href='/api/docs']").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/api/docs/", StringComparison.Ordinal));

        // The reference is drawn by script from the OpenAPI document: the title and an endpoint show that it ran.
        await page.GetByText("Jobbtorg API").First.WaitForAsync();
        await page.GetByText("/api/referrals").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForNetworkQuietAsync();
        await page.EvaluateAsync("() => document.fonts.ready");
        await BrowserFixture.SaveScreenshotAsync(page, "api-reference");

        // The request client opens in a dialog of its own, with more to load.
        await page.Locator(".show-api-client-button").First.ClickAsync();
        await page.Locator("[role=dialog]").First.WaitForAsync();
        await page.WaitForNetworkQuietAsync();
        // Sending (the client's Ctrl+Enter) goes straight to the app, not through the library's proxy: an empty
        // referral, refused with 400.
        var sent = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Control+Enter"),
            response => response.Url.EndsWith("/api/referrals", StringComparison.Ordinal));
        Assert.Equal(400, sent.Status);
        await page.WaitForNetworkQuietAsync();
        await page.EvaluateAsync("() => document.fonts.ready");
        await BrowserFixture.SaveScreenshotAsync(page, "api-reference-client");

        output.WriteLine(string.Join("\n", requested.Distinct()));
        Assert.Contains(requested, url => url.StartsWith(server.BaseUrl + "/openapi/v1.json", StringComparison.Ordinal));
        // Disposing the context fails the test if any of these went to another host (fonts from a CDN, say).
    }

    [Fact]
    public async Task A_page_that_asks_another_host_for_anything_fails_the_test()
    {
        var context = await browser.NewContextAsync();
        // Answered inside the browser, so that nothing leaves the machine while the guard is proved.
        await context.RouteAsync("http://outside.example/**", route => route.FulfillAsync(new() { Status = 204 }));
        var page = await context.NewPageAsync();

        await page.SetContentAsync("<img alt='' src='http://outside.example/pixel.png'>");

        var error = await Assert.ThrowsAsync<OutsideRequestException>(async () => await context.DisposeAsync());
        Assert.Contains("http://outside.example/pixel.png", error.Message);
    }
}
