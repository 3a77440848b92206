namespace Jobbtorg.Features.Reports;

public sealed record Ratio(int Numerator, int Denominator, double? Rate);
