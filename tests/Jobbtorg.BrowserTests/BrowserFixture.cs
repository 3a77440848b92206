using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests;

/// <summary>
/// One headless Chromium (Debian's /usr/bin/chromium) per test collection.
/// Tests open a fresh context per test with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing; install Debian's chromium (scripts/test does this).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new, isolated browser context set up like a Swedish user's browser. Disposing it fails the test
    /// when a page requested anything from a host other than the app's (<see cref="OutsideRequests"/>).</summary>
    public async Task<IBrowserContext> NewContextAsync(string? baseUrl = null) =>
        OutsideRequests.Guard(await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            BaseURL = baseUrl,
        }));

    /// <summary>Saves a full-page screenshot to artifacts/screenshots/&lt;name&gt;.png under the repository root.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<JobbtorgAppServer>
{
    public const string Name = "Browser";
}
