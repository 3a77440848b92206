using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Reports;

public sealed record MonthPoint(DateOnly Month, MonthFigures Total, IReadOnlyDictionary<ReportingGroup, MonthFigures> Groups)
{
    public MonthFigures this[ReportingGroup group] => Groups.GetValueOrDefault(group, MonthFigures.None);
}
