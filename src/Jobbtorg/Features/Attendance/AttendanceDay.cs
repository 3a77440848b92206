using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Attendance;

/// <summary>
/// A participant's registered attendance on one day, for one activity that requires daily attendance.
/// Registrations imported from the case-event format carry no activity (and no recorder): such a row stands for the
/// whole day, whatever activities the plan held.
/// </summary>
public class AttendanceDay
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly Date { get; set; }
    public AttendanceStatus Status { get; set; }
    /// <summary>The activity the registration is for; null for an imported whole-day registration.</summary>
    public int? ActivityTypeId { get; set; }
    /// <summary>Set for an excused absence only.</summary>
    public AbsenceReason? Reason { get; set; }
    public string? RecordedById { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>Registers or corrects the day. A correction simply overwrites, keeping who changed it and when.</summary>
    public void Record(AttendanceStatus status, AbsenceReason? reason, string? recordedById, string recordedBy, DateTimeOffset now)
    {
        if (status == AttendanceStatus.ExcusedAbsence && reason is null)
            throw new RuleBrokenException("Choose the reason for the excused absence.");
        if (status != AttendanceStatus.ExcusedAbsence && reason is not null)
            throw new RuleBrokenException("A reason is given for an excused absence only.");
        Status = status;
        Reason = reason;
        RecordedById = recordedById;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }
}
