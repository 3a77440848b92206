namespace Jobbtorg.Features.DistrictMessages;

public enum MessageKind
{
    PlanAgreed,
    InfoMeetingNoShow,
    UnexcusedAbsence,
    AttendanceNotRegistered,
    WeeklyAttendance,
    Closure,
    /// <summary>The case has a new coach (a coach who leaves hands their cases over).</summary>
    CoachChanged,
}
