using Npgsql;

namespace Jobbtorg.Tests.Http;

/// <summary>Creates and drops the PostgreSQL databases of the tests, on the server in JOBBTORG_TEST_PG.</summary>
public static class PostgresTestDatabase
{
    public static string Server =>
        Environment.GetEnvironmentVariable("JOBBTORG_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=jobbtorg;Password=jobbtorg";

    public static async Task CreateAsync(string name)
    {
        await using var admin = await OpenAdminAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops the database once the application using it has stopped. Not <c>WITH (FORCE)</c>: that first checks the
    /// right to end every session in the database, and an autovacuum worker visiting it has no role, which only a
    /// superuser may end, so the drop failed with 42501 whenever the worker's visit fell on the test's end. A plain
    /// drop stops autovacuum workers itself and waits up to five seconds for other sessions, so the test role's own
    /// sessions (pooled connections still open) are ended first; a session that lingers past that is tried again.
    /// </summary>
    public static async Task DropAsync(string name, string applicationConnectionString)
    {
        using (var pooled = new NpgsqlConnection(applicationConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var admin = await OpenAdminAsync();
        for (var attempt = 1; ; attempt++)
        {
            await using (var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity " +
                "WHERE datname = @name AND usename = current_user AND pid <> pg_backend_pid()", admin))
            {
                terminate.Parameters.AddWithValue("name", name);
                await terminate.ExecuteNonQueryAsync();
            }
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var admin = new NpgsqlConnection(Server + ";Database=postgres");
        await admin.OpenAsync();
        return admin;
    }
}
