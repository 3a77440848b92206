using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Gives up a case's place when it no longer needs one (enrolled or closed): a seat on a meeting that has not
/// started is freed, with the reason, and the case leaves the waiting list. The district is told that the booked time is
/// cancelled (the person may already hold the invitation letter). It runs inside the transaction of the change that
/// made the place needless, so the change, the cancelled booking and the message are stored together; the freed seat goes
/// to the waiting list after the commit.</summary>
public sealed class ReleaseCaseSeat(JobbtorgDb db, TimeProvider clock, CurrentUser user, ServeWaitingList waitingList, DistrictOutbox outbox)
{
    /// <summary>Within the caller's transaction, after the change to the case: returns the meeting whose seat was freed,
    /// for <see cref="ServeAsync"/>. The reason is read from the case: closed, or else enrolled before the meeting.</summary>
    public async Task<InfoMeeting?> WithinAsync(int caseId, CancellationToken ct = default)
    {
        await db.InfoMeetingWaits.Where(w => w.CaseId == caseId).ExecuteDeleteAsync(ct);
        var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).ThenInclude(m => m.JobCentre)
            .Include(b => b.Case).ThenInclude(c => c.District)
            .FirstOrDefaultAsync(b => b.ActiveCaseId == caseId, ct);
        var now = clock.GetUtcNow();
        if (booking is null || booking.Meeting.HasStarted(now)) return null;
        var reason = booking.Case.IsOpen ? CancellationReason.EnrolledBeforeMeeting : CancellationReason.CaseClosed;
        booking.Cancel(Signature.Of(user), now, reason);
        await db.GiveBackAsync(booking, booking.Case.DistrictId, ct);
        outbox.InfoMeetingCancelled(booking.Case, booking.Meeting, reason);
        return booking.Meeting;
    }

    /// <summary>The standing booking that enrolling or closing the case now would cancel: on a meeting that has not started.
    /// What the enrolment page warns about before the coach confirms.</summary>
    public static async Task<InfoMeetingBooking?> WouldReleaseAsync(JobbtorgDb db, int caseId, DateTimeOffset now, CancellationToken ct = default) =>
        await db.InfoMeetingBookings.AsNoTracking().Include(b => b.Meeting).ThenInclude(m => m.JobCentre)
            .Where(b => b.ActiveCaseId == caseId && b.Meeting.StartsAt > now).FirstOrDefaultAsync(ct);

    /// <summary>After the commit: the next person waiting for the freed meeting's centre and kind is booked.</summary>
    public async Task ServeAsync(InfoMeeting? freed, CancellationToken ct = default)
    {
        if (freed is not null) await waitingList.HandleAsync(freed.JobCentreId, freed.Kind, ct);
    }
}
