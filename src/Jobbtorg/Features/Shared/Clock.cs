namespace Jobbtorg.Features.Shared;

public static class Clock
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Today's date in Stockholm: working days and deadlines are Swedish calendar days.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);

    /// <summary>The instant in Stockholm time; the last hours of the calendar, which have no Stockholm time, stay in UTC.</summary>
    public static DateTimeOffset ToStockholm(this DateTimeOffset instant) =>
        instant.UtcDateTime > LastConvertible ? instant : TimeZoneInfo.ConvertTime(instant, Stockholm);

    private static readonly DateTime LastConvertible = DateTime.MaxValue.AddHours(-3);

    /// <summary>The UTC instant of a Stockholm wall-clock time; null for a time skipped when summer time begins.</summary>
    public static DateTimeOffset? FromStockholm(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Stockholm.IsInvalidTime(local)) return null;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Stockholm), TimeSpan.Zero);
    }
}
