using System.Globalization;
using System.Text.Json.Serialization;

namespace Jobbtorg.Features.Reports;

/// <summary>The monthly series as the API gives it: each month's figures, in total and, with a grouping, per group.</summary>
public sealed record MonthlySeries(DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<MonthlySeries.MonthRow> Months)
{
    public const int MaxMonths = 120;

    /// <param name="Month">The month, yyyy-MM.</param>
    public sealed record MonthRow(
        string Month,
        MonthFigures Total,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyDictionary<string, MonthFigures>? Groups);

    public static MonthlySeries Of(IReadOnlyList<MonthPoint> points, DateOnly asOf, bool withGroups) => new(
        points[0].Month, points[^1].Month.AddMonths(1).AddDays(-1), asOf,
        points.Select(p => new MonthRow(p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), p.Total,
            withGroups ? p.Groups.OrderBy(g => g.Key == IndicatorReport.Unassigned).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Value) : null)).ToList());
}
