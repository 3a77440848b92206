using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobbtorg.Features.Cases;

/// <summary>A table whose rows belong to a case by their <c>CaseId</c> and that the case page reads in a section.</summary>
public sealed record CaseRowTable(Type Entity);

/// <summary>
/// Which of the case-page tables hold rows for a case, asked once per request in one statement. Most sections of most
/// cases are empty (no proposals, programmes, reminders, three-party meetings…), and each section asking for its own
/// empty list cost a round trip to the database: on the case page those round trips were most of the time a page took.
/// A section asks <see cref="AnyAsync{T}"/> first and reads its rows only when there are some.
/// </summary>
public sealed class CaseRows(JobbtorgDb db, IEnumerable<CaseRowTable> registered)
{
    private sealed record Built(IModel Model, string Sql, Type[] Entities);

    private static readonly Lock Building = new();
    private static Built? statement; // a reference, so a reader never sees half of one written by another request
    private int? caseId;
    private long present;

    /// <summary>Whether the case has any row of <typeparamref name="T"/>; the first question of a request reads them all.</summary>
    public async Task<bool> AnyAsync<T>(int caseId, CancellationToken ct)
    {
        var (sql, entities) = Statement();
        var bit = Array.IndexOf(entities, typeof(T));
        if (bit < 0) throw new InvalidOperationException($"{typeof(T).Name} is not registered with AddCaseRows.");
        if (this.caseId != caseId)
        {
            present = await db.Database.SqlQueryRaw<long>(sql, caseId).SingleAsync(ct);
            this.caseId = caseId;
        }
        return (present & (1L << bit)) != 0;
    }

    /// <summary>Loads a collection of the case unless it is loaded already; when the case has none of its rows it is
    /// marked loaded and empty without asking for them.</summary>
    public async Task LoadAsync<T>(CollectionEntry<Case, T> collection, CancellationToken ct) where T : class
    {
        if (collection.IsLoaded) return;
        if (await AnyAsync<T>(collection.EntityEntry.Entity.Id, ct)) await collection.LoadAsync(ct);
        else collection.IsLoaded = true;
    }

    private (string Sql, Type[] Entities) Statement()
    {
        var model = db.Model;
        if (statement is { } built && ReferenceEquals(built.Model, model)) return (built.Sql, built.Entities);
        lock (Building)
        {
            var entities = registered.Select(r => r.Entity).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
            if (entities.Length > 62) throw new InvalidOperationException("CaseRows answers for at most 62 tables.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var terms = entities.Select((type, i) =>
            {
                var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                var column = entity.FindProperty("CaseId")?.GetColumnName(table)
                             ?? throw new InvalidOperationException($"{type.Name} has no CaseId.");
                return $"CASE WHEN EXISTS (SELECT 1 FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(column)} = {{0}}) THEN {1L << i} ELSE 0 END";
            });
            var text = $"SELECT CAST({string.Join(" + ", terms)} AS BIGINT) AS {sql.DelimitIdentifier("Value")}";
            statement = new Built(model, text, entities);
            return (text, entities);
        }
    }
}

public static class CaseRowsSetup
{
    /// <summary>Lets the case page's sections ask whether a case has rows of <typeparamref name="T"/> (<see cref="CaseRows"/>).</summary>
    public static IServiceCollection AddCaseRows<T>(this IServiceCollection services) where T : class
    {
        services.AddSingleton(new CaseRowTable(typeof(T)));
        services.TryAddScoped<CaseRows>();
        return services;
    }
}
