namespace Jobbtorg.Features.Reports;

/// <summary>One number of an indicator, e.g. the job guarantee's "met" or its rate.</summary>
public sealed record Measure(string Key, string Label, MeasureKind Kind, Func<IndicatorSet, double?> Value);
