namespace Jobbtorg.Features.Reports;

/// <summary>A column of the report: the total or one group of the breakdown.</summary>
public sealed record ReportColumn(string Key, string Label, IndicatorSet Set);
