using System.Globalization;
using System.Text;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// A fresh SQLite database holding the reference data and nothing else. A stream goes in through the real importer
/// and the report comes out through the real loader and calculator. Each database is a copy of one migrated and
/// seeded template, so a scenario costs a file copy rather than a migration.
/// </summary>
public sealed class ScenarioDatabase : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private static readonly ImportSpool Spool = new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jobbtorg-test-spool", "scenarios"));
    /// <summary>The streams are histories up to 2028 at the latest; an import refuses events after its own day.</summary>
    private static readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider ImportDay = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private readonly string path;

    private ScenarioDatabase(string path)
    {
        this.path = path;
        Db = Open(path);
    }

    public JobbtorgDb Db { get; }

    public static async Task<ScenarioDatabase> CreateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jobbtorg_report_{Guid.NewGuid():N}.db");
        File.Copy(await Template.Value, path);
        return new ScenarioDatabase(path);
    }

    /// <summary>Imports the stream and fails the test, listing the importer's reasons, if any line is refused.</summary>
    public async Task<ImportResult> ImportAsync(string ndjson)
    {
        var result = await TryImportAsync(ndjson);
        Assert.True(result.Succeeded, "The importer refused the stream:\n" +
            string.Join('\n', result.Errors.Select(e => $"  line {e.Line}: {e.Reason}")));
        return result;
    }

    /// <summary>Imports the stream and gives the importer's answer, refused lines and all.</summary>
    public async Task<ImportResult> TryImportAsync(string ndjson)
    {
        var import = new CaseEventImport(Db, ImportDay, Spool, NullLogger<CaseEventImport>.Instance);
        var result = await import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), "report-tests");
        Db.ChangeTracker.Clear();
        return result;
    }

    public Task<IndicatorReport> ReportAsync(DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy = null) =>
        WithIndicatorsAsync(i => i.ReportAsync(from, to, asOf, groupBy, CancellationToken.None));

    /// <summary>The report of the cases one district (by code) referred.</summary>
    public async Task<IndicatorReport> DistrictReportAsync(string district, DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy = null)
    {
        var id = await Db.Districts.Where(d => d.Code == district).Select(d => d.Id).SingleAsync();
        return await WithIndicatorsAsync(i => i.ReportAsync(from, to, asOf, groupBy, ReportScope.OfDistrict(id), CancellationToken.None));
    }

    public Task<IndicatorReport> ReportAsync(string from, string to, string asOf, GroupBy? groupBy = null) =>
        ReportAsync(Date(from), Date(to), Date(asOf), groupBy);

    public Task<IReadOnlyList<CoachCaseload>> CaseloadAsync(DateOnly on, DateOnly asOf) =>
        WithIndicatorsAsync(i => i.CaseloadAsync(on, asOf, CancellationToken.None));

    public Task<IReadOnlyList<CoachCaseload>> CaseloadAsync(DateOnly on, DateOnly asOf, ReportScope scope) =>
        WithIndicatorsAsync(i => i.CaseloadAsync(on, asOf, scope, null, CancellationToken.None));

    public Task<AssessedOpenCases> AssessedOpenCasesAsync(DateOnly on) =>
        WithIndicatorsAsync(i => i.AssessedOpenCasesAsync(on, ReportScope.City, CancellationToken.None));

    public Task<IReadOnlyList<MonthPoint>> MonthlyAsync(DateOnly endMonth, int months, DateOnly asOf, GroupBy groupBy, ReportScope scope) =>
        WithIndicatorsAsync(i => i.MonthlyAsync(endMonth, months, asOf, groupBy, scope, CancellationToken.None));

    /// <summary>The units behind one number of the report, all of them (none hidden from the reader).</summary>
    public Task<IReadOnlyList<CountedCase>> CasesBehindAsync(string measure, DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy = null,
        string? group = null) =>
        WithIndicatorCasesAsync(c => c.ListAsync(measure, from, to, asOf, groupBy, group, ReportScope.City, CancellationToken.None));

    /// <summary>The groups of a grouping that a number can be opened for.</summary>
    public Task<List<string>> GroupsAsync(GroupBy groupBy, DateOnly asOf) =>
        WithIndicatorCasesAsync(c => c.GroupsAsync(groupBy, asOf, ReportScope.City, CancellationToken.None));

    private async Task<T> WithIndicatorCasesAsync<T>(Func<IndicatorCases, Task<T>> read)
    {
        await using var db = Open(path);
        var reports = ReportsDb.OnMain(db);
        return await read(new IndicatorCases(reports, new Indicators(reports)));
    }

    /// <summary>The report's queries on a context of their own, as a request would have: nothing the import left behind
    /// can leak into them.</summary>
    private async Task<T> WithIndicatorsAsync<T>(Func<Indicators, Task<T>> read)
    {
        await using var db = Open(path);
        return await read(new Indicators(ReportsDb.OnMain(db)));
    }

    /// <summary>The whole scenario in one call: a fresh database, the stream imported, the report read.</summary>
    public static async Task<IndicatorReport> ReportAsync(string ndjson, string from, string to, string asOf, GroupBy? groupBy = null)
    {
        await using var scenario = await CreateAsync();
        await scenario.ImportAsync(ndjson);
        return await scenario.ReportAsync(from, to, asOf, groupBy);
    }

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        File.Delete(path);
    }

    // Without pooling no connection outlives its context, so the file can be deleted at once.
    private static SqliteJobbtorgDb Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite($"Data Source={path};Pooling=False").Options);

    private static async Task<string> CreateTemplateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jobbtorg_report_template_{Guid.NewGuid():N}.db");
        await using (var db = Open(path))
        {
            await db.Database.MigrateAsync();
            await ReferenceData.SeedAsync(db);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
