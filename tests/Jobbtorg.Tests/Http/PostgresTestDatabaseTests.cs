using Npgsql;

namespace Jobbtorg.Tests.Http;

/// <summary>A fact that runs only against PostgreSQL (JOBBTORG_TEST_DB=Postgres) and is reported skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!JobbtorgAppFactory.OnPostgres) Skip = "Runs against PostgreSQL only (JOBBTORG_TEST_DB=Postgres).";
    }
}

[Trait("Category", "Http")]
public class PostgresTestDatabaseTests
{
    [PostgresFact]
    public async Task A_test_database_is_dropped_even_while_sessions_of_the_test_role_are_still_open_on_it()
    {
        var name = JobbtorgAppFactory.NewDatabaseName();
        await PostgresTestDatabase.CreateAsync(name);
        var application = PostgresTestDatabase.Server + $";Database={name}";
        await using var pooled = new NpgsqlConnection(application);
        await pooled.OpenAsync(); // returned to the pool below, still connected
        await pooled.CloseAsync();
        await using var lingering = new NpgsqlConnection(application + ";Pooling=false;Application Name=lingering");
        await lingering.OpenAsync(); // a session outside the application's pool, never closed

        await PostgresTestDatabase.DropAsync(name, application);

        await using var admin = new NpgsqlConnection(PostgresTestDatabase.Server + ";Database=postgres");
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
        await using var query = new NpgsqlCommand("SELECT 1", lingering);
        await Assert.ThrowsAnyAsync<Exception>(() => query.ExecuteScalarAsync());
    }
}
