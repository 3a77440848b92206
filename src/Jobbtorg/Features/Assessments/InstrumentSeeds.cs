using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Assessments;

/// <summary>The first version of each shared instrument, shipped with the app (<c>Instruments/*-v1.json</c>) and inserted
/// once when the instrument has no version yet; later versions are published by an administrator.</summary>
public static class InstrumentSeeds
{
    public const string SeededBy = "Jobbtorg";

    public static readonly IReadOnlyDictionary<Instrument, string> Files = new Dictionary<Instrument, string>
    {
        [Instrument.Initial] = "initial-v1.json",
        [Instrument.InDepth] = "indepth-v1.json",
    };

    public static InstrumentDefinition Shipped(Instrument instrument)
    {
        using var stream = typeof(InstrumentSeeds).Assembly.GetManifestResourceStream($"Jobbtorg.Assessments.{Files[instrument]}")!;
        using var reader = new StreamReader(stream);
        return InstrumentDefinition.Parse(reader.ReadToEnd());
    }

    public static async Task SeedAsync(JobbtorgDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var present = await db.InstrumentVersions.Select(v => v.Instrument).Distinct().ToListAsync(ct);
        foreach (var instrument in Enum.GetValues<Instrument>().Except(present))
            db.InstrumentVersions.Add(new InstrumentVersion
            {
                Instrument = instrument, Version = 1, PublishedAt = clock.GetUtcNow(), PublishedBy = SeededBy,
                Definition = Shipped(instrument).ToJson(),
            });
        await db.SaveChangesAsync(ct);
    }
}
