using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Reports;

/// <summary>The month's figures the series shows, for the total or one reporting group.</summary>
public sealed record MonthFigures(int Enrolled, int NewlyEnrolled, int Closed, double? ClosureRate)
{
    public static readonly MonthFigures None = new(0, 0, 0, null);

    public static MonthFigures Of(IndicatorSet set) => new(set.Enrolled, set.NewlyEnrolled, set.Closed, set.ClosureRate);
}

public sealed record MonthPoint(DateOnly Month, MonthFigures Total, IReadOnlyDictionary<ReportingGroup, MonthFigures> Groups)
{
    public MonthFigures this[ReportingGroup group] => Groups.GetValueOrDefault(group, MonthFigures.None);
}

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
