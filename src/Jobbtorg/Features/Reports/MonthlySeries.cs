using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Reports;

/// <summary>Enrolled, newly enrolled, closed and closure rate month by month, per reporting group.</summary>
public static class MonthlySeries
{
    public const int Months = 24;

    /// <summary>The <see cref="Months"/> calendar months ending with the month of <paramref name="endMonth"/>,
    /// each computed by the indicator calculator over the same loaded data.</summary>
    public static IReadOnlyList<MonthPoint> Compute(IndicatorData data, DateOnly endMonth)
    {
        var last = new DateOnly(endMonth.Year, endMonth.Month, 1);
        var points = new List<MonthPoint>(Months);
        for (var back = Months - 1; back >= 0; back--)
        {
            var from = Dates.PlusMonths(last, -back);
            var report = IndicatorCalculator.Compute(data, from, Dates.PlusDays(Dates.PlusMonths(from, 1), -1), GroupBy.ReportingGroup);
            var groups = new Dictionary<ReportingGroup, MonthFigures>();
            foreach (var group in Enum.GetValues<ReportingGroup>())
                if (report.Groups?.GetValueOrDefault(group.ToString()) is { } set) groups[group] = MonthFigures.Of(set);
            points.Add(new MonthPoint(from, MonthFigures.Of(report.Total), groups));
        }
        return points;
    }
}
