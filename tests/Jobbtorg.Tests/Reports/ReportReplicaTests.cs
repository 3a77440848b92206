using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Data;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>With ConnectionStrings:JobbtorgReports set, the reports read that database (a read replica) and nothing
/// else does. Here the "replica" is a second database with other data, so it shows which one each answer came from.</summary>
[Trait("Category", "Http")]
public sealed class ReportReplicaTests : IAsyncLifetime
{
    private const string Period = "?from=2010-05-01&to=2010-06-30&asOf=2011-01-31";
    private readonly JobbtorgAppFactory replica = new();
    private JobbtorgAppFactory main = null!;

    public async Task InitializeAsync()
    {
        await replica.InitializeAsync();
        main = JobbtorgAppFactory.WithSettings(new Dictionary<string, string> { ["ConnectionStrings:JobbtorgReports"] = replica.ConnectionString });
        await main.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)main).DisposeAsync();
        await ((IAsyncLifetime)replica).DisposeAsync();
    }

    /// <summary>Imports <paramref name="enrolled"/> cases enrolled in May 2010.</summary>
    private static async Task ImportEnrolledAsync(JobbtorgAppFactory app, int enrolled)
    {
        var lines = Enumerable.Range(1, enrolled).SelectMany(i => new[]
        {
            Referral($"R-{i}", TestPeople.Adult(new DateOnly(2010, 1, 1)), "2010-04-26"), Enrolment($"R-{i}", "2010-05-03"),
        });
        var import = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(Stream(lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
    }

    private static async Task<int> EnrolledInReportAsync(JobbtorgAppFactory app)
    {
        var report = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetFromJsonAsync<JsonElement>("/api/reports/indicators" + Period);
        return report.GetProperty("total").GetProperty("enrolled").GetInt32();
    }

    [Fact]
    public async Task The_report_follows_the_replica_while_cases_are_read_from_the_main_database()
    {
        await ImportEnrolledAsync(replica, 3);
        await ImportEnrolledAsync(main, 1);

        Assert.Equal(3, await EnrolledInReportAsync(main));
        Assert.Equal(3, await EnrolledInReportAsync(replica));

        // The report page reads the replica too.
        var analyst = await main.SignInAsNewAsync(Roles.Analyst);
        var page = await analyst.GetAsync("/Reports" + Period);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var enrolledRow = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(),
            "<tbody data-indicator=\"enrolled\">.*?<td class=\"num\"[^>]*>(\\d+)</td>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(enrolledRow.Success, "no enrolled row on the report page");
        Assert.Equal("3", enrolledRow.Groups[1].Value);

        // The case itself, and everything but the report, is the main database's.
        var mainCases = await main.WithDbAsync(db => db.Cases.Select(c => c.CaseRef).ToListAsync());
        Assert.Equal(["R-1"], mainCases);
        var caseId = await main.WithDbAsync(db => db.Cases.Select(c => c.Id).SingleAsync());
        var read = await main.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync($"/api/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Nothing_is_written_through_the_reports_context()
    {
        using var scope = main.Services.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportsDb>();
        Assert.True(reports.OnReplica);
        var district = await reports.Db.Districts.FirstAsync();
        Assert.Equal(EntityState.Detached, reports.Db.Entry(district).State);

        reports.Db.Attach(district).State = EntityState.Modified;
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.Db.SaveChangesAsync());
        // Past the context, the connection itself is read-only.
        await Assert.ThrowsAnyAsync<Exception>(() => reports.Db.Database.ExecuteSqlRawAsync("UPDATE \"Districts\" SET \"Name\" = \"Name\""));
    }

    [Fact]
    public async Task Without_a_reports_connection_the_reports_read_the_main_database()
    {
        using var scope = replica.Services.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportsDb>();
        Assert.False(reports.OnReplica);
        Assert.Same(scope.ServiceProvider.GetRequiredService<JobbtorgDb>(), reports.Db);
    }

    /// <summary>The app's SQLite connections read the file memory-mapped, the reports' read-only one as well.</summary>
    [SqliteFact]
    public async Task The_main_and_the_reports_connections_map_the_database_file()
    {
        using var scope = main.Services.CreateScope();
        var mainDb = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var reports = scope.ServiceProvider.GetRequiredService<ReportsDb>();
        Assert.True(reports.OnReplica);

        Assert.True(await MappedBytesAsync(mainDb) > 0, "the main connection reads the file with a system call per page");
        Assert.True(await MappedBytesAsync(reports.Db) > 0, "the reports' connection reads the file with a system call per page");
    }

    /// <summary>SQLite's mmap_size for the context's connection, opened as the app opens it (through EF Core).</summary>
    private static async Task<long> MappedBytesAsync(JobbtorgDb db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size";
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
