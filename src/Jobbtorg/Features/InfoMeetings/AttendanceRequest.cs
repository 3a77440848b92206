using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record AttendanceRequest([property: ApiRequired] BookingStatus? Outcome);
