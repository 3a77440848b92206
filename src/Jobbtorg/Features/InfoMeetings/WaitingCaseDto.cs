using Jobbtorg.Features.Organisation;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record WaitingCaseDto(int Position, int CaseId, string CaseRef, string District, string JobCentre, MeetingKind Kind,
    DateTimeOffset Since, DateOnly ReferralDate, bool HasChildren, bool NewlyUnemployed);
