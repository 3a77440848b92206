namespace Jobbtorg.Features.Assessments;

/// <summary>One published version of an instrument. Never changed once published: a change is a new version, and the
/// assessments made under this one keep rendering with its questions.</summary>
public class InstrumentVersion
{
    public const int MaxPublishedByLength = 200;

    public int Id { get; set; }
    public Instrument Instrument { get; set; }
    /// <summary>1, 2, 3 … per instrument; the newest is the one new assessments are made under.</summary>
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    /// <summary>The <see cref="InstrumentDefinition"/> as JSON.</summary>
    public required string Definition { get; set; }

    private InstrumentDefinition? parsed;
    public InstrumentDefinition Parsed => parsed ??= InstrumentDefinition.Parse(Definition);
}
