using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>`Jobbtorg:AccessLogReview`: the thresholds of the log review's flags and the size of the monthly sample.</summary>
public sealed class LogReviewOptions
{
    public const string Section = "Jobbtorg:AccessLogReview";

    /// <summary>One user or key reading more than this many different people within <see cref="ManyPeopleWindow"/> is flagged.</summary>
    [Range(1, 100_000)] public int ManyPeopleThreshold { get; set; } = 20;
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan ManyPeopleWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Office hours on a working day, Stockholm time; reads before the start or from the end on are out of hours,
    /// as is every read on a weekend or a public holiday (the working calendar).</summary>
    public TimeOnly OfficeHoursStart { get; set; } = new(7, 0);
    public TimeOnly OfficeHoursEnd { get; set; } = new(18, 0);
    /// <summary>Entries drawn at random from a month for its systematic review.</summary>
    [Range(1, 10_000)] public int SampleSize { get; set; } = 50;
    /// <summary>Flagged entries added to the month's sample: all of them up to this many, else this many drawn at random.</summary>
    [Range(0, 10_000)] public int MaxFlaggedInSample { get; set; } = 100;
    [Range(10, 500)] public int PageSize { get; set; } = 50;
    /// <summary>The longest period one search covers, in days.</summary>
    [Range(1, 3660)] public int MaxPeriodDays { get; set; } = 366;
}
