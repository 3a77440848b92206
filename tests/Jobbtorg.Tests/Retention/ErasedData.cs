using System.Data.Common;
using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jobbtorg.Tests.Retention;

/// <summary>Checks over the whole database, read from the data model: rows that refer to a row no longer there, and
/// text columns that still hold something of an erased person.</summary>
public static class ErasedData
{
    /// <summary>Every foreign key of the model whose dependent rows refer to a missing principal row, with the count.</summary>
    public static async Task<List<string>> OrphansAsync(JobbtorgDb db)
    {
        var found = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
            foreach (var fk in type.GetForeignKeys())
            {
                if (fk.PrincipalEntityType.GetTableName() is not { } principalTable) continue;
                var pairs = fk.Properties.Zip(fk.PrincipalKey.Properties).ToList();
                var notNull = string.Join(" AND ", pairs.Select(p => $"d.\"{p.First.GetColumnName()}\" IS NOT NULL"));
                var join = string.Join(" AND ", pairs.Select(p => $"p.\"{p.Second.GetColumnName()}\" = d.\"{p.First.GetColumnName()}\""));
                var sql = $"SELECT COUNT(*) FROM {Table(type)} d WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {Table(fk.PrincipalEntityType)} p WHERE {join})";
                var count = Convert.ToInt64(await ScalarAsync(db, sql));
                if (count > 0) found.Add($"{type.GetTableName()} → {principalTable}: {count} rows");
            }
        return found;
    }

    /// <summary>Each text column (table.column) holding one of <paramref name="needles"/>, with the needle found.</summary>
    public static async Task<List<string>> TextsHoldingAsync(JobbtorgDb db, IReadOnlyCollection<string> needles)
    {
        var found = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
            foreach (var column in type.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName()).Distinct())
            {
                var sql = $"SELECT \"{column}\" FROM {Table(type)} WHERE \"{column}\" IS NOT NULL";
                foreach (var value in await StringsAsync(db, sql))
                    if (needles.FirstOrDefault(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                    {
                        found.Add($"{type.GetTableName()}.{column} holds {needle}");
                        break;
                    }
            }
        return found;
    }

    /// <summary>The ways a personal number may be written: 12 digits, with a hyphen, and in 10 digits.</summary>
    public static IEnumerable<string> Forms(string personalNumber) =>
        [personalNumber, $"{personalNumber[..8]}-{personalNumber[8..]}", personalNumber[2..], $"{personalNumber[2..8]}-{personalNumber[8..]}"];

    private static string Table(IEntityType type) =>
        (type.GetSchema() is { } schema ? $"\"{schema}\"." : "") + $"\"{type.GetTableName()}\"";

    private static async Task<object?> ScalarAsync(JobbtorgDb db, string sql)
    {
        await using var command = await CommandAsync(db, sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> StringsAsync(JobbtorgDb db, string sql)
    {
        await using var command = await CommandAsync(db, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0)?.ToString() ?? "");
        return values;
    }

    private static async Task<DbCommand> CommandAsync(JobbtorgDb db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
