namespace Jobbtorg.Features.Attendance;

public enum AttendanceStatus { Present, ExcusedAbsence, UnexcusedAbsence }
