using System.Collections.Concurrent;

namespace Jobbtorg.Calendar;

/// <summary>A day off because of a public holiday or an eve treated as one; English name.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// Swedish public holidays and the eves treated as holidays, computed for any year by the rules in
/// force since 1953 (when Midsummer Day and All Saints' Day moved to Saturdays). Holidays that always
/// fall on a weekend (Easter Sunday, Whitsun, Midsummer Day, All Saints' Day) are left out: they never
/// change whether a day is a working day.
/// </summary>
public static class SwedishHolidays
{
    // Holidays are asked for once per day walked; a year's list never changes.
    private static readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> Years = new();
    // Whether a day is one of them, asked for every day a working-day count walks: a set, not a search of the list.
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> Dates = new();

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The year's holidays and eves that are days off, whatever weekday they fall on: one per date, sorted.</summary>
    public static IReadOnlyList<Holiday> InYear(int year) => Years.GetOrAdd(year, Compute);

    public static bool IsHoliday(DateOnly date) =>
        Dates.GetOrAdd(date.Year, static year => InYear(year).Select(h => h.Date).ToHashSet()).Contains(date);

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = new DateOnly(year, 6, 19);
        while (midsummerEve.DayOfWeek != DayOfWeek.Friday) midsummerEve = midsummerEve.AddDays(1);

        var days = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "New Year's Day"),
            new(new DateOnly(year, 1, 6), "Epiphany"),
            new(easter.AddDays(-2), "Good Friday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(new DateOnly(year, 5, 1), "May Day"),
            new(easter.AddDays(39), "Ascension Day"),
            new(midsummerEve, "Midsummer Eve"),
            new(new DateOnly(year, 12, 24), "Christmas Eve"),
            new(new DateOnly(year, 12, 25), "Christmas Day"),
            new(new DateOnly(year, 12, 26), "Boxing Day"),
            new(new DateOnly(year, 12, 31), "New Year's Eve"),
        };
        // National Day replaced Whit Monday as a public holiday in 2005.
        days.Add(year <= 2004
            ? new Holiday(easter.AddDays(50), "Whit Monday")
            : new Holiday(new DateOnly(year, 6, 6), "National Day"));

        // One entry per day: Ascension Day can fall on 1 May (as in 2008).
        return days.GroupBy(h => h.Date)
            .Select(g => new Holiday(g.Key, string.Join("; ", g.Select(h => h.Name))))
            .OrderBy(h => h.Date)
            .ToArray();
    }
}
