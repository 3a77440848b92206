namespace Jobbtorg.Features.Reports;

public enum MeasureKind { Count, Rate, Days }
