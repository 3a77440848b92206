using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Where a case stands: booked on a meeting, or waiting for a place.</summary>
public sealed record BookingState(InfoMeetingBooking? Booking, InfoMeetingWait? Wait)
{
    public static readonly BookingState None = new(null, null);

    /// <summary>The case's latest booking, standing or with its outcome, with the meeting; and its place on the waiting list.</summary>
    public static async Task<BookingState> OfCaseAsync(JobbtorgDb db, int caseId, CancellationToken ct = default) => new(
        await db.InfoMeetingBookings.Include(b => b.Meeting).ThenInclude(m => m.JobCentre)
            .Where(b => b.CaseId == caseId).OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct),
        await db.InfoMeetingWaits.FirstOrDefaultAsync(w => w.CaseId == caseId, ct));
}
