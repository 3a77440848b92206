namespace Jobbtorg.Features.Reports;

/// <summary>An indicator as the report page and the workbook show it: its name, one plain sentence on what it
/// counts, and its numbers.</summary>
public sealed record IndicatorRow(string Key, string Name, string Explanation, IReadOnlyList<Measure> Measures);
