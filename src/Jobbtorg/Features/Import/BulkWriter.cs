using System.Data.Common;
using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Jobbtorg.Features.Import;

/// <summary>
/// Writes many rows fast inside the import's transaction, past EF's change tracker: prepared statements on
/// SQLite, binary COPY on PostgreSQL. Table and column names and value conversions (enumerations as text,
/// SQLite's instants as numbers) come from the EF model, so the rows are what EF itself would write.
/// Rows are buffered and written table by table in the order given, parents before children.
/// </summary>
internal sealed class BulkWriter(JobbtorgDb db, DbTransaction transaction)
{
    private const int FlushAt = 20_000;
    private readonly List<Table> tables = [];
    private int buffered;

    public Table For<T>(params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = new Table(entity, properties.Select(p => entity.FindProperty(p)!).ToArray());
        tables.Add(table);
        return table;
    }

    /// <summary>Every mapped property of <typeparamref name="T"/>: rows are then added as entities, with the values
    /// the entity itself holds.</summary>
    public Table ForEntity<T>()
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = new Table(entity, entity.GetProperties().ToArray());
        tables.Add(table);
        return table;
    }

    public async Task AddAsync(Table table, object?[] row, CancellationToken ct)
    {
        table.Rows.Add(row);
        if (++buffered >= FlushAt) await FlushAsync(ct);
    }

    public Task AddAsync<T>(Table table, T entity, CancellationToken ct) where T : class => AddAsync(table, table.RowOf(entity), ct);

    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var table in tables.Where(t => t.Rows.Count > 0))
        {
            if (transaction.Connection is NpgsqlConnection npgsql) await CopyAsync(npgsql, table, ct);
            else await InsertAsync(table, ct);
            table.Rows.Clear();
        }
        buffered = 0;
    }

    /// <summary>A parameterised statement in the import's transaction, for the few updates of existing rows.</summary>
    public async Task ExecuteAsync(string sql, object?[] values, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string Quote(string name) => "\"" + name + "\"";

    private async Task InsertAsync(Table table, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) " +
                              $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
        var parameters = table.Columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = table.ToProvider(i, row[i]) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, CancellationToken ct)
    {
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        // Row by row the synchronous writes are much cheaper; they only fill Npgsql's buffer.
        foreach (var row in table.Rows)
        {
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                switch (table.ToProvider(i, row[i]))
                {
                    case null: importer.WriteNull(); break;
                    case int v: importer.Write(v, NpgsqlDbType.Integer); break;
                    case long v: importer.Write(v, NpgsqlDbType.Bigint); break;
                    case bool v: importer.Write(v, NpgsqlDbType.Boolean); break;
                    case string v: importer.Write(v, NpgsqlDbType.Text); break;
                    case DateOnly v: importer.Write(v, NpgsqlDbType.Date); break;
                    case DateTimeOffset v: importer.Write(v.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
                    case var v: throw new NotSupportedException($"No COPY mapping for {v.GetType()} in {table.Name}.");
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    internal sealed class Table
    {
        private readonly IProperty[] properties;
        private readonly IClrPropertyGetter[] getters;
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] converters;

        public Table(IEntityType entity, IProperty[] properties)
        {
            this.properties = properties;
            getters = properties.Select(p => p.GetGetter()).ToArray();
            converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
            Name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(Name, entity.GetSchema());
            Columns = properties.Select(p => p.GetColumnName(store)!).ToArray();
        }

        public string Name { get; }
        public string[] Columns { get; }
        public List<object?[]> Rows { get; } = [];

        public string Column(string property) => Columns[IndexOf(property)];

        public int IndexOf(string property) => Array.FindIndex(properties, p => p.Name == property);

        /// <summary>The entity's values of this table's properties, in column order.</summary>
        public object?[] RowOf(object entity)
        {
            var row = new object?[getters.Length];
            for (var i = 0; i < row.Length; i++) row[i] = getters[i].GetClrValue(entity);
            return row;
        }

        public object? ToProvider(int column, object? value) =>
            value is null ? null : converters[column] is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
