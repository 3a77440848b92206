using System.Globalization;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// The import, the API and the forms read a date with <see cref="Input.TryParseDate"/>, which must accept and refuse
/// exactly what the framework's exact yyyy-MM-dd parsing does: no date the framework would refuse slips in, and none it
/// reads is refused.
/// </summary>
public class DateReadingTests
{
    public static TheoryData<string> Written =>
    [
        "2024-02-29", "2023-02-29", "2023-02-28", "2000-02-29", "1900-02-29", "0001-01-01", "9999-12-31", "0000-01-01",
        "2024-00-10", "2024-13-01", "2024-12-32", "2024-04-31", "2024-04-30", "2024-01-00",
        "2024-1-01", "2024-01-1", "24-01-01", "02024-01-01", "2024-01-011", " 2024-01-01", "2024-01-01 ", "2024/01/01",
        "2024-01-01\0", "+024-01-01", "-024-01-01", "2024-+1-01", "2024--1-01", "２０２４-01-01", "٢٠٢٤-01-01", "2024-0a-01",
        "2024 01 01", "20240101", "", "2024-01-01T00:00", "2024-1-1",
    ];

    [Theory]
    [MemberData(nameof(Written))]
    public void Reads_a_date_as_the_exact_framework_parsing_does(string text)
    {
        var framework = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        var read = Input.TryParseDate(text, out var date);

        Assert.Equal(framework, read);
        Assert.Equal(expected, date);
    }

    public static TheoryData<string> MonthsWritten =>
    [
        "2024-02", "0001-01", "9999-12", "0000-01", "2024-00", "2024-13", "2024-1", "24-01", "02024-01", "2024-011",
        " 2024-01", "2024-01 ", "2024/01", "2024-+1", "２０２４-01", "2024-0a", "202401", "", "2024-01-01",
    ];

    [Theory]
    [MemberData(nameof(MonthsWritten))]
    public void Reads_a_month_as_the_exact_framework_parsing_of_its_first_day_does(string text)
    {
        var framework = DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        var read = Input.TryParseMonth(text, out var first);

        Assert.Equal(framework, read);
        Assert.Equal(expected, first);
    }

    [Fact]
    public void Reads_every_day_of_a_leap_year_and_its_neighbours_as_the_framework_does()
    {
        for (var day = new DateOnly(1999, 12, 1); day <= new DateOnly(2001, 1, 31); day = day.AddDays(1))
        {
            Assert.True(Input.TryParseDate(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var read));
            Assert.Equal(day, read);
        }
    }
}
