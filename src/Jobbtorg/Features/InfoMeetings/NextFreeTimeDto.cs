using Jobbtorg.Features.Organisation;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record NextFreeTimeDto(string District, MeetingKind Kind, DateTimeOffset? StartsAt, int? MeetingId, string? JobCentre, int? FreeSeats,
    int? QuotaLeftThatWeek);
