using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jobbtorg.Bench;

/// <summary>Where the bench keeps what it makes: artifacts/bench under the repository (ignored by git).</summary>
public static class BenchPaths
{
    public static readonly string Root = FindRoot();
    public static string Artifacts => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "bench")).FullName;
    public static string PublishedApp => Path.Combine(Artifacts, "app");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jobbtorg.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The machine's runtime, so the app is published as production publishes it: compiled ahead of time.</summary>
    private static string RuntimeIdentifier =>
        "linux-" + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    /// <summary>Publishes the app (Release, ReadyToRun for this machine) into artifacts/bench/app unless it is there
    /// already and newer than the build.</summary>
    public static async Task<string> PublishAsync(bool force = false)
    {
        var dll = Path.Combine(PublishedApp, "Jobbtorg.dll");
        var built = Path.Combine(Root, "src", "Jobbtorg", "bin", "Release", "net10.0", "Jobbtorg.dll");
        if (!force && File.Exists(dll) && (!File.Exists(built) || File.GetLastWriteTimeUtc(dll) >= File.GetLastWriteTimeUtc(built))) return dll;
        Console.WriteLine($"publishing the app (dotnet publish -c Release -r {RuntimeIdentifier}) into artifacts/bench/app …");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(Root, "src", "Jobbtorg"), "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "false", "-v", "q", "-o", PublishedApp])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed:\n" + output);
        return dll;
    }
}

/// <summary>
/// A database the bench keeps between runs: PostgreSQL database <c>jobbtorg_bench_&lt;size&gt;</c> or SQLite file
/// artifacts/bench/jobbtorg_bench_&lt;size&gt;.db, with the sign-ins the bench made in it beside it. Read with plain SQL.
/// </summary>
public sealed class BenchStore(string provider, string name, string postgresServer)
{
    /// <summary>The PostgreSQL server: <c>JOBBTORG_BENCH_PG</c> when set, else the local one the test suite uses.</summary>
    public static readonly string DefaultServer = Environment.GetEnvironmentVariable("JOBBTORG_BENCH_PG") is { Length: > 0 } server
        ? server : "Host=127.0.0.1;Port=5432;Username=jobbtorg;Password=jobbtorg";

    public bool OnPostgres { get; } = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
    public string Provider => OnPostgres ? "postgres" : "sqlite";
    public string Name { get; } = name;
    public string SqliteFile => Path.Combine(BenchPaths.Artifacts, Name + ".db");
    public string ConnectionString => OnPostgres
        ? $"{postgresServer};Database={Name};Command Timeout=1200;Maximum Pool Size=100"
        : $"Data Source={SqliteFile}";
    public string Server => postgresServer;
    public string CredentialsFile => Path.Combine(BenchPaths.Artifacts, $"{Name}.{Provider}.sign-ins.json");

    public static BenchStore ForSize(string provider, long size, string? server = null) =>
        new(provider, $"jobbtorg_bench_{Label(size)}", server ?? DefaultServer);

    /// <summary>1000000 → "1m", 200000 → "200k".</summary>
    public static string Label(long size) =>
        size % 1_000_000 == 0 ? $"{size / 1_000_000}m" : size % 1000 == 0 ? $"{size / 1000}k" : size.ToString();

    public async Task<bool> ExistsAsync()
    {
        if (!OnPostgres) return File.Exists(SqliteFile);
        await using var admin = new NpgsqlConnection(postgresServer + ";Database=postgres");
        await admin.OpenAsync();
        await using var check = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        check.Parameters.AddWithValue("name", Name);
        return await check.ExecuteScalarAsync() is not null;
    }

    public async Task RecreateAsync()
    {
        await DropAsync();
        if (OnPostgres) await BenchDatabase.CreateAsync(postgresServer, Name);
    }

