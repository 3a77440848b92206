using Npgsql;

namespace Jobbtorg.Data;

/// <summary>What the app adds to a PostgreSQL connection string it is given.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// Statements are prepared on the server from their second use on each connection, unless the connection string
    /// says otherwise (<c>Max Auto Prepare</c>). The app's statements are few and repeat on every page, and PostgreSQL
    /// spends about a millisecond parsing and planning a page's joins that then run in a few hundredths of one (seen
    /// with <c>log_min_duration_statement</c> on the case page), so a prepared statement saves most of the server's
    /// work per request. A pooler in front must keep prepared statements (PgBouncer 1.21+ with
    /// <c>max_prepared_statements</c>, or session pooling).
    /// </summary>
    public static string WithAutoPrepare(string connection)
    {
        // The raw keys: Npgsql's own builder knows every keyword, set or not.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connection;
        var builder = new NpgsqlConnectionStringBuilder(connection);
        builder.MaxAutoPrepare = 100;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }
}
