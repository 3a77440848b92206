namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Without a meeting, the case is booked automatically.</summary>
public sealed record BookRequest(int? MeetingId = null);
