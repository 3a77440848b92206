namespace Jobbtorg.Features.InfoMeetings;

/// <summary>The earliest meeting a district can book for a kind of meeting now.</summary>
public sealed record NextFreeTime(int MeetingId, DateTimeOffset StartsAt, string JobCentre, int FreeSeats, int? QuotaLeft);
