using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A case's info meeting: <c>Booked</c> (or its outcome) with the meeting, <c>Waiting</c> with the time it
/// joined the waiting list, or <c>None</c>.</summary>
public sealed record CaseBookingDto(int CaseId, string Status, int? BookingId, InfoMeetingDto? Meeting, bool ChosenByHand, DateTimeOffset? WaitingSince)
{
    public static CaseBookingDto From(int caseId, BookingState state) => state switch
    {
        { Wait: { } w } => new(caseId, "Waiting", null, null, false, w.Since.ToStockholm()),
        { Booking: { } b } => new(caseId, b.Status.ToString(), b.Id, InfoMeetingDto.From(b.Meeting), b.ChosenByHand, null),
        _ => new(caseId, "None", null, null, false, null),
    };
}
