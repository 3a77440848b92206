namespace Jobbtorg.Features.Shared;

public static class Clock
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Today's date in Stockholm: working days and deadlines are Swedish calendar days.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);

    public static DateTimeOffset ToStockholm(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Stockholm);

    /// <summary>The UTC instant of a Stockholm wall-clock time; null for a time skipped when summer time begins.</summary>
    public static DateTimeOffset? FromStockholm(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Stockholm.IsInvalidTime(local)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Stockholm), TimeSpan.Zero);
    }
}
