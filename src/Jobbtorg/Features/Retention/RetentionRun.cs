namespace Jobbtorg.Features.Retention;

/// <summary>
/// One day's retention round: when it started and finished and how much it deleted, counted per kind of data, never
/// what or whose. The unique date makes the round run once a day whatever the number of instances; a round that
/// stopped half-way is finished by the next look the same day (each batch it erased is counted in the batch's own
/// transaction).
/// </summary>
public class RetentionRun
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>People erased.</summary>
    public int People { get; set; }
    /// <summary>Their cases, kept as pseudonymous facts for the indicators.</summary>
    public int Cases { get; set; }
    /// <summary>Access-log entries past their period, deleted.</summary>
    public int AccessLogEntries { get; set; }
    /// <summary>Older retention runs past their period, deleted.</summary>
    public int RetentionRuns { get; set; }
    /// <summary>Rows deleted or cleared per kind (table), as JSON: {"JournalEntries": 12, ...}.</summary>
    public string Counts { get; set; } = "{}";

    public Dictionary<string, int> CountsByKind() =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(Counts) ?? [];

    public void Add(IReadOnlyDictionary<string, int> counts)
    {
        var all = CountsByKind();
        foreach (var (kind, n) in counts) all[kind] = all.GetValueOrDefault(kind) + n;
        Counts = System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, int>(all, StringComparer.Ordinal));
    }
}
