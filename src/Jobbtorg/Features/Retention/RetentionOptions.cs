using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.Retention;

/// <summary>`Jobbtorg:Retention`: when a person's data is erased (gallring), and how long the access log and the
/// retention log itself are kept. See docs/privacy/retention.md.</summary>
public sealed class RetentionOptions
{
    /// <summary>A person is erased this many years after the closure of their last case, once they have no open case.</summary>
    [Range(1, 100)] public int YearsAfterClosure { get; set; } = 5;
    /// <summary>People born on these days of the month are never erased (kept for research, as an archive's rules may
    /// ask: Stockholm keeps those born on the 5th, 15th and 25th). Empty by default. A co-ordination number's day
    /// (day + 60) counts as its day.</summary>
    public List<int> KeepBornOnDays { get; set; } = [];
    /// <summary>Access-log entries older than this many years are deleted (the oldest first; the chain is kept whole).</summary>
    [Range(1, 100)] public int AccessLogYears { get; set; } = 10;
    /// <summary>The retention round's own records are deleted after this many years.</summary>
    [Range(1, 100)] public int RetentionLogYears { get; set; } = 10;
    /// <summary>People erased per transaction: a batch is erased wholly or not at all.</summary>
    [Range(1, 5000)] public int BatchSize { get; set; } = 200;
    /// <summary>False stops the daily round (tests run it themselves; an instance that only serves pages).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>The round runs once a day, from this Stockholm time.</summary>
    public TimeOnly RunFrom { get; set; } = new(2, 0);
    /// <summary>How often the service looks whether the day's round is due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Why the settings cannot be used, or null.</summary>
    public string? Problem() =>
        KeepBornOnDays.Any(d => d is < 1 or > 31) ? "Jobbtorg:Retention:KeepBornOnDays holds days of the month, 1 to 31."
        : CheckEvery <= TimeSpan.Zero ? "Jobbtorg:Retention:CheckEvery must be positive."
        : null;
}
