namespace Jobbtorg.Features.Attendance;

/// <summary>Why an absence was excused (giltig frånvaro).</summary>
public enum AbsenceReason { Sick, CareOfSickChild, JobInterview, Other }
