using Npgsql;

namespace Jobbtorg.Bench;

/// <summary>Creates and drops the PostgreSQL databases the benches run in.</summary>
public static class BenchDatabase
{
    public static async Task CreateAsync(string server, string name)
    {
        await using var admin = await OpenAdminAsync(server);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Not <c>WITH (FORCE)</c>: that refuses (42501) to a role without superuser while an autovacuum worker, which has
    /// no role, visits the database. A plain drop stops autovacuum workers itself; the bench role's own sessions are
    /// ended first, and a drop that still finds a session is tried again.
    /// </summary>
    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync(server);
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

    private static async Task<NpgsqlConnection> OpenAdminAsync(string server)
    {
        var admin = new NpgsqlConnection(server + ";Database=postgres");
        await admin.OpenAsync();
        return admin;
    }
}
