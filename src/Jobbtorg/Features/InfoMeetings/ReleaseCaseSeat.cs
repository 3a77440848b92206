using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Gives up a case's place when it no longer needs one (enrolled or closed): a seat on a meeting that has not
/// started is freed for the next person on the waiting list, and the case leaves the waiting list.</summary>
public sealed class ReleaseCaseSeat(JobbtorgDb db, TimeProvider clock, CurrentUser user, ServeWaitingList waitingList)
{
    public async Task HandleAsync(int caseId, CancellationToken ct = default)
    {
        var freed = await db.InTransactionWithRetryAsync(async () =>
        {
            await db.InfoMeetingWaits.Where(w => w.CaseId == caseId).ExecuteDeleteAsync(ct);
            var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).Include(b => b.Case)
                .FirstOrDefaultAsync(b => b.ActiveCaseId == caseId, ct);
            var now = clock.GetUtcNow();
            if (booking is null || booking.Meeting.HasStarted(now)) return null;
            booking.Cancel(Signature.Of(user), now);
            await db.GiveBackAsync(booking, booking.Case.DistrictId, ct);
            return booking.Meeting;
        }, ct);
        if (freed is not null) await waitingList.HandleAsync(freed.JobCentreId, freed.Kind, ct);
    }
}
