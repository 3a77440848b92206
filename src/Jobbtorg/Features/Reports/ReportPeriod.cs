using Jobbtorg.Calendar;

namespace Jobbtorg.Features.Reports;

public enum PeriodKind { Month, Tertial, Year, Custom }

/// <summary>A reporting period: a calendar month, a tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec), a year, or any
/// inclusive from–to range.</summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    public static ReportPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, first, Dates.PlusDays(Dates.PlusMonths(first, 1), -1));
    }

    public static ReportPeriod Tertial(int year, int tertial)
    {
        if (tertial is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(tertial), tertial, "A tertial is 1, 2 or 3.");
        var first = new DateOnly(year, (tertial - 1) * 4 + 1, 1);
        return new(PeriodKind.Tertial, first, Dates.PlusDays(Dates.PlusMonths(first, 4), -1));
    }

    public static ReportPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ReportPeriod Custom(DateOnly from, DateOnly to) => new(PeriodKind.Custom, from, to);

    /// <summary>1 for January–April, 2 for May–August, 3 for September–December.</summary>
    public static int TertialOf(DateOnly date) => (date.Month - 1) / 4 + 1;

    /// <summary>The first day of the month <paramref name="to"/> falls in: the monthly series ends with that month.</summary>
    public DateOnly EndMonth => Dates.FirstOfMonth(To);
}
