namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>A month of the access log reviewed: who did it, when, their note, and what the month held then. One per month.</summary>
public class AccessLogReview
{
    public const int MaxNoteLength = 2000;

    public int Id { get; set; }
    /// <summary>The first day of the month reviewed.</summary>
    public DateOnly Month { get; set; }
    public required string ReviewedById { get; set; }
    /// <summary>The reviewer's name as it was at the time.</summary>
    public required string ReviewedBy { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public required string Note { get; set; }
    public int EntriesInMonth { get; set; }
    public int FlaggedInMonth { get; set; }
    public int SampledEntries { get; set; }
}
