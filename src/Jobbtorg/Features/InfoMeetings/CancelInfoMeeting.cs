using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Cancels a meeting (see <see cref="InfoMeeting.Cancel"/>): its seats are given back and every case booked on
/// it is booked again, in <see cref="WaitingListOrder"/>.</summary>
public sealed class CancelInfoMeeting(JobbtorgDb db, TimeProvider clock, CurrentUser user, BookInfoMeeting book, ILogger<CancelInfoMeeting> log)
{
    public async Task HandleAsync(int meetingId, CancellationToken ct = default)
    {
        var caseIds = await db.InTransactionWithRetryAsync(async () =>
        {
            var meeting = await db.InfoMeetings.FirstOrDefaultAsync(x => x.Id == meetingId, ct) ?? throw new RuleBrokenException("There is no such info meeting.");
            var standing = await db.InfoMeetingBookings.Include(b => b.Case)
                .Where(b => b.InfoMeetingId == meetingId && b.Status == BookingStatus.Booked)
                .InServingOrder(WaitingListOrder.OfBooking).ToListAsync(ct);
            meeting.Cancel(standing, Signature.Of(user), clock.GetUtcNow());
            foreach (var booking in standing) await db.GiveBackAsync(booking, booking.Case.DistrictId, ct);
            await db.SaveChangesAsync(ct);
            return standing.Select(b => b.CaseId).ToList();
        }, ct);
        log.LogInformation("Info meeting {MeetingId} cancelled; {Count} cases to book again", meetingId, caseIds.Count);
        foreach (var caseId in caseIds) await book.AgainAsync(caseId, meetingId, ct);
    }
}
