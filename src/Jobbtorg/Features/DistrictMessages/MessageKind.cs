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
    /// <summary>The case is enrolled: when, where, and the coach with how to reach them.</summary>
    Enrolled,
    /// <summary>The case's booked info-meeting time is cancelled (enrolled or closed before the meeting), with the reason.</summary>
    InfoMeetingCancelled,
    /// <summary>The case is paused (sickness, parental leave, other): the pause's first day and reason.</summary>
    Paused,
    /// <summary>The paused case is resumed: the resume date and the pause it ends.</summary>
    Resumed,
    /// <summary>The first one-to-one appointment with a coach is booked, moved, cancelled or missed: when, where, and the coach.</summary>
    FirstAppointment,
    /// <summary>An in-depth assessment found the person not available for work: a three-party meeting is proposed instead of a
    /// plan. The result only, never the answers.</summary>
    AssessedNotAvailable,
    /// <summary>A placement (internship, employment, subsidised employment, municipal job) starts: kind, employer, dates, hours.</summary>
    PlacementStarted,
    /// <summary>A placement ends: its kind, employer and last day.</summary>
    PlacementEnded,
}
