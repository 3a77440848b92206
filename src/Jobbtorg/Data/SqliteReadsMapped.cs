using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jobbtorg.Data;

/// <summary>
/// Lets SQLite read the database file through memory mapping: pages come straight from the operating system's cache,
/// shared by every connection, instead of a system call per page into each connection's own 2 MB page cache. The
/// report's statements read tens of thousands of cases each; at 1 M events the caseload by coach took 92 ms with
/// reads and 29 ms mapped (docs/benchmarks.md). Set once for each SQLite connection, which the pool then keeps.
/// </summary>
public sealed class SqliteReadsMapped : DbConnectionInterceptor
{
    /// <summary>The most of the file mapped. SQLite's own build caps it at 2 GiB; a larger file is read past that.</summary>
    public const long MappedBytes = 2L * 1024 * 1024 * 1024;

    // Keyed by the native connection, which outlives the pooled SqliteConnection objects that wrap it in turn.
    private static readonly ConditionalWeakTable<object, object> Mapped = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsMapping(connection, out var command))
            using (command) command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (NeedsMapping(connection, out var command))
            await using (command) await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool NeedsMapping(DbConnection connection, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DbCommand? command)
    {
        command = null;
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || !Mapped.TryAdd(handle, Done)) return false;
        command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MappedBytes}";
        return true;
    }
}
