using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Gives up a case's place when it no longer needs one (enrolled or closed): a seat on a meeting that has not
/// started is freed, and the case leaves the waiting list. It runs inside the transaction of the change that made the
/// place needless, so the two are stored together; the freed seat goes to the waiting list after the commit.</summary>
public sealed class ReleaseCaseSeat(JobbtorgDb db, TimeProvider clock, CurrentUser user, ServeWaitingList waitingList)
{
    /// <summary>Within the caller's transaction: returns the meeting whose seat was freed, for <see cref="ServeAsync"/>.</summary>
    public async Task<InfoMeeting?> WithinAsync(int caseId, CancellationToken ct = default)
    {
        await db.InfoMeetingWaits.Where(w => w.CaseId == caseId).ExecuteDeleteAsync(ct);
        var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).Include(b => b.Case)
            .FirstOrDefaultAsync(b => b.ActiveCaseId == caseId, ct);
        var now = clock.GetUtcNow();
        if (booking is null || booking.Meeting.HasStarted(now)) return null;
        booking.Cancel(Signature.Of(user), now);
        await db.GiveBackAsync(booking, booking.Case.DistrictId, ct);
        return booking.Meeting;
    }

    /// <summary>After the commit: the next person waiting for the freed meeting's centre and kind is booked.</summary>
    public async Task ServeAsync(InfoMeeting? freed, CancellationToken ct = default)
    {
        if (freed is not null) await waitingList.HandleAsync(freed.JobCentreId, freed.Kind, ct);
    }
}
