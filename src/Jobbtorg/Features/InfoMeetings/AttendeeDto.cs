namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A case booked on a meeting. <c>cancellationReason</c> is set for a cancelled booking (listed only when asked
/// for with <c>includeCancelled=true</c>).</summary>
public sealed record AttendeeDto(int BookingId, int CaseId, string CaseRef, string District, BookingStatus Status, bool ChosenByHand,
    CancellationReason? CancellationReason);
