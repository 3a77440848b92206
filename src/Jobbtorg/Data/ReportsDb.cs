using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jobbtorg.Data;

/// <summary>
/// Where the reports read: the main database, or a read replica when `ConnectionStrings:JobbtorgReports` is set, so the
/// heavy report queries leave the main database to the daily work. On a replica the context is read-only three times
/// over: no tracking, a refusal to save, and a connection the database itself keeps read-only. It is never migrated.
/// </summary>
public sealed class ReportsDb : IDisposable, IAsyncDisposable
{
    public const string ConnectionName = "JobbtorgReports";

    private readonly JobbtorgDb? owned;

    /// <summary>The context to query; on a replica, untracked and refusing SaveChanges.</summary>
    public JobbtorgDb Db { get; }

    /// <summary>True when the reports read a database of their own.</summary>
    public bool OnReplica => owned is not null;

    private ReportsDb(JobbtorgDb db, bool owns)
    {
        Db = db;
        if (owns) owned = db;
    }

    public static ReportsDb OnMain(JobbtorgDb main) => new(main, owns: false);

    public static ReportsDb OnReplicaOf(JobbtorgDb replica) => new(replica, owns: true);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => owned?.Dispose();

    /// <summary>Options for a replica's context of the given provider's type.</summary>
    internal static DbContextOptions<T> ReplicaOptions<T>(string connection) where T : JobbtorgDb
    {
        var options = new DbContextOptionsBuilder<T>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new RefuseWrites());
        if (typeof(T) == typeof(PostgresJobbtorgDb))
        {
            // The server refuses any write in the session, whatever the code does.
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.AsTheAppUsesIt(connection));
            builder.Options = string.Join(' ', new[] { builder.Options, "-c default_transaction_read_only=on" }.Where(o => !string.IsNullOrWhiteSpace(o)));
            options.UseNpgsql(builder.ConnectionString);
        }
        else
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection) { Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly };
            options.UseSqlite(builder.ConnectionString).AddInterceptors(new SqliteReadsMapped());
        }
        return options.Options;
    }

    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("The reports' database is read-only.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The reports' database is read-only.");
    }
}
