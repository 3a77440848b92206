namespace Jobbtorg.Features.Reports;

/// <summary>The API's answer for the cases behind a number: the list's length plus <see cref="NotShown"/> is always
/// <see cref="Count"/>, the figure of the report.</summary>
public sealed record IndicatorCasesAnswer(string Measure, int Count, IReadOnlyList<CountedCase> Cases, int NotShown);
