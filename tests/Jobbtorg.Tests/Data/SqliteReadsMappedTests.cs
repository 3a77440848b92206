using System.Data.Common;
using Jobbtorg.Data;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Data;

/// <summary>A fact that runs only against the embedded SQLite database and is reported skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (JobbtorgAppFactory.OnPostgres) Skip = "Runs against SQLite only.";
    }
}

/// <summary>The app's SQLite connections read the file memory-mapped, the reports' read-only one as well.</summary>
public sealed class SqliteReadsMappedTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory replica = new();
    private JobbtorgAppFactory app = null!;

    public async Task InitializeAsync()
    {
        await replica.InitializeAsync();
        app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string> { ["ConnectionStrings:JobbtorgReports"] = replica.ConnectionString });
        await app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)app).DisposeAsync();
        await ((IAsyncLifetime)replica).DisposeAsync();
    }

    [SqliteFact]
    public async Task The_main_and_the_reports_connections_map_the_database_file()
    {
        using var scope = app.Services.CreateScope();
        var main = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
        var reports = scope.ServiceProvider.GetRequiredService<ReportsDb>();
        Assert.True(reports.OnReplica);

        Assert.True(await MappedBytesAsync(main) > 0, "the main connection reads the file with a system call per page");
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
