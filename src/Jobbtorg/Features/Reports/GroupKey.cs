using System.Linq.Expressions;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// A grouping of the report as the database computes it: the key of a case, and the name the report gives the key. The
/// report counts by it, and the list of the cases behind a number picks its group by the same key, so a grouping added
/// to the report is one the cases can be listed by.
/// </summary>
internal abstract class GroupKey
{
    public static GroupKey Of<TKey>(Expression<Func<Case, TKey>> key, Func<TKey, string> name) => new Typed<TKey>(key, name);

    /// <summary>The report's counts per group.</summary>
    public abstract Task<Dictionary<string, IndicatorTally>> TallyAsync(Indicators indicators, DateOnly from, DateOnly to, DateOnly asOf,
        CancellationToken ct);

    /// <summary>The group of each of <paramref name="cases"/>, by case id.</summary>
    public abstract Task<Dictionary<int, string>> GroupsOfAsync(IQueryable<Case> cases, CancellationToken ct);

    private sealed class Typed<TKey>(Expression<Func<Case, TKey>> key, Func<TKey, string> name) : GroupKey
    {
        public override Task<Dictionary<string, IndicatorTally>> TallyAsync(Indicators indicators, DateOnly from, DateOnly to, DateOnly asOf,
            CancellationToken ct) => indicators.TallyAsync(key, name, from, to, asOf, ct);

        public override async Task<Dictionary<int, string>> GroupsOfAsync(IQueryable<Case> cases, CancellationToken ct) =>
            (await cases.Select(Indicators.With(key, (c, k) => new { c.Id, Key = k })).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => name(c.Key));
    }
}
