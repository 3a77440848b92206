using System.Net;
using System.Text.RegularExpressions;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// The real application over HTTP, on SQLite (default) or on a fresh PostgreSQL database when
/// JOBBTORG_TEST_DB=Postgres (server in JOBBTORG_TEST_PG). Only the clock is faked.
/// </summary>
public sealed class JobbtorgAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-123";
    public const string RobotKey = "robot-key-with-all-scopes";
    public const string EavKey = "eav-district-key";
    public const string NoScopeKey = "key-without-scopes";

    /// <summary>Tuesday 10 March 2026, 10:00 Stockholm time.</summary>
    public FakeTimeProvider Clock { get; private init; } = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Where this application's imports wait on disk.</summary>
    public string SpoolFolder => Path.Combine(Path.GetTempPath(), "jobbtorg-test-spool", databaseName);

    static JobbtorgAppFactory()
    {
        // The framework buffers uploads in one folder for the whole process; the app would point it at its own spool
        // folder, which differs between the applications a test run starts and is removed with each.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_TEMP")))
            Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Path.GetTempPath());
    }

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("JOBBTORG_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private readonly string databaseName = $"jobbtorg_test_{Guid.NewGuid():N}";
    private readonly IReadOnlyDictionary<string, string> extraSettings = new Dictionary<string, string>();
    private readonly bool createDatabase = true;
    private readonly bool dropDatabase = true;
    private readonly Action<IServiceCollection>? testServices;
    private string connectionString = "";

    /// <summary>The application's database, once initialised: for a second application that reads it (a report replica).</summary>
    public string ConnectionString => connectionString;

    public JobbtorgAppFactory() { }

    /// <summary>An application with settings of its own. Two instances given the same <paramref name="database"/> run
    /// one after the other on one database, as an application restarted: the first creates it, the last drops it.</summary>
    /// <param name="onKestrel">Serve on real Kestrel at 127.0.0.1 (<see cref="BaseUrl"/>) rather than in memory, for
    /// tests in which another server must reach the app or follow its redirects.</param>
    public static JobbtorgAppFactory WithSettings(IReadOnlyDictionary<string, string> settings, string? database = null,
        bool createDatabase = true, bool dropDatabase = true, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null,
        bool onKestrel = false) =>
        new(settings, database, createDatabase, dropDatabase, clock, services, onKestrel);

    // Private: a collection fixture may have only one public constructor.
    private JobbtorgAppFactory(IReadOnlyDictionary<string, string> settings, string? database, bool createDatabase,
        bool dropDatabase, FakeTimeProvider? clock, Action<IServiceCollection>? services, bool onKestrel)
    {
        testServices = services;
        extraSettings = settings;
        if (database is not null) databaseName = database;
        this.createDatabase = createDatabase;
        this.dropDatabase = dropDatabase;
        if (clock is not null) Clock = clock;
        this.onKestrel = onKestrel;
        // Port 0: the OS picks a free one, read back when the server has started.
        if (onKestrel) UseKestrel(0);
    }

    private readonly bool onKestrel;

    /// <summary>On Kestrel: the address the app listens on, e.g. http://127.0.0.1:43117 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public static string NewDatabaseName() => $"jobbtorg_test_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            var server = PostgresTestDatabase.Server;
            if (createDatabase) await PostgresTestDatabase.CreateAsync(databaseName);
            // Several test applications share one server (max_connections is 100 by default) and a burst of parallel
            // requests would otherwise open up to Npgsql's default of 100 connections each; the rest wait for a free one.
            var pool = new NpgsqlConnectionStringBuilder(server);
            connectionString = server + $";Database={databaseName}" + (pool.MaxPoolSize == 100 ? ";Maximum Pool Size=20" : "");
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), databaseName + ".db")}";
        }
        if (onKestrel)
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        }
        _ = Services; // starts the host: migrations and reference data
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings before the host is built.
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Jobbtorg:Database:Provider"] = OnPostgres ? "Postgres" : "Sqlite",
            ["Jobbtorg:Database:MigrateOnStart"] = "true",
            ["ConnectionStrings:Jobbtorg"] = connectionString,
            // A spool folder per application: an application starting removes its own process's files from its folder.
            ["Jobbtorg:Import:SpoolFolder"] = SpoolFolder,
            ["Jobbtorg:DemoData"] = "false",
            // Tests serve waiting lists by the events that serve them, not by the hourly round.
            ["Jobbtorg:InfoMeetings:ServeWaitingListsEvery"] = "00:00:00",
            // Tests run the attendance rounds themselves, for the date they choose.
            ["Jobbtorg:Attendance:DailyRounds"] = "false",
            // Tests open cases as whoever they need; the reason asked for outside one's caseload has tests of its own.
            ["Jobbtorg:AccessLog:AskForReason"] = "false",
            // Tests run the retention round themselves, for the date they choose.
            ["Jobbtorg:Retention:Enabled"] = "false",
            // Tests sign in many users from one address in a few seconds; the limits have tests of their own.
            ["Jobbtorg:RateLimits:SignInsPerAddressPerMinute"] = "100000",
            ["Jobbtorg:RateLimits:SignInsPerAccountPer15Minutes"] = "100000",
            ["Jobbtorg:RateLimits:ApiRequestsPerKeyPerMinute"] = "10000000",
            // Research pseudonyms are made with a test key; outside Development the app does not start without one.
            ["Jobbtorg:Research:PseudonymKey"] = "test-research-pseudonym-key-0123456789abcdef",
            ["Jobbtorg:ApiKeys:0:Name"] = "robot",
            ["Jobbtorg:ApiKeys:0:Key"] = RobotKey,
            ["Jobbtorg:ApiKeys:0:Scopes:0"] = Scopes.ReferralsWrite,
            ["Jobbtorg:ApiKeys:0:Scopes:1"] = Scopes.Export,
            ["Jobbtorg:ApiKeys:0:Scopes:2"] = Scopes.Import,
            ["Jobbtorg:ApiKeys:0:Scopes:3"] = Scopes.ReportsRead,
            ["Jobbtorg:ApiKeys:0:Scopes:4"] = Scopes.FollowUpWrite,
            ["Jobbtorg:ApiKeys:0:Scopes:5"] = Scopes.ReportsCases,
            ["Jobbtorg:ApiKeys:0:Scopes:6"] = Scopes.AuditRead,
            ["Jobbtorg:ApiKeys:0:Scopes:7"] = Scopes.PrivacyExtract,
            ["Jobbtorg:ApiKeys:1:Name"] = "eav-system",
            ["Jobbtorg:ApiKeys:1:KeyHash"] = ApiKeyHash.Of(EavKey),
            ["Jobbtorg:ApiKeys:1:Scopes:0"] = Scopes.ReferralsWrite,
            ["Jobbtorg:ApiKeys:1:Scopes:1"] = Scopes.FollowUpWrite,
            ["Jobbtorg:ApiKeys:1:Scopes:2"] = Scopes.AssessmentsWrite,
            ["Jobbtorg:ApiKeys:1:District"] = "enskede-arsta-vantor",
            ["Jobbtorg:ApiKeys:2:Name"] = "reader",
            ["Jobbtorg:ApiKeys:2:Key"] = NoScopeKey,
        })
            builder.UseSetting(key, value);
        foreach (var (key, value) in extraSettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            testServices?.Invoke(services);
        });
    }

    public HttpClient ApiClient(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("ApiKey", key);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<AppUser> CreateUserAsync(string role, string? centre = null, string? district = null, string? name = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.jobbtorg.se";
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? $"{role} {email[..12]}",
            JobCentreId = centre is null ? null : (await db.JobCentres.SingleAsync(c => c.Code == centre)).Id,
            DistrictId = district is null ? null : (await db.Districts.SingleAsync(d => d.Code == district)).Id,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A browser-like client signed in through the real login form.</summary>
    public async Task<HttpClient> SignInAsync(AppUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        // As a page of the app would: API changes made with the sign-in carry the page's antiforgery token.
        client.DefaultRequestHeaders.Add(Jobbtorg.Features.Access.ApiAntiforgery.HeaderName, await client.AntiforgeryTokenAsync("/Account/Logout"));
        return client;
    }

    public async Task<HttpClient> SignInAsNewAsync(string role, string? centre = null, string? district = null) =>
        await SignInAsync(await CreateUserAsync(role, centre, district));

    public async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }

    private bool cleanedUp;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Stops the application, then removes its database and spool folder: on every way out, the fixture's
    /// and a test's own <c>await using</c>, which would otherwise leave its database behind.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync(); // stops the host first: its background services and requests are done with the database
        if (!dropDatabase || cleanedUp) return;
        cleanedUp = true;
        if (Directory.Exists(SpoolFolder)) Directory.Delete(SpoolFolder, recursive: true);
        if (OnPostgres)
        {
            await PostgresTestDatabase.DropAsync(databaseName, connectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // With its write-ahead log and shared-memory index, which a connection closed last leaves behind.
            foreach (var suffix in new[] { ".db", ".db-wal", ".db-shm" })
                File.Delete(Path.Combine(Path.GetTempPath(), databaseName + suffix));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HttpCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "Http";
}

public static partial class FormPosting
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The antiforgery token of the form on a page, as the signed-in client would get it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No form with an antiforgery token on {pageUrl}.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>GETs the page that holds the form (for its antiforgery token), then posts the fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No form with an antiforgery token on {pageUrl} ({page.StatusCode}).");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(body));
    }
}
