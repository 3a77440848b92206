namespace Jobbtorg.Features.Reports;

/// <summary>How a report breaks the total down. The API takes the camelCase name (<c>groupBy=jobCentre</c>).
/// <see cref="TargetGroup"/> is the referral's; <see cref="Benefit"/> whether the referral says the person receives benefit.</summary>
public enum GroupBy { ReportingGroup, JobCentre, District, Gender, TargetGroup, Benefit }
