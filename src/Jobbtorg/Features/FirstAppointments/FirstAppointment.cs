using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.FirstAppointments;

public enum FirstAppointmentStatus { Booked, Attended, NoShow, Cancelled }

/// <summary>The centre's working hours for one-to-one appointments (`Jobbtorg:FirstAppointments`): an appointment starts and
/// ends within them, on a working day.</summary>
public sealed class FirstAppointmentOptions
{
    public TimeOnly Opens { get; set; } = new(8, 0);
    public TimeOnly Closes { get; set; } = new(17, 0);
    /// <summary>How long the first appointment lasts.</summary>
    [System.ComponentModel.DataAnnotations.Range(15, 240)] public int Minutes { get; set; } = 60;
}

/// <summary>
/// The first one-to-one appointment (första samtal) between the participant and a coach after the info meeting. A case has
/// at most one booked at a time: it is moved or cancelled (with a reason), and afterwards the coach records whether the
/// person came.
/// </summary>
public class FirstAppointment
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    /// <summary>UTC instant; shown in Stockholm time.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public required string CoachId { get; set; }
    public AppUser Coach { get; set; } = null!;
    public FirstAppointmentStatus Status { get; private set; }
    public required string BookedBy { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    /// <summary>How many times the appointment was moved; the letter and calendar file follow the latest time.</summary>
    public int Moves { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledBy { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }
    public string? OutcomeBy { get; private set; }

    public bool IsBooked => Status == FirstAppointmentStatus.Booked;
    public DateTimeOffset LocalStart => StartsAt.ToStockholm();

    /// <summary>The fields the rules name, as the page's form and the API's request call them.</summary>
    public const string DateField = "Date", TimeField = "Time", CoachField = "CoachId", ReasonField = "Reason";

    /// <summary>Books the case's first appointment with <paramref name="coach"/>, one of <paramref name="centreCoaches"/>.</summary>
    public static FirstAppointment Book(Case c, IEnumerable<FirstAppointment> caseAppointments, DateTimeOffset startsAt, AppUser coach,
        IReadOnlyCollection<string> centreCoaches, FirstAppointmentOptions hours, string bookedBy, DateTimeOffset now)
    {
        EnsureBookable(c, caseAppointments);
        if (Rules(startsAt, coach.Id, centreCoaches, hours, now).FirstOrDefault() is { } broken) throw broken.ToException();
        c.RecordChange();
        return new FirstAppointment
        {
            Case = c,
            CaseId = c.Id,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = startsAt.AddMinutes(hours.Minutes).ToUniversalTime(),
            CoachId = coach.Id,
            Coach = coach,
            Status = FirstAppointmentStatus.Booked,
            BookedBy = bookedBy,
            BookedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>An open case without a booked appointment, whose person has not had the first appointment yet.</summary>
    public static void EnsureBookable(Case c, IEnumerable<FirstAppointment> caseAppointments)
    {
        if (!c.IsOpen) throw new RuleBrokenException("The case is closed and can no longer get a first appointment.");
        var list = caseAppointments.ToList();
        if (list.Any(a => a.IsBooked)) throw new RuleBrokenException("The case already has a booked first appointment: move or cancel it.");
        if (list.Any(a => a.Status == FirstAppointmentStatus.Attended)) throw new RuleBrokenException("The person has already had the first appointment.");
    }

    public void EnsureMovable()
    {
        if (!Case.IsOpen) throw new RuleBrokenException("The case is closed and can no longer get a first appointment.");
        if (!IsBooked) throw new RuleBrokenException("Only a booked appointment can be moved or cancelled.");
    }

    /// <summary>The rules a time and a coach keep, each on its field, all at once so that a form can name every one:
    /// not in the past, on a working day, within the working hours, and a coach of the case's centre.</summary>
    public static List<BrokenRule> Rules(DateTimeOffset? startsAt, string? coachId, IReadOnlyCollection<string> centreCoaches,
        FirstAppointmentOptions hours, DateTimeOffset now)
    {
        var broken = new List<BrokenRule>();
        if (startsAt is { } start)
        {
            var local = start.ToStockholm();
            var day = DateOnly.FromDateTime(local.DateTime);
            var time = TimeOnly.FromDateTime(local.DateTime);
            var latest = Dates.LatestPlanned(DateOnly.FromDateTime(now.ToStockholm().DateTime));
            if (start <= now) broken.Add(BrokenRule.OnField(day < DateOnly.FromDateTime(now.ToStockholm().DateTime) ? DateField : TimeField, "The appointment cannot be in the past."));
            else if (day > latest)
                broken.Add(BrokenRule.OnField(DateField, "An appointment is booked at most {0} years ahead, up to {1}.", Dates.MaxYearsAhead, latest));
            else if (!WorkingDays.IsWorkingDay(day))
                broken.Add(BrokenRule.OnField(DateField, "{0} is not a working day (a weekend or a public holiday).", day));
            else if (time < hours.Opens || time.AddMinutes(hours.Minutes) > hours.Closes || time.AddMinutes(hours.Minutes) < time)
                broken.Add(BrokenRule.OnField(TimeField, "The appointment must lie within the working hours, {0}–{1}, and lasts {2} minutes.",
                    hours.Opens.ToString("HH:mm"), hours.Closes.ToString("HH:mm"), hours.Minutes));
        }
        if (coachId is not null && !centreCoaches.Contains(coachId))
            broken.Add(BrokenRule.OnField(CoachField, "Choose a coach at the case's job centre."));
        return broken;
    }

    /// <summary>A new time or coach for the booked appointment; the old time is given back to the caller for the district.</summary>
    public DateTimeOffset Move(DateTimeOffset startsAt, AppUser coach, IReadOnlyCollection<string> centreCoaches, FirstAppointmentOptions hours,
        DateTimeOffset now)
    {
        EnsureMovable();
        if (Rules(startsAt, coach.Id, centreCoaches, hours, now).FirstOrDefault() is { } broken) throw broken.ToException();
        var previous = StartsAt;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = startsAt.AddMinutes(hours.Minutes).ToUniversalTime();
        CoachId = coach.Id;
        Coach = coach;
        Moves++;
        Case.RecordChange();
        return previous;
    }

    public void Cancel(string? reason, string cancelledBy, DateTimeOffset now)
    {
        if (!IsBooked) throw new RuleBrokenException("Only a booked appointment can be moved or cancelled.");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleBrokenException("Give the reason for the cancellation.");
        if (reason.Trim().Length > MaxReasonLength) throw new RuleBrokenException("The reason may be at most {0} characters.", MaxReasonLength);
        Status = FirstAppointmentStatus.Cancelled;
        CancelReason = reason.Trim();
        CancelledAt = now.ToUniversalTime();
        CancelledBy = cancelledBy;
        Case.RecordChange();
    }

    /// <summary>Whether the person came, recorded once the appointment has begun.</summary>
    public void RecordOutcome(bool attended, string recordedBy, DateTimeOffset now)
    {
        if (!IsBooked) throw new RuleBrokenException("The outcome is recorded once, for a booked appointment.");
        if (StartsAt > now) throw new RuleBrokenException("The outcome can be recorded when the appointment has begun.");
        Status = attended ? FirstAppointmentStatus.Attended : FirstAppointmentStatus.NoShow;
        OutcomeAt = now.ToUniversalTime();
        OutcomeBy = recordedBy;
        Case.RecordChange();
    }
}
