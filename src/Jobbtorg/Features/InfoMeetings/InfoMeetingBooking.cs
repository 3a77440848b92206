using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

public enum BookingStatus { Booked, Attended, NoShow, Cancelled }

/// <summary>Why a booking was cancelled: shown beside "cancelled" wherever the booking is shown, since the person may
/// already hold the invitation letter.</summary>
public enum CancellationReason
{
    /// <summary>Staff cancelled the booking (the case is booked again).</summary>
    CancelledByStaff,
    /// <summary>Another meeting was chosen for the case.</summary>
    AnotherMeetingChosen,
    /// <summary>The meeting itself was cancelled (the case is booked again).</summary>
    MeetingCancelled,
    /// <summary>The case was enrolled before the meeting and no longer needs it.</summary>
    EnrolledBeforeMeeting,
    /// <summary>The case (or the referral) was closed before the meeting.</summary>
    CaseClosed,
}

/// <summary>A case's place on an info meeting and what became of it: booked, then once attended, no-show or cancelled.</summary>
public class InfoMeetingBooking
{
    private InfoMeetingBooking()
    {
    }

    public int Id { get; private set; }
    public int InfoMeetingId { get; private set; }
    public InfoMeeting Meeting { get; private set; } = null!;
    public int CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public BookingStatus Status { get; private set; }
    /// <summary>True when a case worker or coach chose the meeting; false when booked automatically.</summary>
    public bool ChosenByHand { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public string BookedBy { get; private set; } = "";
    public DateTimeOffset? OutcomeAt { get; private set; }
    public string? OutcomeBy { get; private set; }
    /// <summary>Why the booking was cancelled; null unless cancelled (and for bookings cancelled before reasons were kept).</summary>
    public CancellationReason? CancellationReason { get; private set; }
    /// <summary>Equals <see cref="CaseId"/> while the booking stands, null after; a unique index on it keeps a case
    /// from holding two bookings at once, whatever the concurrency.</summary>
    public int? ActiveCaseId { get; private set; }

    /// <summary>The booking holds its seat and awaits the meeting.</summary>
    public bool IsStanding => Status == BookingStatus.Booked;

    /// <summary>Made by <see cref="InfoMeeting.Book"/>, which checks the meeting's rules first. Only the meeting's id is
    /// set, not the meeting itself: the meeting is read without tracking and must not be stored again.</summary>
    internal static InfoMeetingBooking Create(InfoMeeting meeting, Case c, bool chosenByHand, string bookedBy, DateTimeOffset now) => new()
    {
        InfoMeetingId = meeting.Id, CaseId = c.Id, ActiveCaseId = c.Id, Status = BookingStatus.Booked,
        ChosenByHand = chosenByHand, BookedAt = now, BookedBy = bookedBy,
    };

    /// <summary>An automatic booking of the case whose meeting the statement that stores it chooses
    /// (<see cref="SeatCounters.BookFirstFreeAsync"/>): the first meeting that <see cref="BookingPolicy.Qualifying"/> lets
    /// the case use, which are the rules <see cref="InfoMeeting.Book"/> checks.</summary>
    internal static InfoMeetingBooking Automatic(Case c, string bookedBy, DateTimeOffset now) => new()
    {
        CaseId = c.Id, ActiveCaseId = c.Id, Status = BookingStatus.Booked, ChosenByHand = false, BookedAt = now, BookedBy = bookedBy,
    };

    /// <summary>The booking as stored by a statement of its own (<see cref="SeatCounters.BookSeatAsync"/>,
    /// <see cref="SeatCounters.BookFirstFreeAsync"/>) rather than by a save: with the id the database gave it and the
    /// meeting it was made for (read without tracking), for the answer.</summary>
    internal InfoMeetingBooking StoredAs(int id, InfoMeeting meeting)
    {
        Id = id;
        InfoMeetingId = meeting.Id;
        Meeting = meeting;
        return this;
    }

    /// <summary>The booking, read without tracking, with its meeting read beside it.</summary>
    internal InfoMeetingBooking WithMeeting(InfoMeeting meeting)
    {
        Meeting = meeting;
        return this;
    }

    /// <summary>An outcome is attended, no-show or cancelled; "booked" is where a booking starts, not an outcome.</summary>
    public static void EnsureOutcome(BookingStatus outcome)
    {
        if (outcome == BookingStatus.Booked) throw new RuleBrokenException("Choose attended, no-show or cancelled.");
    }

    public void EnsureStanding()
    {
        if (!IsStanding) throw new RuleBrokenException("The booking already has an outcome.");
    }

    /// <summary>The person came; the seat stays taken.</summary>
    public void Attend(string by, DateTimeOffset now) => End(BookingStatus.Attended, by, now);

    /// <summary>The person did not come; the seat stays taken and the no-show is kept.</summary>
    public void MarkNoShow(string by, DateTimeOffset now) => End(BookingStatus.NoShow, by, now);

    /// <summary>The booking is given up for <paramref name="reason"/>; its seat and quota place are given back by the use
    /// case's guarded updates.</summary>
    public void Cancel(string by, DateTimeOffset now, CancellationReason reason)
    {
        End(BookingStatus.Cancelled, by, now);
        CancellationReason = reason;
    }

    private void End(BookingStatus outcome, string by, DateTimeOffset now)
    {
        EnsureStanding();
        Status = outcome;
        ActiveCaseId = null;
        OutcomeAt = now;
        OutcomeBy = by;
    }
}
