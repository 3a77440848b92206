using System.Data.Common;
using Npgsql;

namespace Jobbtorg.Data;

/// <summary>What the app adds to a PostgreSQL connection string it is given, unless the string sets it itself.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=100;Auto Prepare Min Usages=2</c>: statements are prepared on the server from their second
    /// use on each connection. The app's statements are few and repeat on every page, and PostgreSQL spends about a
    /// millisecond parsing and planning a page's joins that then run in a few hundredths of one (seen with
    /// <c>log_min_duration_statement</c> on the case page). A pooler in front must keep prepared statements (PgBouncer
    /// 1.21+ with <c>max_prepared_statements</c>, or session pooling).</item>
    /// <item><c>No Reset On Close=true</c>: a connection taken from the pool is not reset with half a dozen statements
    /// first. The app keeps no session state: its settings and locks are transaction-scoped (<c>SET LOCAL</c>,
    /// <c>pg_advisory_xact_lock</c>), and an open transaction is still rolled back when a connection goes back.</item>
    /// </list>
    /// </summary>
    public static string AsTheAppUsesIt(string connection)
    {
        // The raw keys: Npgsql's own builder answers for every keyword it knows, set or not.
        var given = new DbConnectionStringBuilder { ConnectionString = connection }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connection);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
            if (!given.Contains("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
