namespace Jobbtorg.Features.Attendance;

public enum AttendanceStatus { Present, ExcusedAbsence, UnexcusedAbsence }

/// <summary>A participant's registered attendance on one day.</summary>
public class AttendanceDay
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly Date { get; set; }
    public AttendanceStatus Status { get; set; }
}
