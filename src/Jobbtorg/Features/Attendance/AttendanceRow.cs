namespace Jobbtorg.Features.Attendance;

/// <summary>One row of a registration form: a required day of one activity for one case.</summary>
public sealed class AttendanceRow
{
    public int CaseId { get; set; }
    public DateOnly Date { get; set; }
    public int ActivityTypeId { get; set; }
    /// <summary>Empty leaves the day as it is (not registered, or as registered before).</summary>
    public AttendanceStatus? Status { get; set; }
    public AbsenceReason? Reason { get; set; }
}
