using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Records what happened at the meeting (see <see cref="InfoMeeting.RecordOutcome"/>). Attended opens the way
/// to enrolment; a no-show is kept, the district is told in the same transaction, and the case is booked again; a
/// cancellation gives the seat to the waiting list and books the case again.</summary>
public sealed class RecordMeetingOutcome(JobbtorgDb db, TimeProvider clock, CurrentUser user, DistrictOutbox outbox, BookInfoMeeting book,
    ServeWaitingList waitingList, ILogger<RecordMeetingOutcome> log)
{
    public async Task<BookingState> HandleAsync(int bookingId, BookingStatus outcome, CancellationToken ct = default)
    {
        InfoMeetingBooking.EnsureOutcome(outcome);
        var (caseId, meeting) = await db.InTransactionWithRetryAsync(async () =>
        {
            var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).ThenInclude(m => m.JobCentre).Include(b => b.Case).ThenInclude(c => c.District)
                .FirstOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new RuleBrokenException("There is no such booking.");
            var attendance = booking.Meeting.RecordOutcome(booking, outcome, Signature.Of(user), clock.GetUtcNow());
            if (attendance is null)
                await db.GiveBackAsync(booking, booking.Case.DistrictId, ct);
            else
            {
                db.InfoMeetingOutcomes.Add(attendance);
                if (attendance.Attended) booking.Case.AttendedInfoMeeting(attendance.Date);
                if (outcome == BookingStatus.NoShow) outbox.InfoMeetingNoShow(booking.Case, booking.Meeting);
            }
            await db.SaveChangesAsync(ct);
            return (booking.CaseId, booking.Meeting);
        }, ct);
        log.LogInformation("Info meeting {MeetingId}: booking {BookingId} recorded as {Outcome}", meeting.Id, bookingId, outcome);

        if (outcome == BookingStatus.Attended) return await BookingState.OfCaseAsync(db, caseId, ct);
        // The freed seat goes to those already waiting; the person who gave it up is booked on another meeting.
        if (outcome == BookingStatus.Cancelled) await waitingList.HandleAsync(meeting.JobCentreId, meeting.Kind, ct);
        return await book.AgainAsync(caseId, meeting.Id, ct);
    }
}