    public async Task DropAsync()
    {
        File.Delete(CredentialsFile);
        if (OnPostgres)
        {
            await BenchDatabase.DropAsync(postgresServer, Name);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(SqliteFile + suffix);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = OnPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 1200;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T));
    }

    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 1200;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add((T)Convert.ChangeType(reader.GetValue(0), typeof(T)));
        return values;
    }

    public async Task<List<string>> TablesAsync() => await ColumnAsync<string>(OnPostgres
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    /// <summary>Rows per table (exact counts), the largest first.</summary>
    public async Task<List<(string Table, long Rows)>> RowsPerTableAsync()
    {
        var rows = new List<(string, long)>();
        foreach (var table in await TablesAsync())
            rows.Add((table, await ScalarAsync<long>($"SELECT count(*) FROM \"{table}\"")));
        return rows.OrderByDescending(r => r.Item2).ThenBy(r => r.Item1).ToList();
    }

    public async Task<long> SizeBytesAsync() => OnPostgres
        ? await ScalarAsync<long>("SELECT pg_database_size(current_database())")
        : new FileInfo(SqliteFile).Length + (File.Exists(SqliteFile + "-wal") ? new FileInfo(SqliteFile + "-wal").Length : 0);
}

/// <summary>
/// The published app as its own process on a free loopback port, in Production as deployed, behind what it takes for
/// a TLS-terminating proxy on the same machine (X-Forwarded-Proto from 127.0.0.1), with a bench API key holding every
/// scope and the sign-in and API limits lifted. Its working set is sampled every 50 ms for peaks.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    public const string ForwardedProto = "X-Forwarded-Proto";
    private readonly Process process;
    private readonly Timer sampler;
    private long peakWorkingSet;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    public Uri BaseAddress { get; }
    public string ApiKey { get; }
    public BenchStore Store { get; }
    public TimeSpan ReadyAfter { get; private set; }
    public int ProcessId => process.Id;

    private AppUnderTest(Process process, Uri baseAddress, string apiKey, BenchStore store)
    {
        this.process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Store = store;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        sampler = new Timer(_ => Sample(), null, 0, 50);
    }

    /// <summary>Statements the app ran (when started with <c>traceSql</c>): the request path, milliseconds and SQL.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string? Path, double Ms, string Sql)> Statements { get; } = new();

    private void Keep(string? line)
    {
        if (line is null) return;
        if (line.Contains("\"EventId\":20101", StringComparison.Ordinal)) KeepStatement(line);
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }

    private void KeepStatement(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var state = root.GetProperty("State");
            string? path = null;
            if (root.TryGetProperty("Scopes", out var scopes))
                foreach (var scope in scopes.EnumerateArray())
                    if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("RequestPath", out var p)) path = p.GetString();
            var ms = double.Parse(state.GetProperty("elapsed").GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Statements.Enqueue((path, ms, state.GetProperty("commandText").GetString() ?? ""));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException) { }
    }

    /// <summary>The app's output so far (the last 200 lines), for when it fails.</summary>
    public string Output => string.Join('\n', output);

    public static ProcessStartInfo StartInfo(string dll, BenchStore store, int port, string apiKey, params string[] args) =>
        StartInfo(dll, store, port, apiKey, traceSql: false, args);

    public static ProcessStartInfo StartInfo(string dll, BenchStore store, int port, string apiKey, bool traceSql, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["AllowedHosts"] = "127.0.0.1";
        env["Jobbtorg__Proxy__KnownProxies__0"] = "127.0.0.1";
        env["Jobbtorg__DemoData"] = "false";
        env["Jobbtorg__Database__Provider"] = store.OnPostgres ? "Postgres" : "Sqlite";
        env["Jobbtorg__Database__MigrateOnStart"] = "true";
        env["ConnectionStrings__Jobbtorg"] = store.ConnectionString;
        env["Jobbtorg__Import__SpoolFolder"] = Path.Combine(BenchPaths.Artifacts, "spool");
        // Production refuses to start without the research extract's key; a fresh one per run will do.
        env["Jobbtorg__Research__PseudonymKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        env["Jobbtorg__ApiKeys__0__Name"] = "bench";
        env["Jobbtorg__ApiKeys__0__Key"] = apiKey;
        for (var i = 0; i < 5; i++)
            env[$"Jobbtorg__ApiKeys__0__Scopes__{i}"] = new[] { "referrals:write", "import", "export", "reports:read", "followup:write" }[i];
        env["Jobbtorg__RateLimits__ApiRequestsPerKeyPerMinute"] = "10000000";
        env["Jobbtorg__RateLimits__SignInsPerAddressPerMinute"] = "100000";
        env["Jobbtorg__RateLimits__SignInsPerAccountPer15Minutes"] = "100000";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        // The import logs how long its two readings took; import-copy prints it.
        env["Logging__LogLevel__Jobbtorg.Features.Import.CaseEventImport"] = "Information";
        if (traceSql) env["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        return start;
    }

    /// <summary>Starts the published app on the store's database and waits for /health/ready.</summary>
    public static async Task<AppUnderTest> StartAsync(BenchStore store, TimeSpan? wait = null, bool traceSql = false)
    {
        var dll = await BenchPaths.PublishAsync();
        var port = FreePort();
        var key = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var clock = Stopwatch.StartNew();
        var process = Start(StartInfo(dll, store, port, key, traceSql));
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{port}"), key, store);
        try
        {
            await app.WaitReadyAsync(wait ?? TimeSpan.FromMinutes(10));
            app.ReadyAfter = clock.Elapsed;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReadyAsync(TimeSpan wait)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add(ForwardedProto, "https");
        var until = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app stopped with exit code {process.ExitCode}:\n{Output}");
            try
            {
                using var answer = await http.GetAsync("/health/ready");
                if (answer.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app was not ready within {wait}:\n{Output}");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Process> Running = new();

    static AppUnderTest()
    {
        // The bench stopped (Ctrl+C, SIGTERM): no app process it started is left running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        Console.CancelKeyPress += (_, _) => StopAll();
    }

    private static void StopAll()
    {
        foreach (var process in Running.Values)
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    /// <summary>Starts a process of the app, to be stopped with the bench whatever happens.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        Running[process.Id] = process;
        process.Exited += (_, _) => Running.TryRemove(process.Id, out _);
        process.EnableRaisingEvents = true;
        return process;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Sample()
    {
        try
        {
            process.Refresh();
            var now = process.WorkingSet64;
            long seen;
            do seen = Interlocked.Read(ref peakWorkingSet);
            while (now > seen && Interlocked.CompareExchange(ref peakWorkingSet, now, seen) != seen);
        }
        catch (InvalidOperationException) { }
    }

    public long WorkingSet
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Starts a new peak: the highest working set from now until <see cref="PeakWorkingSet"/> is read.</summary>
    public void ResetPeak()
    {
        Sample();
        Interlocked.Exchange(ref peakWorkingSet, WorkingSet);
    }

    public long PeakWorkingSet
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peakWorkingSet);
        }
    }

    /// <summary>An HTTP client with the bench's API key, as a system client calls the API.</summary>
    public HttpClient Api(TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromMinutes(60) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", ApiKey);
        http.DefaultRequestHeaders.Add(ForwardedProto, "https");
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await sampler.DisposeAsync();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        if (!Store.OnPostgres) SqliteConnection.ClearAllPools();
    }
}

/// <summary>
/// A person at a browser: signs in through the login form, keeps the cookies (they are Secure: the proxy speaks TLS,
/// so they are sent by hand here) and posts forms with their antiforgery token.
/// </summary>
public sealed partial class BrowserSession(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10),
    };
    private readonly Dictionary<string, string> cookies = new();

    public string CookieHeader => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, string Body, string? Location)> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, page, _) = await GetAsync(path);
        var token = TokenField().Match(page);
        if (!token.Success) throw new InvalidOperationException($"{path} has no antiforgery token.");
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)))),
        };
        return await SendAsync(request);
    }

    private async Task<(HttpStatusCode, string, string?)> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add(AppUnderTest.ForwardedProto, "https");
        if (cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader);
        using var answer = await http.SendAsync(request);
        if (answer.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=');
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
                else cookies[name] = value;
            }
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.Headers.Location?.OriginalString);
    }

    /// <summary>Signs in; true when the app let the user in (a redirect away from the login page).</summary>
    public async Task<(bool SignedIn, string? Location)> SignInAsync(string email, string password)
    {
        var (status, body, location) = await PostFormAsync("/Account/Login", [new("Input.Email", email), new("Input.Password", password)]);
        if (status != HttpStatusCode.Redirect) return (false, ErrorsIn(body));
        return (true, location);
    }

    /// <summary>Chooses a new password on the forced password change after a one-time password.</summary>
    public async Task ChangePasswordAsync(string current, string next)
    {
        var (status, body, _) = await PostFormAsync("/Account/Password",
            [new("Input.CurrentPassword", current), new("Input.NewPassword", next), new("Input.RepeatPassword", next)]);
        if (status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The password change was refused: {ErrorsIn(body)}");
    }

    public static string ErrorsIn(string html) =>
        string.Join(" ", ErrorText().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).Where(t => t.Length > 0));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<(?:li|span)[^>]*>([^<]{3,})</(?:li|span)>")]
    private static partial Regex ErrorText();

    public void Dispose() => http.Dispose();
}

