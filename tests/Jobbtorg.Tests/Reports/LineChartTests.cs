using Jobbtorg.Features.Reports;

namespace Jobbtorg.Tests.Reports;

public class LineChartTests
{
    private static LineChart Chart(bool isRate, params double?[][] series) => new()
    {
        Id = "test",
        Title = "Test",
        Description = "Test",
        Labels = series[0].Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        AxisLabels = series[0].Select(_ => "").ToList(),
        LabelHeading = "Month",
        IsRate = isRate,
        Series = series.Select((values, i) => new ChartSeries($"S{i}", values)).ToList(),
    };

    [Fact]
    public void The_axis_of_counts_ends_on_a_round_whole_number_at_or_above_the_largest_value()
    {
        var chart = Chart(false, [3, 17, 11], [0, 2, 1]);
        Assert.Equal(20, chart.Max);
        Assert.Equal([0, 5, 10, 15, 20], chart.Ticks);
    }

    [Fact]
    public void A_series_of_zeros_still_gets_a_readable_axis()
    {
        Assert.Equal([0, 1], Chart(false, [0, 0, 0]).Ticks);
        Assert.Equal([0, 0.01], Chart(true, [0, null, 0]).Ticks);
    }

    [Fact]
    public void The_axis_of_rates_steps_by_round_fractions()
    {
        var chart = Chart(true, [0.039, 0.072, null]);
        Assert.Equal(0.08, chart.Max, 10);
        Assert.Equal(5, chart.Ticks.Count());
    }

    [Fact]
    public void A_missing_value_breaks_the_line_and_a_lone_point_gets_a_dot()
    {
        var chart = Chart(true, [0.1, 0.2, null, 0.1, null]);
        var path = chart.Path(chart.Series[0]);
        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(1, path.Count(c => c == 'L'));
        var lone = Assert.Single(chart.LonePoints(chart.Series[0]));
        Assert.Equal(chart.X(3), lone.X);
    }

    [Fact]
    public void Coordinates_are_written_with_a_decimal_point_whatever_the_language()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new("sv-SE");
        try
        {
            Assert.Equal("12.5", LineChart.N(12.5));
            Assert.DoesNotContain(",", Chart(false, [1, 2, 3]).Path(Chart(false, [1, 2, 3]).Series[0]));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
