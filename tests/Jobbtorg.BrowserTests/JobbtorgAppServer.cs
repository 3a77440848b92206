using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.BrowserTests;

/// <summary>
/// Serves the real application on Kestrel at 127.0.0.1 with a port chosen by the OS,
/// so that a real browser can reach it. Each instance gets its own SQLite file with demo data.
/// </summary>
public sealed class JobbtorgAppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databasePath =
        Path.Combine(Path.GetTempPath(), $"jobbtorg-browser-{Guid.NewGuid():N}.db");

    public JobbtorgAppServer()
    {
        // Binds http://127.0.0.1:0; the OS picks a free port, read back in InitializeAsync.
        UseKestrel(0);
    }

    /// <summary>The address the server listens on, without a trailing slash, e.g. http://127.0.0.1:43117.</summary>
    public string BaseUrl { get; private set; } = "";

    public string DatabasePath => _databasePath;

    /// <summary>The server's clock: real time, moved forward when a test needs a later day (the day of a meeting).</summary>
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings before the host is built.
        builder.UseSetting("Jobbtorg:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={_databasePath}");
        builder.UseSetting("Jobbtorg:DemoData", "true");
        // The flows open cases as whoever they need; the reason asked for outside one's caseload is tested over HTTP.
        builder.UseSetting("Jobbtorg:AccessLog:AskForReason", "false");
        builder.UseSetting("Jobbtorg:Retention:Enabled", "false");
        // A meeting scheduled in a test may be booked at once, however soon it starts.
        builder.UseSetting("Jobbtorg:InfoMeetings:MinimumNoticeHours", "0");
        // The tests of a collection sign in many times from one address within a minute; the limits have tests of their own.
        builder.UseSetting("Jobbtorg:RateLimits:SignInsPerAddressPerMinute", "100000");
        builder.UseSetting("Jobbtorg:RateLimits:SignInsPerAccountPer15Minutes", "100000");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task InitializeAsync()
    {
        StartServer();
        var server = Services.GetRequiredService<IServer>();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server exposes no addresses.");
        BaseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))?.TrimEnd('/')
            ?? throw new InvalidOperationException(
                $"The server listens on no http address: {string.Join(", ", addresses)}");
        OutsideRequests.AllowOrigin(BaseUrl);
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabaseFiles();
    }

    private void DeleteDatabaseFiles()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm", _databasePath + "-journal" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A file still held open is left in the temp folder; it does not affect other runs.
            }
        }
    }
}

/// <summary>Real time plus an offset a test can set and must reset.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