/// <summary>
/// The staff the page benches sign in as, made through the app's own surfaces: the first administrator with the
/// <c>create-admin</c> command, a coach at Farsta through the staff pages, each with a password of their choosing
/// after the one-time password. Kept beside the database, so a kept database is signed into again.
/// </summary>
public sealed record BenchStaff(string AdminEmail, string AdminPassword, string CoachEmail, string CoachPassword)
{
    public const string CoachCentre = "farsta";

    public static async Task<BenchStaff> EnsureAsync(AppUnderTest app)
    {
        var store = app.Store;
        if (File.Exists(store.CredentialsFile))
            return JsonSerializer.Deserialize<BenchStaff>(await File.ReadAllTextAsync(store.CredentialsFile))!;

        var adminEmail = "bench.admin@example.se";
        var adminPassword = NewPassword();
        var dll = await BenchPaths.PublishAsync();
        var command = AppUnderTest.Start(AppUnderTest.StartInfo(dll, store, AppUnderTest.FreePort(), "unused-" + NewPassword(),
            "create-admin", "--email", adminEmail, "--name", "Bench Administrator"));
        var printed = await command.StandardOutput.ReadToEndAsync() + await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        var oneTime = Regex.Match(printed, "One-time password: (\\S+)");
        if (command.ExitCode != 0 || !oneTime.Success) throw new InvalidOperationException($"create-admin failed ({command.ExitCode}): {printed}");

        using (var admin = new BrowserSession(app.BaseAddress))
        {
            var (ok, why) = await admin.SignInAsync(adminEmail, oneTime.Groups[1].Value);
            if (!ok) throw new InvalidOperationException($"The administrator could not sign in: {why}");
            await admin.ChangePasswordAsync(oneTime.Groups[1].Value, adminPassword);

            var centre = await store.ScalarAsync<long>($"SELECT \"Id\" FROM \"JobCentres\" WHERE \"Code\" = '{CoachCentre}'");
            var coachEmail = "bench.coach@example.se";
            var (_, body, _) = await admin.PostFormAsync("/Staff/New", [
                new("Email", coachEmail), new("DisplayName", "Bench Coach"), new("Input.Role", "Coach"), new("Input.JobCentreId", centre.ToString()),
            ]);
            var coachOneTime = Regex.Match(body, "data-testid=\"one-time-password\">([^<]+)<");
            if (!coachOneTime.Success) throw new InvalidOperationException($"The coach was not created: {BrowserSession.ErrorsIn(body)}");
            var coachPassword = NewPassword();
            using var coach = new BrowserSession(app.BaseAddress);
            var first = WebUtility.HtmlDecode(coachOneTime.Groups[1].Value);
            (ok, why) = await coach.SignInAsync(coachEmail, first);
            if (!ok) throw new InvalidOperationException($"The coach could not sign in: {why}");
            await coach.ChangePasswordAsync(first, coachPassword);

            var staff = new BenchStaff(adminEmail, adminPassword, coachEmail, coachPassword);
            await File.WriteAllTextAsync(store.CredentialsFile, JsonSerializer.Serialize(staff));
            return staff;
        }
    }

    // Not the account's name or e-mail address (the password rules refuse those).
    private static string NewPassword() => "Lugn-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y');
}
