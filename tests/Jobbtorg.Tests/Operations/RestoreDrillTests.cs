using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobbtorg.Tests.Operations;

/// <summary>scripts/restore-drill against a database the app filled: PostgreSQL only (the run with
/// JOBBTORG_TEST_DB=Postgres executes it; on SQLite these return at once).</summary>
[Trait("Category", "Http")]
public sealed partial class RestoreDrillTests
{
    [GeneratedRegex(@"^\s+Cases\s+(\d+)\s+(\d+)$", RegexOptions.Multiline)]
    private static partial Regex CasesLine();

    [PostgresFact]
    public async Task A_dump_of_a_database_with_imported_cases_restores_with_the_same_migrations_and_row_counts()
    {
        var database = JobbtorgAppFactory.NewDatabaseName();
        var app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>(), database);
        await app.InitializeAsync();
        try
        {
            var imported = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events",
                new StringContent(CaseEvents(), Encoding.UTF8, "application/x-ndjson"));
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var referred = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
            {
                personalNumber = TestPeople.Adult(app.Today), district = "farsta", targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
                consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
            });
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
            var cases = await app.WithDbAsync(db => db.Cases.CountAsync());
            Assert.Equal(4, cases);
            var scratch = $"restore_drill_test_{Guid.NewGuid():N}"[..40];

            var (exitCode, output) = await RunDrillAsync("--scratch", scratch, database);

            Assert.True(exitCode == 0, output);
            Assert.Contains("restore drill: ok", output);
            Assert.Contains("migrations: " + (await app.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync())).Count() + ", the same", output);
            var line = CasesLine().Match(output);
            Assert.True(line.Success, output);
            Assert.Equal((cases.ToString(), cases.ToString()), (line.Groups[1].Value, line.Groups[2].Value));
            Assert.False(await DatabaseExistsAsync(scratch), "The scratch database was left behind");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task The_drill_fails_on_a_database_that_is_not_Jobbtorgs()
    {
        var (exitCode, output) = await RunDrillAsync("postgres");
        Assert.Equal(1, exitCode);
        Assert.Contains("restore drill: FAILED", output);
        Assert.Contains("__EFMigrationsHistory", output);
    }

    /// <summary>Three cases from the district's old system: one closed to work, one open with a plan, one never enrolled.</summary>
    private static string CaseEvents()
    {
        var prefix = $"D{Guid.NewGuid():N}"[..10] + "-";
        var on = new DateOnly(2024, 1, 3);
        string Referral(string caseRef, string person) =>
            $$"""{"type":"referral","caseRef":"{{prefix}}{{caseRef}}","personalNumber":"{{person}}","district":"enskede-arsta-vantor","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","gender":"F","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""";
        return string.Join('\n',
            Referral("1", TestPeople.Adult(on)),
            $$"""{"type":"enrolment","caseRef":"{{prefix}}1","date":"2024-01-10","jobCentre":"farsta","coach":"coach-1"}""",
            $$"""{"type":"planAgreed","caseRef":"{{prefix}}1","date":"2024-01-15"}""",
            $$"""{"type":"closure","caseRef":"{{prefix}}1","date":"2024-09-01","reason":"Work","subReason":"Unsubsidised"}""",
            Referral("2", TestPeople.Adult(on)),
            $$"""{"type":"enrolment","caseRef":"{{prefix}}2","date":"2024-01-11","jobCentre":"farsta","coach":"coach-2"}""",
            $$"""{"type":"planAgreed","caseRef":"{{prefix}}2","date":"2024-01-16"}""",
            Referral("3", TestPeople.Adult(on))) + "\n";
    }

    private static async Task<(int ExitCode, string Output)> RunDrillAsync(params string[] arguments)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("JOBBTORG_TEST_PG")
            ?? "Host=127.0.0.1;Port=5432;Username=jobbtorg;Password=jobbtorg");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot() };
        start.ArgumentList.Add(Path.Combine("scripts", "restore-drill"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString();
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;

        using var drill = Process.Start(start)!;
        var stdout = drill.StandardOutput.ReadToEndAsync();
        var stderr = drill.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await drill.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            drill.Kill(entireProcessTree: true);
            throw;
        }
        return (drill.ExitCode, await stdout + await stderr);
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable("JOBBTORG_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=jobbtorg;Password=jobbtorg";
        await using var connection = new NpgsqlConnection(server + ";Database=postgres");
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", name);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jobbtorg.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Jobbtorg.slnx above {AppContext.BaseDirectory}.");
    }
}
