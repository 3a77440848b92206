using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Reports;

/// <summary>The month's figures the series shows, for the total or one group: those of the report for the month
/// alone, <see cref="ClosedToWork"/> being its closures for the reason <c>Work</c>.</summary>
public sealed record MonthFigures(int Enrolled, int NewlyEnrolled, int Closed, double? ClosureRate, int ClosedToWork)
{
    public static readonly MonthFigures None = new(0, 0, 0, null, 0);

    public static MonthFigures Of(IndicatorSet set) =>
        new(set.Enrolled, set.NewlyEnrolled, set.Closed, set.ClosureRate, set.ClosureReasons.GetValueOrDefault(nameof(ClosureReason.Work)));
}
