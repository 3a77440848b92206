namespace Jobbtorg.Calendar;

/// <summary>A pause of a case: it covers PausedOn up to the day before ResumedOn; open while ResumedOn is null.</summary>
public readonly record struct PausePeriod(DateOnly PausedOn, DateOnly? ResumedOn)
{
    public bool Covers(DateOnly date) => date >= PausedOn && (ResumedOn is not { } resumed || date < resumed);
}

/// <summary>Working days. Total for every date: a walk that would pass the end of the calendar stops there.</summary>
public static class WorkingDays
{
    /// <summary>Monday to Friday, and not a public holiday or an eve treated as one.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !SwedishHolidays.IsHoliday(date);

    /// <summary>
    /// Walks forward from <paramref name="start"/> (exclusive), counting working days outside every pause;
    /// the n-th counted day is the deadline. Null when an open pause stops the clock before that.
    /// A walk that reaches the last day of the calendar ends there (only stored nonsense gets so far).
    /// </summary>
    public static DateOnly? Deadline(DateOnly start, int workingDays, IEnumerable<PausePeriod> pauses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var list = pauses.ToList();
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            if (day == DateOnly.MaxValue) return day;
            day = day.AddDays(1);
            // An open pause never ends, so once the walk reaches it no deadline can be reached.
            if (list.Any(p => p.ResumedOn is null && p.Covers(day))) return null;
            if (IsWorkingDay(day) && !list.Any(p => p.Covers(day))) counted++;
        }
        return day;
    }

    /// <summary>The working day before <paramref name="date"/> (the first day of the calendar has none before it).</summary>
    public static DateOnly PreviousWorkingDay(DateOnly date)
    {
        var day = date;
        do
        {
            if (day == DateOnly.MinValue) return day;
            day = day.AddDays(-1);
        } while (!IsWorkingDay(day));
        return day;
    }

    /// <summary>Monday of the ISO week the date lies in.</summary>
    public static DateOnly MondayOf(DateOnly date) => Dates.PlusDays(date, -(((int)date.DayOfWeek + 6) % 7));

    public static DateOnly AddWorkingDays(DateOnly start, int workingDays) => Deadline(start, workingDays, [])!.Value;

    /// <summary>Working days in (fromExclusive, toInclusive]; 0 when the range is empty.</summary>
    public static int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var day = fromExclusive; day < toInclusive;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/>, both included; empty when to is earlier.</summary>
    public static IEnumerable<DateOnly> Between(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
            if (day == DateOnly.MaxValue) yield break;
        }
    }
}
