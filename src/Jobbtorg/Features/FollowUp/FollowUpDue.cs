using Jobbtorg.Calendar;
using Jobbtorg.Features.Placements;

namespace Jobbtorg.Features.FollowUp;

/// <summary>The two questions the follow-up worklist asks about a person.</summary>
public enum FollowUpKind
{
    /// <summary>Did the person receive financial assistance in the month six months after the case closed?</summary>
    BenefitCheck,
    /// <summary>Does the person work, study or neither, three months after a municipal job ended?</summary>
    MunicipalJob,
}

public enum FollowUpUrgency { NotYet, Due, Overdue }

/// <summary>
/// When a follow-up question is due, from the same dates the indicators judge by (domain.md: still self-supporting 6
/// months after closure and working or studying 3 months after a municipal job), so that an answer recorded while
/// the question is on the list is the one the indicator counts.
/// </summary>
public static class FollowUpDue
{
    /// <summary>The days on either side of the follow-up day within which an occupation status answers it.</summary>
    public const int ObservationWindowDays = Reports.Indicators.ObservationWindowDays;

    /// <summary>The month the benefit check asks about: the calendar month of C + 6 months (C + 6 months clamped to the
    /// month's end, so 31 August gives February, also in a leap year).</summary>
    public static DateOnly BenefitCheckMonth(DateOnly closure) => Dates.FirstOfMonth(Dates.PlusMonths(closure, 6));

    public static DateOnly LastDayOf(DateOnly month) => Dates.FirstOfMonth(month).AddMonths(1).AddDays(-1);

    /// <summary>Due from the month's first day, the day the indicator first takes a status for it as known; overdue once
    /// the month is over.</summary>
    public static FollowUpUrgency BenefitCheck(DateOnly closure, DateOnly today)
    {
        var month = BenefitCheckMonth(closure);
        return today < month ? FollowUpUrgency.NotYet : today > LastDayOf(month) ? FollowUpUrgency.Overdue : FollowUpUrgency.Due;
    }

    /// <summary>The day the municipal-job question is judged on: the job's end + 3 months, clamped to the month's end
    /// (the placement's own rule).</summary>
    public static DateOnly MunicipalJobDay(DateOnly jobEnd) => Placement.FollowUpDay(jobEnd)!.Value;

    /// <summary>The dates an occupation status may carry to answer the question (inclusive).</summary>
    public static (DateOnly First, DateOnly Last) ObservationWindow(DateOnly followUpDay) =>
        (followUpDay.AddDays(-ObservationWindowDays), followUpDay.AddDays(ObservationWindowDays));

    /// <summary>Due from the follow-up day; overdue once its window has passed, when only a status dated back inside the
    /// window (from a register or a letter) still counts.</summary>
    public static FollowUpUrgency MunicipalJob(DateOnly jobEnd, DateOnly today)
    {
        var day = MunicipalJobDay(jobEnd);
        return today < day ? FollowUpUrgency.NotYet : today > ObservationWindow(day).Last ? FollowUpUrgency.Overdue : FollowUpUrgency.Due;
    }

    public static FollowUpUrgency UrgencyOf(FollowUpKind kind, DateOnly dueFrom, DateOnly today) => kind switch
    {
        FollowUpKind.BenefitCheck => today < dueFrom ? FollowUpUrgency.NotYet : today > LastDayOf(dueFrom) ? FollowUpUrgency.Overdue : FollowUpUrgency.Due,
        _ => today < dueFrom ? FollowUpUrgency.NotYet : today > ObservationWindow(dueFrom).Last ? FollowUpUrgency.Overdue : FollowUpUrgency.Due,
    };
}

/// <summary>
/// Which of two facts for the same person and month (or date) stands. A register is the authority: its value replaces
/// one from a call or a letter, and a call or a letter never replaces a register value. Between two facts of the same
/// standing, the later one is a correction and replaces the earlier.
/// </summary>
public static class FollowUpPrecedence
{
    public static bool Replaces(FollowUpSource incoming, FollowUpSource held) =>
        incoming == FollowUpSource.Register || held != FollowUpSource.Register;
}
