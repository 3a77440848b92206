namespace Jobbtorg.Features.InfoMeetings;

public sealed record AttendeeDto(int BookingId, int CaseId, string CaseRef, string District, BookingStatus Status, bool ChosenByHand);
