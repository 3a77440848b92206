using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobbtorg.Tests.Data;

/// <summary>Work that lost a race in the database runs again; any other failure is passed on at once.</summary>
public class TransactionRetryTests
{
    private static PostgresException Postgres(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);

    [Fact]
    public void Deadlocks_serialization_failures_and_unique_violations_on_PostgreSQL_are_lost_races()
    {
        Assert.True(TransactionRetry.LostARace(Postgres("40P01")));
        Assert.True(TransactionRetry.LostARace(Postgres("40001")));
        Assert.True(TransactionRetry.LostARace(Postgres("23505")));
        Assert.True(TransactionRetry.LostARace(new DbUpdateException("saving failed", Postgres("23505"))));
        Assert.False(TransactionRetry.LostARace(Postgres("23503"))); // a foreign key: a mistake, not a race
        Assert.False(TransactionRetry.LostARace(Postgres("23514"))); // a check constraint
    }

    [Fact]
    public void A_busy_or_locked_file_and_a_unique_violation_on_SQLite_are_lost_races()
    {
        Assert.True(TransactionRetry.LostARace(new SqliteException("busy", 5, 5)));
        Assert.True(TransactionRetry.LostARace(new SqliteException("locked", 6, 6)));
        Assert.True(TransactionRetry.LostARace(new DbUpdateException("saving failed", new SqliteException("unique", 19, 2067))));
        Assert.False(TransactionRetry.LostARace(new SqliteException("foreign key", 19, 787)));
        Assert.False(TransactionRetry.LostARace(new RuleBrokenException("The meeting is full.")));
        Assert.False(TransactionRetry.LostARace(new InvalidOperationException()));
    }

    private static SqliteJobbtorgDb Database() => new(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public async Task Work_that_lost_a_race_runs_again_until_it_succeeds()
    {
        await using var db = Database();
        var attempts = 0;

        var result = await db.InTransactionWithRetryAsync(() =>
        {
            attempts++;
            if (attempts < 3) throw new SqliteException("database is locked", 5, 5);
            return Task.FromResult("booked");
        });

        Assert.Equal(("booked", 3), (result, attempts));
    }

    [Fact]
    public async Task A_broken_rule_is_not_tried_again()
    {
        await using var db = Database();
        var attempts = 0;

        await Assert.ThrowsAsync<RuleBrokenException>(() => db.InTransactionWithRetryAsync<int>(() =>
        {
            attempts++;
            throw new RuleBrokenException("The meeting is full.");
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Work_that_keeps_losing_gives_up_after_the_last_attempt()
    {
        await using var db = Database();
        var attempts = 0;

        await Assert.ThrowsAsync<SqliteException>(() => db.InTransactionWithRetryAsync<int>(() =>
        {
            attempts++;
            throw new SqliteException("database is locked", 5, 5);
        }));

        Assert.Equal(TransactionRetry.MaxAttempts, attempts);
    }
}
