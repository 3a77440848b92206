namespace Jobbtorg.Features.DistrictMessages;

/// <summary>`Jobbtorg:Outbox`.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the outbox is looked at when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>After this many failed attempts a message is marked failed for an operator to look at.</summary>
    public int MaxAttempts { get; set; } = 30;
    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How many districts are delivered to at the same time; each district gets one delivery at a time.</summary>
    public int MaxParallelDistricts { get; set; } = 4;
}
