using System.Text.Json.Serialization;

namespace Jobbtorg.Features.Reports;

/// <summary>How a report breaks the total down. The API takes the camelCase name (<c>groupBy=jobCentre</c>).</summary>
public enum GroupBy { ReportingGroup, JobCentre, District, Gender }

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
}

public sealed record IndicatorSet(
    int Enrolled,
    int NewlyEnrolled,
    int Closed,
    int ClosedBeforeEnrolment,
    double? ClosureRate,
    IReadOnlyDictionary<string, int> ClosureReasons,
    JobGuaranteeOutcome JobGuarantee,
    Ratio SelfSufficientWithin12Months,
    Ratio SelfSufficientWithin12MonthsAll,
    Ratio ClosedToWorkOrStudies,
    RatioWithUnknown StillSelfSupporting6Months,
    RatioWithUnknown WorkingOrStudying3MonthsAfterMunicipalJob,
    double? MedianDaysReferralToInfoMeeting,
    double? MedianDaysReferralToEnrolment);

public sealed record JobGuaranteeOutcome(int Met, int Missed, int Pending, int Excluded, double? Rate);

public sealed record Ratio(int Numerator, int Denominator, double? Rate);

public sealed record RatioWithUnknown(int Numerator, int Denominator, int Unknown, double? Rate);
