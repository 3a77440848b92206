using System.Net;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Operations;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class HealthTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task Live_answers_without_signing_in_and_names_its_check()
    {
        var (status, body) = await ProbeAsync(app, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", CheckStatus(body, "process"));
    }

    [Fact]
    public async Task Ready_answers_without_signing_in_when_the_database_answers_and_holds_every_migration()
    {
        var (status, body) = await ProbeAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", CheckStatus(body, "database"));
        Assert.Equal("Healthy", CheckStatus(body, "migrations"));
    }

    [Fact]
    public async Task The_original_probe_still_answers_healthy_in_plain_text()
    {
        var response = await app.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>An older backup restored under a running version: the database lacks this version's latest migration.</summary>
    [Fact]
    public async Task Ready_fails_with_503_while_the_database_lacks_the_migrations_and_recovers_once_they_are_applied()
    {
        var own = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>());
        await own.InitializeAsync();
        try
        {
            // The database is there but holds none of this version's migrations (as a fresh PostgreSQL database before
            // `migrate`, or a SQLite file replaced under the running app).
            await own.WithDbAsync(async db =>
            {
                if (db.Database.IsSqlite())
                {
                    var tables = await db.Database.SqlQueryRaw<string>(
                        "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToListAsync();
                    await db.Database.OpenConnectionAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
                    var drop = string.Join(";", tables.Select(table => $"DROP TABLE \"{table}\"")); // names from sqlite_master itself
                    await db.Database.ExecuteSqlRawAsync(drop);
                    await db.Database.CloseConnectionAsync();
                }
                else await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
                return 0;
            });

            var (status, body) = await ProbeAsync(own, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal("Healthy", CheckStatus(body, "database"));
            Assert.Equal("Unhealthy", CheckStatus(body, "migrations"));
            // Alive all the same: restarting the process would not help.
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(own, "/health/live")).Status);

            await own.WithDbAsync(async db => { await db.Database.MigrateAsync(); return 0; });
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(own, "/health/ready")).Status);
        }
        finally
        {
            await ((IAsyncLifetime)own).DisposeAsync();
        }
    }

    /// <summary>PostgreSQL is migrated by the `migrate` command, not at start: a new version started on a database
    /// that command has not reached yet runs, but is not ready.</summary>
    [PostgresFact]
    public async Task On_PostgreSQL_a_version_started_before_migrate_is_not_ready_until_the_migrations_are_applied()
    {
        var fresh = JobbtorgAppFactory.WithSettings(new Dictionary<string, string> { ["Jobbtorg:Database:MigrateOnStart"] = "false" });
        await fresh.InitializeAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(fresh, "/health/live")).Status);
            var (status, body) = await ProbeAsync(fresh, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Healthy", CheckStatus(body, "database"));
            Assert.Equal("Unhealthy", CheckStatus(body, "migrations"));

            // What `dotnet Jobbtorg.dll migrate` does.
            using (var scope = fresh.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
                await db.Database.MigrateAsync();
            }
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(fresh, "/health/ready")).Status);
        }
        finally
        {
            await ((IAsyncLifetime)fresh).DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ProbeAsync(JobbtorgAppFactory factory, string path)
    {
        var response = await factory.AnonymousClient().GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string? CheckStatus(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("status").GetString();
}
