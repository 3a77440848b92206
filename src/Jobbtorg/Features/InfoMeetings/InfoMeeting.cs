using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A group info meeting at a job centre: every referred case is invited to one before enrolment.</summary>
public class InfoMeeting
{
    public const int MaxCapacity = 500;

    public int Id { get; set; }
    public int JobCentreId { get; set; }
    public JobCentre JobCentre { get; set; } = null!;
    public MeetingKind Kind { get; set; }
    /// <summary>UTC instant; shown and grouped into weeks in Stockholm time.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public required string Room { get; set; }
    public int Capacity { get; set; }
    /// <summary>The language the meeting is held in, e.g. "svenska" or "arabiska".</summary>
    public required string Language { get; set; }
    /// <summary>Meetings made together as a weekly recurrence share a series.</summary>
    public Guid? SeriesId { get; set; }
    /// <summary>Monday of the Stockholm week the meeting lies in: a district's quota is counted per such week.</summary>
    public DateOnly WeekStart { get; set; }
    /// <summary>Seats held by bookings (booked, attended or no-show). Changed only by a guarded UPDATE, so two
    /// bookings can never both take the last seat.</summary>
    public int BookedSeats { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public required string CreatedBy { get; set; }

    public bool IsCancelled => CancelledAt is not null;
    public int FreeSeats => IsCancelled ? 0 : Math.Max(0, Capacity - BookedSeats);
    public DateTimeOffset EndsAt => StartsAt < DateTimeOffset.MaxValue.AddMinutes(-Math.Abs(DurationMinutes)) ? StartsAt.AddMinutes(DurationMinutes) : DateTimeOffset.MaxValue;
    public DateTimeOffset LocalStart => StartsAt.ToStockholm();

    /// <summary>The ISO week number Swedes plan by ("vecka 12").</summary>
    public static int IsoWeekOf(DateOnly day) => System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue));
}

public enum BookingStatus { Booked, Attended, NoShow, Cancelled }

/// <summary>A case's place on an info meeting and what became of it.</summary>
public class InfoMeetingBooking
{
    public int Id { get; set; }
    public int InfoMeetingId { get; set; }
    public InfoMeeting Meeting { get; set; } = null!;
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public BookingStatus Status { get; set; }
    /// <summary>True when a case worker or coach chose the meeting; false when booked automatically.</summary>
    public bool ChosenByHand { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public required string BookedBy { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }
    public string? OutcomeBy { get; set; }
    /// <summary>Equals <see cref="CaseId"/> while the booking stands, null after; a unique index on it keeps a case
    /// from holding two bookings at once, whatever the concurrency.</summary>
    public int? ActiveCaseId { get; set; }
}

/// <summary>A case waiting for a place: no meeting of its kind had a free seat within the booking horizon in a
/// week where its district still had quota.</summary>
public class InfoMeetingWait
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public int JobCentreId { get; set; }
    public int DistrictId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateTimeOffset Since { get; set; }
}

/// <summary>Places a district has used of its weekly quota. Changed only by a guarded UPDATE.</summary>
public class QuotaUsage
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Used { get; set; }
}
