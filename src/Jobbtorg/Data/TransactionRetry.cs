using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobbtorg.Data;

/// <summary>
/// Work that races other requests for the same rows (a seat, a quota place, a case's one standing booking) runs in a
/// transaction, or writes in single statements, and starts again from the beginning when the database chose it as the
/// loser of the race. Which errors mean that is decided here, once, for both providers.
/// </summary>
public static class TransactionRetry
{
    public const int MaxAttempts = 8;

    /// <summary>Runs <paramref name="work"/> in a transaction and commits it. When the database refuses it as the loser of
    /// a race the transaction is rolled back, the context forgets what it tracked, and the work runs again after a short
    /// random pause, up to <see cref="MaxAttempts"/> times in all. Any other error is passed on at once.</summary>
    public static Task<T> InTransactionWithRetryAsync<T>(this JobbtorgDb db, Func<Task<T>> work, CancellationToken ct = default) =>
        WithoutSavepointsAsync(db, () => RunAsync(db, work, inTransaction: true, ct));

    /// <summary>The same for work whose writes each commit by themselves: single statements, or a transaction the work
    /// opens for writes that belong together. Run again whole, it must find what an earlier attempt already wrote.</summary>
    public static Task<T> WithRetryAsync<T>(this JobbtorgDb db, Func<Task<T>> work, CancellationToken ct = default) =>
        WithoutSavepointsAsync(db, () => RunAsync(db, work, inTransaction: false, ct));

    /// <summary>The work is run again or given up whole, never carried on past a failed save, so the savepoint EF Core would
    /// set around each save in a transaction (two more round trips a save) is never rolled back to.</summary>
    private static async Task<T> WithoutSavepointsAsync<T>(JobbtorgDb db, Func<Task<T>> run)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await run();
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    private static async Task<T> RunAsync<T>(JobbtorgDb db, Func<Task<T>> work, bool inTransaction, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var result = await work();
                if (transaction is not null) await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && LostARace(e))
            {
                if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20) * attempt, ct);
            }
        }
    }

    /// <summary>True when the database gave up the work because of another transaction: a deadlock or serialization
    /// failure on PostgreSQL (40P01, 40001), a busy or locked SQLite file, or a unique index that another transaction
    /// filled first (23505; SQLite's constraint-unique).</summary>
    public static bool LostARace(Exception e) => (e is DbUpdateException { InnerException: { } inner } ? inner : e) switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode is SqliteBusy or SqliteLocked || lite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintUnique = 2067;
}
