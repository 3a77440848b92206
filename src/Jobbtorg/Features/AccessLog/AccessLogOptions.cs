using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.AccessLog;

/// <summary>The <c>AccessLog</c> settings: how entries are written in batches, and how long a reason given for opening a
/// case outside one's own caseload is remembered.</summary>
public sealed class AccessLogOptions
{
    public const string Section = "Jobbtorg:AccessLog";

    /// <summary>At most this many entries are sealed into the chain in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Entries wait at most this many milliseconds before they are written.</summary>
    [Range(10, 10_000)]
    public int BatchIntervalMilliseconds { get; set; } = 200;

    /// <summary>Ask staff for a reason before they open a case outside their own caseload (on by default). Off, such reads
    /// are still logged and flagged as outside the caseload, without a reason.</summary>
    public bool AskForReason { get; set; } = true;

    /// <summary>How long a reason is remembered for the case it was given for (by default a working day).</summary>
    [Range(1, 24 * 60)]
    public int ReasonRememberedMinutes { get; set; } = 10 * 60;
}
