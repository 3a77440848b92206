using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A meeting to schedule; Weeks &gt; 1 repeats it on the same weekday and time.</summary>
public sealed record MeetingRequest
{
    [ApiRequired] public string? JobCentre { get; init; }
    [ApiRequired] public MeetingKind? Kind { get; init; }
    /// <summary>The (first) date, in Stockholm.</summary>
    [ApiRequired] public DateOnly? Date { get; init; }
    /// <summary>Start time in Stockholm.</summary>
    [ApiRequired] public TimeOnly? Time { get; init; }
    public int? DurationMinutes { get; init; } = 90;
    [ApiRequired] public string? Room { get; init; }
    [ApiRequired] public int? Capacity { get; init; }
    public string? Language { get; init; } = "svenska";
    public int? Weeks { get; init; } = 1;
}
