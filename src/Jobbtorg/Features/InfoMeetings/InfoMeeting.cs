using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>
/// A group info meeting at a job centre: every referred case is invited to one before enrolment. The rules that
/// protect a meeting and its bookings live here; the use cases load it, call the rules, and take or give back the
/// seat with a guarded update in the same transaction.
/// </summary>
public class InfoMeeting
{
    public const int MaxCapacity = 500;
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;
    public const int MaxRoomLength = 100;
    public const int MaxLanguageLength = 60;
    /// <summary>A weekly recurrence covers at most a year.</summary>
    public const int MaxWeeks = 52;

    private InfoMeeting()
    {
    }

    public int Id { get; private set; }
    public int JobCentreId { get; private set; }
    public JobCentre JobCentre { get; private set; } = null!;
    public MeetingKind Kind { get; private set; }
    /// <summary>UTC instant; shown and grouped into weeks in Stockholm time.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public string Room { get; private set; } = "";
    public int Capacity { get; private set; }
    /// <summary>The language the meeting is held in, e.g. "svenska" or "arabiska".</summary>
    public string Language { get; private set; } = "";
    /// <summary>Meetings made together as a weekly recurrence share a series.</summary>
    public Guid? SeriesId { get; private set; }
    /// <summary>Monday of the Stockholm week the meeting lies in: a district's quota is counted per such week.</summary>
    public DateOnly WeekStart { get; private set; }
    /// <summary>Seats held by bookings (booked, attended or no-show). Changed only by a guarded UPDATE, so two
    /// bookings can never both take the last seat.</summary>
    public int BookedSeats { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public bool IsCancelled => CancelledAt is not null;
    public int FreeSeats => IsCancelled ? 0 : Math.Max(0, Capacity - BookedSeats);
    public DateTimeOffset EndsAt => StartsAt < DateTimeOffset.MaxValue.AddMinutes(-Math.Abs(DurationMinutes)) ? StartsAt.AddMinutes(DurationMinutes) : DateTimeOffset.MaxValue;
    public DateTimeOffset LocalStart => StartsAt.ToStockholm();
    /// <summary>The meeting's date in Stockholm: attendance is recorded from this day.</summary>
    public DateOnly Day => DayOf(StartsAt);

    public bool HasStarted(DateTimeOffset now) => StartsAt <= now;

    /// <summary>Attended and no-show can be recorded from the meeting's day; a cancellation at any time.</summary>
    public bool AttendanceOpen(DateOnly today) => Day <= today;

    /// <summary>The ISO week number Swedes plan by ("vecka 12").</summary>
    public static int IsoWeekOf(DateOnly day) => System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// Schedules a meeting, or the same meeting on the same weekday and time for a number of weeks, at the job centre
    /// the caller found for <see cref="MeetingRequest.JobCentre"/>. Every field the request gets wrong is named; when
    /// one is, or when no centre was found, no meeting is made. The whole series lies within the time a meeting may be
    /// planned, from now to two years ahead, and every start exists in Swedish time.
    /// </summary>
    public static Scheduling Schedule(MeetingRequest request, int? jobCentreId, string createdBy, DateTimeOffset now)
    {
        var broken = new Dictionary<string, BrokenRule>();
        void Error(string field, string message, params object[] args) => broken[field] = BrokenRule.OnField(field, message, args);

        if (request.Kind is null) Error(nameof(request.Kind), "Choose adult or youth meeting.");
        if (request.Date is null) Error(nameof(request.Date), "Enter the date of the meeting.");
        if (request.Time is null) Error(nameof(request.Time), "Enter the time the meeting starts.");
        if (request.DurationMinutes is not (>= MinDurationMinutes and <= MaxDurationMinutes))
            Error(nameof(request.DurationMinutes), "The meeting lasts between {0} and {1} minutes.", MinDurationMinutes, MaxDurationMinutes);
        if (string.IsNullOrWhiteSpace(request.Room)) Error(nameof(request.Room), "Enter the room.");
        else if (request.Room.Length > MaxRoomLength) Error(nameof(request.Room), "The room may be at most {0} characters.", MaxRoomLength);
        if (request.Capacity is not (>= 1 and <= MaxCapacity)) Error(nameof(request.Capacity), "The number of seats is between {0} and {1}.", 1, MaxCapacity);
        if (string.IsNullOrWhiteSpace(request.Language)) Error(nameof(request.Language), "Enter the language of the meeting.");
        else if (request.Language.Length > MaxLanguageLength) Error(nameof(request.Language), "The language may be at most {0} characters.", MaxLanguageLength);
        if (request.Weeks is not (>= 1 and <= MaxWeeks)) Error(nameof(request.Weeks), "A weekly recurrence covers 1 to {0} weeks.", MaxWeeks);
        foreach (var (field, text) in new[] { (nameof(request.Room), request.Room), (nameof(request.Language), request.Language) })
            if (Input.TextProblem(text) is { } problem) Error(field, problem);

        var today = DayOf(now);
        var outOfTime = request is { Date: { } first, Weeks: >= 1 and <= MaxWeeks }
            ? Dates.PlannedProblem(first, today) ?? Dates.PlannedProblem(Dates.PlusDays(first, 7 * (request.Weeks.Value - 1)), today)
            : null;
        if (outOfTime is not null) Error(nameof(request.Date), outOfTime.Template, outOfTime.Args);

        var starts = new List<DateTimeOffset>();
        if (outOfTime is null && request is { Date: { } date, Time: { } time, Weeks: >= 1 and <= MaxWeeks })
        {
            for (var week = 0; week < request.Weeks; week++)
            {
                var day = date.AddDays(7 * week);
                if (Clock.FromStockholm(day, time) is { } start) starts.Add(start);
                else Error(nameof(request.Time), "{0} {1} does not exist in Swedish time (the clocks are put forward).", day, time);
            }
            if (starts.Count > 0 && starts[0] <= now) Error(nameof(request.Date), "The meeting must start in the future.");
        }
        if (broken.Count > 0 || jobCentreId is not { } centre) return new Scheduling([], [.. broken.Values]);

        var series = request.Weeks > 1 ? Guid.NewGuid() : (Guid?)null;
        return new Scheduling([.. starts.Select(start => new InfoMeeting
        {
            JobCentreId = centre, Kind = request.Kind!.Value, StartsAt = start, DurationMinutes = request.DurationMinutes!.Value,
            Room = request.Room!.Trim(), Capacity = request.Capacity!.Value, Language = request.Language!.Trim(), SeriesId = series,
            WeekStart = WorkingDays.MondayOf(DayOf(start)), CreatedBy = createdBy,
        })], []);
    }

    /// <summary>A case needs an info meeting while it is open and not yet enrolled.</summary>
    public static void EnsureCaseNeedsOne(Case c)
    {
        if (!c.IsOpen) throw new RuleBrokenException("The case is closed.");
        if (c.IsEnrolled) throw new RuleBrokenException("The case is already enrolled and needs no info meeting.");
    }

    /// <summary>Refuses to book the case here when the meeting is cancelled, has started, is at another centre than the
    /// case's, is full, or is of the other kind (youth meetings are for 16–24-year-olds). A meeting that looks free here
    /// can still be full in the database: the seat itself is taken by the guarded update that stores the booking.</summary>
    public void EnsureBookable(Case c, DateTimeOffset now)
    {
        EnsureCaseNeedsOne(c);
        if (IsCancelled) throw new RuleBrokenException("The meeting has been cancelled.");
        if (HasStarted(now)) throw new RuleBrokenException("The meeting has already started.");
        if (JobCentreId != c.JobCentreId) throw new RuleBrokenException("The meeting is at another job centre than the case's.");
        // Refused at once, without queueing on the district's quota row behind other bookings.
        if (FreeSeats == 0) throw new RuleBrokenException("The meeting is full.");
        var kind = BookingPolicy.KindFor(c);
        if (Kind != kind)
            throw new RuleBrokenException(kind == MeetingKind.Youth ? "The person is 16–24 and goes to a youth meeting." : "The person goes to an adult meeting.");
    }

    /// <summary>This meeting, read without tracking, with the seats counted by the statement that has just booked one
    /// (<see cref="SeatCounters.BookSeatAsync"/>), for the answer.</summary>
    internal InfoMeeting WithSeatsBooked(int bookedSeats)
    {
        BookedSeats = bookedSeats;
        return this;
    }

    /// <summary>This meeting, read without tracking by the statement that has just booked it, with its centre (the
    /// case's), for the answer.</summary>
    internal InfoMeeting AtCentre(JobCentre centre)
    {
        JobCentre = centre;
        return this;
    }

    /// <summary>A booking of the case on this meeting, chosen by a person or made automatically; see <see cref="EnsureBookable"/>.</summary>
    public InfoMeetingBooking Book(Case c, bool chosenByHand, string bookedBy, DateTimeOffset now)
    {
        EnsureBookable(c, now);
        return InfoMeetingBooking.Create(this, c, chosenByHand, bookedBy, now);
    }

    /// <summary>
    /// Records what became of one of the meeting's bookings. Attended and no-show are recorded from the meeting's day;
    /// a cancellation at any time. A booking gets one outcome. Returns what the case's record keeps of the meeting
    /// (attended or not, on the meeting's day), or null for a cancellation.
    /// </summary>
    public InfoMeetingOutcome? RecordOutcome(InfoMeetingBooking booking, BookingStatus outcome, string by, DateTimeOffset now)
    {
        InfoMeetingBooking.EnsureOutcome(outcome);
        EnsureOwn(booking);
        booking.EnsureStanding();
        if (outcome != BookingStatus.Cancelled && !AttendanceOpen(DayOf(now)))
            throw new RuleBrokenException("Attendance can be recorded from the day of the meeting, {0}.", Day);
        switch (outcome)
        {
            case BookingStatus.Cancelled:
                booking.Cancel(by, now, CancellationReason.CancelledByStaff);
                return null;
            case BookingStatus.Attended:
                booking.Attend(by, now);
                break;
            default:
                booking.MarkNoShow(by, now);
                break;
        }
        return new InfoMeetingOutcome { CaseId = booking.CaseId, Date = Day, Attended = outcome == BookingStatus.Attended };
    }

    /// <summary>Cancels a meeting that has not started, and with it the bookings that stand on it.</summary>
    public void Cancel(IEnumerable<InfoMeetingBooking> standing, string by, DateTimeOffset now)
    {
        if (IsCancelled) throw new RuleBrokenException("The meeting has been cancelled.");
        if (HasStarted(now)) throw new RuleBrokenException("The meeting has already started.");
        var bookings = standing.ToList();
        bookings.ForEach(EnsureOwn);
        CancelledAt = now;
        foreach (var booking in bookings) booking.Cancel(by, now, CancellationReason.MeetingCancelled);
    }

    private void EnsureOwn(InfoMeetingBooking booking)
    {
        if (booking.InfoMeetingId != Id) throw new InvalidOperationException($"Booking {booking.Id} is not on meeting {Id}.");
    }

    private static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToStockholm().DateTime);
}

/// <summary>What scheduling gave: the meetings to store, or the rules the request broke (and then no meeting).</summary>
public sealed record Scheduling(IReadOnlyList<InfoMeeting> Meetings, IReadOnlyList<BrokenRule> Broken);
