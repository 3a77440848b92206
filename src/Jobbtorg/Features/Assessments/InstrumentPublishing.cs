using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Assessments;

public abstract record PublishOutcome
{
    public sealed record Published(InstrumentVersion Version) : PublishOutcome;
    /// <summary>The definition has problems: nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyList<BrokenRule> Problems) : PublishOutcome;
    /// <summary>Someone else published a version first (the one the change started from is no longer the newest).</summary>
    public sealed record Overtaken(int Newest) : PublishOutcome;
}

/// <summary>The published versions of the instruments, and publishing a new one. A version is never changed: a change is
/// published as the next version, and the assessments made under an older one keep it.</summary>
public sealed class InstrumentVersions(JobbtorgDb db, TimeProvider clock)
{
    public Task<InstrumentVersion?> CurrentAsync(Instrument instrument, CancellationToken ct) =>
        db.InstrumentVersions.AsNoTracking().Where(v => v.Instrument == instrument).OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(ct);

    public Task<InstrumentVersion?> FindAsync(Instrument instrument, int version, CancellationToken ct) =>
        db.InstrumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Instrument == instrument && v.Version == version, ct);

    /// <summary>Every version of both instruments, newest first, with how many assessments were made under each.</summary>
    public async Task<IReadOnlyList<(InstrumentVersion Version, int Assessments)>> ListAsync(CancellationToken ct)
    {
        var versions = await db.InstrumentVersions.AsNoTracking().OrderBy(v => v.Instrument).ThenByDescending(v => v.Version).ToListAsync(ct);
        var used = await db.Assessments.Where(a => a.InstrumentVersionId != null).GroupBy(a => a.InstrumentVersionId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        return versions.Select(v => (v, used.GetValueOrDefault(v.Id))).ToList();
    }

    /// <summary>Publishes the definition as the next version of the instrument, when it has no problems and changes
    /// something. <paramref name="basedOn"/> is the version the change started from, if known: when a newer one was
    /// published meanwhile, nothing is stored. Two publishing at the same moment cannot both get the same number (a
    /// unique index): the later one is told it was overtaken.</summary>
    public async Task<PublishOutcome> PublishAsync(Instrument instrument, string? json, string by, int? basedOn, CancellationToken ct)
    {
        var (definition, problems) = InstrumentCheck.Read(json);
        if (definition is null) return new PublishOutcome.Invalid(problems);
        var current = await CurrentAsync(instrument, ct);
        var newest = current?.Version ?? 0;
        if (basedOn is { } based && based != newest) return new PublishOutcome.Overtaken(newest);
        if (current is not null && InstrumentChanges.Between(current.Parsed, definition).None)
            return new PublishOutcome.Invalid([BrokenRule.OnField("definition",
                "The definition is the same as version {0}: change something before publishing.", newest)]);
        var version = new InstrumentVersion
        {
            Instrument = instrument, Version = newest + 1, PublishedAt = clock.GetUtcNow(),
            PublishedBy = by.Length > InstrumentVersion.MaxPublishedByLength ? by[..InstrumentVersion.MaxPublishedByLength] : by,
            Definition = definition.ToJson(),
        };
        db.InstrumentVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new PublishOutcome.Overtaken((await CurrentAsync(instrument, ct))?.Version ?? newest);
        }
        return new PublishOutcome.Published(version);
    }
}
