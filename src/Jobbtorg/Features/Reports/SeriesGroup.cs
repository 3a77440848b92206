namespace Jobbtorg.Features.Reports;

/// <summary>A line of the monthly series: the group's key (as in the report) and its name in the reader's language.</summary>
public sealed record SeriesGroup(string Key, string Label);
