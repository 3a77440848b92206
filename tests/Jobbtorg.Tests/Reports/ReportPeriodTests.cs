using Jobbtorg.Features.Reports;

namespace Jobbtorg.Tests.Reports;

public class ReportPeriodTests
{
    [Theory]
    [InlineData(1, "2024-01-01", "2024-04-30")]
    [InlineData(2, "2024-05-01", "2024-08-31")]
    [InlineData(3, "2024-09-01", "2024-12-31")]
    public void A_tertial_is_four_whole_months(int tertial, string from, string to)
    {
        var period = ReportPeriod.Tertial(2024, tertial);
        Assert.Equal(DateOnly.Parse(from), period.From);
        Assert.Equal(DateOnly.Parse(to), period.To);
        Assert.Equal(PeriodKind.Tertial, period.Kind);
    }

    [Fact]
    public void A_tertial_other_than_one_two_or_three_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.Tertial(2024, 4));

    [Theory]
    [InlineData(2024, 2, "2024-02-29")]
    [InlineData(2025, 2, "2025-02-28")]
    [InlineData(2025, 12, "2025-12-31")]
    public void A_month_ends_on_its_last_day(int year, int month, string last)
    {
        var period = ReportPeriod.Month(year, month);
        Assert.Equal(new DateOnly(year, month, 1), period.From);
        Assert.Equal(DateOnly.Parse(last), period.To);
    }

    [Fact]
    public void A_year_runs_from_new_years_day_to_new_years_eve()
    {
        var period = ReportPeriod.Year(2025);
        Assert.Equal(new DateOnly(2025, 1, 1), period.From);
        Assert.Equal(new DateOnly(2025, 12, 31), period.To);
    }

    [Theory]
    [InlineData("2024-01-01", 1)]
    [InlineData("2024-04-30", 1)]
    [InlineData("2024-05-01", 2)]
    [InlineData("2024-08-31", 2)]
    [InlineData("2024-09-01", 3)]
    [InlineData("2024-12-31", 3)]
    public void Each_date_falls_in_one_tertial(string date, int tertial) =>
        Assert.Equal(tertial, ReportPeriod.TertialOf(DateOnly.Parse(date)));

    [Fact]
    public void The_monthly_series_ends_with_the_month_the_period_ends_in() =>
        Assert.Equal(new DateOnly(2024, 4, 1), ReportPeriod.Custom(new DateOnly(2024, 1, 15), new DateOnly(2024, 4, 20)).EndMonth);
}
