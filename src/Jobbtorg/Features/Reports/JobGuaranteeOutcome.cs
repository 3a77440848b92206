namespace Jobbtorg.Features.Reports;

public sealed record JobGuaranteeOutcome(int Met, int Missed, int Pending, int Excluded, double? Rate);
