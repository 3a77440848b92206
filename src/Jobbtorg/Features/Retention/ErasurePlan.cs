using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jobbtorg.Features.Retention;

/// <summary>
/// Which tables hang on a case or a person, read from the data model's foreign keys, and in which order their rows are
/// deleted (a row before the rows it refers to). Every entity that refers, directly or through others, to a case or a
/// person belongs to the erasure; those the indicator report reads (<see cref="KeptTypes"/>) are cleared instead of
/// deleted, by <see cref="RetentionRound"/>.
/// </summary>
public sealed class ErasurePlan
{
    /// <summary>The tables that stay (cleared of what identifies) because the indicator report, or the programme report, reads them.</summary>
    public static readonly Type[] KeptTypes =
        [typeof(Case), typeof(Participant), typeof(CasePause), typeof(Placement), typeof(BenefitMonth), typeof(OccupationObservation),
         typeof(Programmes.ProgrammeMembership)];

    public sealed record Table(IEntityType Type, string Name, string Kind);
    public sealed record Deletion(Table Table, IReadOnlyList<string> SelfReferences);

    private readonly Dictionary<IEntityType, Table> tables = [];
    private readonly Dictionary<IEntityType, List<IForeignKey>> links = [];

    public IEntityType Case { get; private set; } = null!;
    public IEntityType Participant { get; private set; } = null!;
    public string CaseKey { get; private set; } = "";
    public string ParticipantKey { get; private set; } = "";
    /// <summary>Every table that hangs on a case or a person (the kept ones too).</summary>
    public IReadOnlyCollection<Table> Concerned => tables.Values;
    /// <summary>The tables whose rows are deleted, in an order that deletes a row before any row it refers to.</summary>
    public IReadOnlyList<Deletion> Deletions { get; private set; } = [];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IModel, ErasurePlan> Plans = new();

    public static ErasurePlan For(IModel model) => Plans.GetOrAdd(model, m => new ErasurePlan(m));

    private ErasurePlan(IModel model)
    {
        Case = model.FindEntityType(typeof(Case))!;
        Participant = model.FindEntityType(typeof(Participant))!;
        CaseKey = Case.FindPrimaryKey()!.Properties.Single().GetColumnName();
        ParticipantKey = Participant.FindPrimaryKey()!.Properties.Single().GetColumnName();

        var concerned = new HashSet<IEntityType> { Case, Participant };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
                if (!concerned.Contains(type) && type.GetForeignKeys().Any(fk => concerned.Contains(fk.PrincipalEntityType)))
                    grew = concerned.Add(type) | grew;
        }
        foreach (var type in concerned)
        {
            var schema = type.GetSchema();
            var name = (schema is null ? "" : $"\"{schema}\".") + $"\"{type.GetTableName()}\"";
            tables[type] = new Table(type, name, type.GetTableName()!);
            links[type] = type.GetForeignKeys().Where(fk => concerned.Contains(fk.PrincipalEntityType) && fk.PrincipalEntityType != type).ToList();
            if (links[type].Any(fk => fk.Properties.Count != 1))
                throw new InvalidOperationException($"{type.DisplayName()} refers to a case or a person by a composite key, which the erasure cannot follow.");
        }

        var deleted = concerned.Where(t => !KeptTypes.Contains(t.ClrType)).ToHashSet();
        var kept = concerned.Except(deleted).ToList();
        // A kept table may not refer to a deleted one: its rows would point at nothing.
        foreach (var type in kept)
            foreach (var fk in type.GetForeignKeys().Where(fk => deleted.Contains(fk.PrincipalEntityType)))
                throw new InvalidOperationException($"{type.DisplayName()} is kept by the erasure but refers to {fk.PrincipalEntityType.DisplayName()}, which it deletes.");

        // Dependants first: a table is deleted once no other deleted table still refers to it.
        var order = new List<Deletion>();
        var left = deleted.ToHashSet();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => !left.Any(o => o != t && o.GetForeignKeys().Any(fk => fk.PrincipalEntityType == t)))
                       ?? throw new InvalidOperationException("The tables that hang on a case refer to each other in a circle.");
            left.Remove(next);
            var selfReferences = next.GetForeignKeys().Where(fk => fk.PrincipalEntityType == next)
                .Select(fk => fk.Properties.Single())
                .Select(p => p.IsNullable ? p.GetColumnName()
                    : throw new InvalidOperationException($"{next.DisplayName()} refers to itself by a required key, which the erasure cannot clear."))
                .ToList();
            order.Add(new Deletion(tables[next], selfReferences));
        }
        Deletions = order;
    }

    /// <summary>The condition (SQL, on the table's own columns) that a row of <paramref name="table"/> belongs to the
    /// people and cases that <paramref name="roots"/> select.</summary>
    public string Belongs(Table table, IReadOnlyDictionary<IEntityType, string> roots)
    {
        if (roots.TryGetValue(table.Type, out var root)) return root;
        var conditions = links[table.Type].Select(fk =>
            $"\"{fk.Properties.Single().GetColumnName()}\" IN (SELECT \"{fk.PrincipalKey.Properties.Single().GetColumnName()}\" FROM {tables[fk.PrincipalEntityType].Name} WHERE {Belongs(tables[fk.PrincipalEntityType], roots)})");
        return "(" + string.Join(" OR ", conditions) + ")";
    }
}
