namespace Jobbtorg.Features.Reports;

public sealed record RatioWithUnknown(int Numerator, int Denominator, int Unknown, double? Rate);
