namespace Jobbtorg.Features.Reports;

/// <summary>The units a number of the report counts: <see cref="Shown"/> those the caller may see, <see cref="NotShown"/>
/// how many others; together they are <see cref="Count"/>.</summary>
public sealed record CasesBehindNumber(int Count, IReadOnlyList<CountedCase> Shown, int NotShown);
