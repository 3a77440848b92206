using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jobbtorg.Data;

/// <summary>
/// Reads an entity, without tracking, from the current row of a statement EF Core cannot run as a query of its own (one
/// that writes and answers in one round trip): every property of the entity type from its column, by name, through the
/// model's converters, as a query would read it. Navigations are left unset.
/// </summary>
internal static class EntityRows
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Readers = new();

    public static T ReadEntity<T>(this JobbtorgDb db, DbDataReader reader) where T : class
    {
        var entity = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            var ordinal = reader.GetOrdinal(property.GetColumnName());
            object? value = null;
            if (!reader.IsDBNull(ordinal))
            {
                var converter = property.GetTypeMapping().Converter;
                var stored = converter?.ProviderClrType ?? Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                value = Readers.GetOrAdd(stored, ReaderOf)(reader, ordinal);
                if (converter is not null) value = converter.ConvertFromProvider(value);
            }
            if (property.PropertyInfo is { } info) info.SetValue(entity, value);
            else property.FieldInfo?.SetValue(entity, value);
        }
        return entity;
    }

    private static Func<DbDataReader, int, object> ReaderOf(Type type)
    {
        var read = GetFieldValue.MakeGenericMethod(type);
        return (reader, ordinal) => read.Invoke(reader, [ordinal])!;
    }
}
