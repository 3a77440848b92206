namespace Jobbtorg.Features.Reports;

/// <summary>The month's figures the series shows, for the total or one group.</summary>
public sealed record MonthFigures(int Enrolled, int NewlyEnrolled, int Closed, double? ClosureRate)
{
    public static readonly MonthFigures None = new(0, 0, 0, null);

    public static MonthFigures Of(IndicatorSet set) => new(set.Enrolled, set.NewlyEnrolled, set.Closed, set.ClosureRate);
}
