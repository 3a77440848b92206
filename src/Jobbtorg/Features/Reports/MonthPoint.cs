namespace Jobbtorg.Features.Reports;

/// <summary>One month of the series: the total and each group of the breakdown by its key (as in the report).</summary>
public sealed record MonthPoint(DateOnly Month, MonthFigures Total, IReadOnlyDictionary<string, MonthFigures> Groups)
{
    /// <summary>A group's figures; zeros for a group with nothing in the series.</summary>
    public MonthFigures this[string key] => Groups.GetValueOrDefault(key, MonthFigures.None);
}
