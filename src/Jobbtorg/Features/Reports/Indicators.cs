using Jobbtorg.Data;

namespace Jobbtorg.Features.Reports;

/// <summary>Everything the indicators read, loaded once as of a date; many periods can then be computed from it.</summary>
public sealed class IndicatorData
{
    public DateOnly AsOf { get; init; }
}

/// <summary>Loads the indicator data from the database.</summary>
public sealed class Indicators(JobbtorgDb db)
{
    public Task<IndicatorData> LoadAsync(DateOnly asOf, CancellationToken ct) =>
        throw new NotImplementedException(db.GetType().Name);
}

/// <summary>The indicators of domain.md, computed for a period.</summary>
public static class IndicatorCalculator
{
    public static IndicatorReport Compute(IndicatorData data, DateOnly from, DateOnly to, GroupBy? groupBy) =>
        throw new NotImplementedException();
}
