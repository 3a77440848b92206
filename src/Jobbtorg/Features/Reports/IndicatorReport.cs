using System.Text.Json.Serialization;

namespace Jobbtorg.Features.Reports;

/// <summary>The indicator report exactly as domain.md fixes its shape: report robots depend on it.</summary>
public sealed record IndicatorReport(
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    IndicatorSet Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, IndicatorSet>? Groups)
{
    /// <summary>The group key of a case with no value for the grouping, e.g. a referral never enrolled by job centre.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>The group keys of <c>groupBy=benefit</c>: whether the referral says the person receives benefit.</summary>
    public const string WithBenefit = "WithBenefit", WithoutBenefit = "WithoutBenefit";
}
