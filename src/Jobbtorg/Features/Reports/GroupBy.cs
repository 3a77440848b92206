namespace Jobbtorg.Features.Reports;

/// <summary>How a report breaks the total down. The API takes the camelCase name (<c>groupBy=jobCentre</c>).</summary>
public enum GroupBy { ReportingGroup, JobCentre, District, Gender }
