using System.Security.Cryptography;
using System.Text;
using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>A month's entries and its sample.</summary>
public sealed record MonthSample(DateOnly Month, int EntriesInMonth, int FlaggedInMonth, IReadOnlyList<long> Drawn, IReadOnlyList<long> FlaggedDrawn)
{
    public IReadOnlySet<long> All { get; } = Drawn.Concat(FlaggedDrawn).ToHashSet();
}

/// <summary>
/// The sample of a month for systematic review: <see cref="LogReviewOptions.SampleSize"/> entries drawn at random from
/// the whole month, and the month's flagged entries: all of them up to <see cref="LogReviewOptions.MaxFlaggedInSample"/>,
/// else that many drawn at random from them. The draw is reproducible: each entry gets a rank from its id and a seed
/// derived from the month alone, and the lowest ranks are drawn, so the same month gives the same sample every time, on
/// any server, whatever order the database returns the entries in.
/// </summary>
public sealed class MonthlySample(JobbtorgDb db, ReviewFlags flags, IOptions<LogReviewOptions> options)
{
    public async Task<MonthSample> OfAsync(DateOnly month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var (start, end) = ReviewFlags.Instants(first, last);
        var ids = await db.AccessLog.AsNoTracking().Where(e => e.At >= start && e.At < end).Select(e => e.Id).ToListAsync(ct);
        var flagged = await flags.FlaggedAsync(first, last, ct);
        var seed = SeedOf(first);
        var settings = options.Value;
        var drawn = Lowest(ids, seed, settings.SampleSize);
        var flaggedDrawn = Lowest(flagged.Where(id => !drawn.Contains(id)), seed, settings.MaxFlaggedInSample);
        return new MonthSample(first, ids.Count, flagged.Count, drawn, flaggedDrawn);
    }

    /// <summary>The month's seed: the first eight bytes of SHA-256 over "access-log-sample:yyyy-MM".</summary>
    public static ulong SeedOf(DateOnly month) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"access-log-sample:{month:yyyy-MM}")), 0);

    /// <summary>An entry's rank in the draw (SplitMix64 of the seed and the id): spread evenly, fixed for the month.</summary>
    public static ulong Rank(ulong seed, long id)
    {
        var z = seed + (ulong)id * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static List<long> Lowest(IEnumerable<long> ids, ulong seed, int count) =>
        ids.OrderBy(id => Rank(seed, id)).ThenBy(id => id).Take(count).ToList();
}
