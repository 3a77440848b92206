using Jobbtorg.Data;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>Where a referral waiting for enrolment stands with its info meeting.</summary>
public enum MeetingState { Attended, NoShow, NotBooked, WaitingList, Booked }

/// <summary>What to do next with a referral waiting for enrolment, most urgent first: enrol who came to the meeting,
/// record the attendance of a meeting that has been held, book again after a no-show, book who has no meeting, then wait
/// (for a place, for the meeting).</summary>
public enum EnrolmentStep { Enrol, RecordAttendance, BookAgain, Book, WaitForPlace, WaitForMeeting }

/// <summary>
/// A referral waiting for enrolment with its info meeting: attended (on <see cref="Date"/>), a standing booking (at
/// <see cref="MeetingAt"/>, perhaps after a no-show), a no-show with nothing booked since, a place on the waiting list,
/// or nothing booked at all.
/// </summary>
public sealed record AwaitingCase(Case Case, MeetingState Meeting, DateTimeOffset? MeetingAt, DateOnly? Date, bool AfterNoShow)
{
    public EnrolmentStep NextStep(DateOnly today) => Meeting switch
    {
        MeetingState.Attended => EnrolmentStep.Enrol,
        MeetingState.Booked when Date <= today => EnrolmentStep.RecordAttendance,
        MeetingState.Booked => EnrolmentStep.WaitForMeeting,
        MeetingState.NoShow => EnrolmentStep.BookAgain,
        MeetingState.WaitingList => EnrolmentStep.WaitForPlace,
        _ => EnrolmentStep.Book,
    };

    /// <summary>The next step's urgency first, then the longest wait since the referral.</summary>
    public static List<AwaitingCase> MostUrgentFirst(IEnumerable<AwaitingCase> cases, DateOnly today) =>
        cases.OrderBy(a => a.NextStep(today)).ThenBy(a => a.MeetingAt ?? DateTimeOffset.MaxValue)
            .ThenBy(a => a.Case.ReferralDate).ThenBy(a => a.Case.Id).ToList();

    /// <summary>The cases of <paramref name="waiting"/> with their info-meeting state, read from their bookings, the recorded
    /// outcomes (an imported case has outcomes without bookings) and the waiting list, in the same statement as the cases:
    /// a start page lists many sections, and each statement is a round trip.</summary>
    public static async Task<List<AwaitingCase>> ReadAsync(JobbtorgDb db, IQueryable<Case> waiting, CancellationToken ct)
    {
        var rows = await waiting.Select(c => new
        {
            Case = c,
            StandingAt = db.InfoMeetingBookings.Where(b => b.CaseId == c.Id && b.Status == BookingStatus.Booked)
                .OrderBy(b => b.Meeting.StartsAt).Select(b => (DateTimeOffset?)b.Meeting.StartsAt).FirstOrDefault(),
            LastNoShow = db.InfoMeetingOutcomes.Where(o => o.CaseId == c.Id && !o.Attended)
                .OrderByDescending(o => o.Date).Select(o => (DateOnly?)o.Date).FirstOrDefault(),
            Waiting = db.InfoMeetingWaits.Any(w => w.CaseId == c.Id),
        }).ToListAsync(ct);
        return rows.Select(r => Of(r.Case, r.StandingAt, r.LastNoShow, r.Waiting)).ToList();
    }

    /// <summary>Where a case stands: attended, booked (perhaps after a no-show), a no-show, waiting for a place, or none.</summary>
    private static AwaitingCase Of(Case c, DateTimeOffset? standingAt, DateOnly? lastNoShow, bool waiting)
    {
        var hadNoShow = lastNoShow is not null;
        if (c.FirstAttendedInfoMeeting is { } attended) return new AwaitingCase(c, MeetingState.Attended, null, attended, hadNoShow);
        if (standingAt is { } at)
            return new AwaitingCase(c, MeetingState.Booked, at, DateOnly.FromDateTime(at.ToStockholm().DateTime), hadNoShow);
        if (hadNoShow) return new AwaitingCase(c, MeetingState.NoShow, null, lastNoShow, true);
        return new AwaitingCase(c, waiting ? MeetingState.WaitingList : MeetingState.NotBooked, null, null, false);
    }
}
