using System.Globalization;
using Jobbtorg.Calendar;

namespace Jobbtorg.Tests.Calendar;

public class SwedishHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<DateOnly, string[]> Snapshot() =>
        TestData.Read<Dictionary<string, string>>("holidays", "se-holidays-python-holidays-snapshot.json")
            .ToDictionary(e => D(e.Key), e => e.Value.Split(';', StringSplitOptions.TrimEntries));

    /// <summary>Easter by Gauss's method with its two exceptions: independent of the Meeus/Jones/Butcher form under test.</summary>
    private static DateOnly GaussEaster(int year)
    {
        int a = year % 19, b = year % 4, c = year % 7, k = year / 100;
        int p = (13 + 8 * k) / 25, q = k / 4;
        int m = (15 - p + k - q) % 30, n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30, e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) return new DateOnly(year, 4, 19);
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) return new DateOnly(year, 4, 18);
        return new DateOnly(year, 3, 22).AddDays(d + e);
    }

    [Theory]
    [InlineData("2024-03-31")]
    [InlineData("2025-04-20")]
    [InlineData("2038-04-25")]  // latest possible
    [InlineData("1943-04-25")]
    [InlineData("1886-04-25")]
    [InlineData("1818-03-22")]  // earliest possible
    [InlineData("2285-03-22")]
    [InlineData("2000-04-23")]
    [InlineData("1954-04-18")]  // Gauss's exception d = 28, e = 6
    [InlineData("1981-04-19")]  // Gauss's exception d = 29, e = 6
    [InlineData("2049-04-18")]
    public void Easter_Sunday_falls_on_known_dates(string expected)
    {
        var date = D(expected);
        Assert.Equal(date, SwedishHolidays.EasterSunday(date.Year));
        Assert.Equal(DayOfWeek.Sunday, date.DayOfWeek);
    }

    [Fact]
    public void Easter_Sunday_agrees_with_Gauss_for_every_year_from_1900_to_2100()
    {
        var failures = Enumerable.Range(1900, 201)
            .Where(y => SwedishHolidays.EasterSunday(y) != GaussEaster(y))
            .Select(y => $"{y}: {SwedishHolidays.EasterSunday(y)} vs Gauss {GaussEaster(y)}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Easter_Sunday_agrees_with_the_snapshot_and_its_Good_Friday_from_1953_to_2050()
    {
        var snapshot = Snapshot();
        var failures = new List<string>();
        foreach (var year in Enumerable.Range(1953, 98))
        {
            var easter = SwedishHolidays.EasterSunday(year);
            var listed = snapshot.Where(e => e.Key.Year == year).ToList();
            var easterInSnapshot = listed.Single(e => e.Value.Contains("Easter Sunday")).Key;
            var goodFridayInSnapshot = listed.Single(e => e.Value.Contains("Good Friday")).Key;
            if (easter != easterInSnapshot || easter != goodFridayInSnapshot.AddDays(2))
                failures.Add($"{year}: {easter}, snapshot Easter {easterInSnapshot}, Good Friday {goodFridayInSnapshot}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Weekday_holidays_match_the_snapshot_from_1953_to_2050()
    {
        // The snapshot lists more than days off. Filtered out:
        // - "Sunday": every Sunday, never a working day anyway;
        // - "... (from 2pm)": half days (Maundy Thursday, Walpurgis Night, the days before the eves, ...) are working days;
        // - "Squeeze day": a bridge day (e.g. the Friday after Ascension Day), a working day by law;
        // - Saturdays: holidays that always fall on a Saturday (Midsummer Day, All Saints' Day, Holy Saturday,
        //   Whitsun Eve) and fixed holidays that happen to fall on one never change whether a day is a working day.
        // What remains, Monday to Friday, must be exactly the days SwedishHolidays calls holidays.
        static bool IsWeekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        static bool IsDayOff(string name) =>
            name != "Sunday" && name != "Squeeze day" && !name.EndsWith("(from 2pm)", StringComparison.Ordinal);

        var expected = Snapshot()
            .Where(e => IsWeekday(e.Key) && e.Value.Any(IsDayOff))
            .ToDictionary(e => e.Key, e => string.Join("; ", e.Value.Where(IsDayOff)));
        var actual = Enumerable.Range(1953, 98)
            .SelectMany(SwedishHolidays.InYear)
            .Where(h => IsWeekday(h.Date))
            .ToDictionary(h => h.Date, h => h.Name);

        var failures = expected.Keys.Except(actual.Keys).Select(d => $"missing {d:yyyy-MM-dd} {d.DayOfWeek} ({expected[d]})")
            .Concat(actual.Keys.Except(expected.Keys).Select(d => $"extra {d:yyyy-MM-dd} {d.DayOfWeek} ({actual[d]})"))
            .Order()
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n{string.Join('\n', failures)}");
        Assert.True(expected.Count > 98 * 9, "the filtered snapshot is suspiciously small");
    }

    [Fact]
    public void Whit_Monday_is_a_holiday_up_to_2004_and_National_Day_from_2005()
    {
        Assert.True(SwedishHolidays.IsHoliday(D("2004-05-31")));   // Whit Monday 2004
        Assert.False(SwedishHolidays.IsHoliday(D("2005-05-16")));  // Whit Monday 2005
        Assert.False(SwedishHolidays.IsHoliday(D("2003-06-06")));  // a Friday, Flag Day only
        Assert.True(SwedishHolidays.IsHoliday(D("2005-06-06")));
        Assert.Contains(SwedishHolidays.InYear(2004), h => h.Name == "Whit Monday");
        Assert.DoesNotContain(SwedishHolidays.InYear(2004), h => h.Name == "National Day");
        Assert.Contains(SwedishHolidays.InYear(2005), h => h.Name == "National Day");
        Assert.DoesNotContain(SwedishHolidays.InYear(2005), h => h.Name == "Whit Monday");
    }

    [Fact]
    public void Midsummer_Eve_is_the_Friday_between_19_and_25_June()
    {
        foreach (var year in Enumerable.Range(1900, 301))
        {
            var eve = Assert.Single(SwedishHolidays.InYear(year), h => h.Name == "Midsummer Eve").Date;
            Assert.Equal(DayOfWeek.Friday, eve.DayOfWeek);
            Assert.InRange(eve, new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));
        }
    }

    [Fact]
    public void A_year_lists_every_holiday_and_eve_by_date()
    {
        var year = SwedishHolidays.InYear(2024);
        Assert.Equal(
            [
                (D("2024-01-01"), "New Year's Day"), (D("2024-01-06"), "Epiphany"), (D("2024-03-29"), "Good Friday"),
                (D("2024-04-01"), "Easter Monday"), (D("2024-05-01"), "May Day"), (D("2024-05-09"), "Ascension Day"),
                (D("2024-06-06"), "National Day"), (D("2024-06-21"), "Midsummer Eve"), (D("2024-12-24"), "Christmas Eve"),
                (D("2024-12-25"), "Christmas Day"), (D("2024-12-26"), "Boxing Day"), (D("2024-12-31"), "New Year's Eve"),
            ],
            year.Select(h => (h.Date, h.Name)));
    }

    [Fact]
    public void Ascension_Day_on_the_first_of_May_is_one_day_off()
    {
        var day = Assert.Single(SwedishHolidays.InYear(2008), h => h.Date == D("2008-05-01"));
        Assert.Equal("May Day; Ascension Day", day.Name);
        Assert.Equal(11, SwedishHolidays.InYear(2008).Count);
    }

    [Fact]
    public void Holidays_are_computed_far_beyond_any_table()
    {
        Assert.Equal(D("2124-04-02"), SwedishHolidays.EasterSunday(2124));
        Assert.True(SwedishHolidays.IsHoliday(D("2124-03-31")));  // Good Friday
        Assert.Equal(12, SwedishHolidays.InYear(2124).Count);
    }

    [Theory]
    [InlineData("2024-03-28")]  // Maundy Thursday: a half day at most
    [InlineData("2024-04-30")]  // Walpurgis Night
    [InlineData("2024-05-10")]  // squeeze day after Ascension Day
    [InlineData("2024-06-22")]  // Midsummer Day: a Saturday, not listed
    public void Half_days_bridge_days_and_weekend_holidays_are_not_listed(string date) =>
        Assert.False(SwedishHolidays.IsHoliday(D(date)));
}
