namespace Jobbtorg.Features.Reports;

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
    JobGuaranteeOutcome InitialAssessment,
    int JobsMediated,
    double? MedianDaysReferralToInfoMeeting,
    double? MedianDaysReferralToEnrolment);
