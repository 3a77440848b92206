using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A case's info meeting: <c>Booked</c> (or its outcome) with the meeting, <c>Waiting</c> with the time it
/// joined the waiting list, or <c>None</c>. A <c>Cancelled</c> booking names why in <c>cancellationReason</c>
/// (<see cref="InfoMeetings.CancellationReason"/>; null otherwise, and for bookings cancelled before reasons were kept).</summary>
public sealed record CaseBookingDto(int CaseId, string Status, int? BookingId, InfoMeetingDto? Meeting, bool ChosenByHand, DateTimeOffset? WaitingSince,
    CancellationReason? CancellationReason)
{
    public static CaseBookingDto From(int caseId, BookingState state) => state switch
    {
        { Wait: { } w } => new(caseId, "Waiting", null, null, false, w.Since.ToStockholm(), null),
        { Booking: { } b } => new(caseId, b.Status.ToString(), b.Id, InfoMeetingDto.From(b.Meeting), b.ChosenByHand, null, b.CancellationReason),
        _ => new(caseId, "None", null, null, false, null, null),
    };
}
