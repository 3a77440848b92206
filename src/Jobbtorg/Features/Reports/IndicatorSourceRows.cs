using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;

namespace Jobbtorg.Features.Reports;

// Rows as stored, before the as-of date is applied.
internal sealed record CaseRow(int Id, int ParticipantId, DateOnly ReferralDate, DateOnly? EnrolmentDate, DateOnly? FirstPlanAgreedOn,
    DateOnly? ClosureDate, ClosureReason? ClosureReason, bool ReceivesBenefit, ReportingGroup? ReportingGroup,
    string JobCentre, string District, Gender Gender, string? Coach);
internal readonly record struct PauseRow(int CaseId, DateOnly PausedOn, DateOnly? ResumedOn);
internal readonly record struct AttendedInfoMeetingRow(int CaseId, DateOnly Date);
internal readonly record struct MunicipalJobRow(int CaseId, DateOnly Start, DateOnly End);
internal readonly record struct BenefitMonthRow(int ParticipantId, DateOnly Month, bool ReceivesBenefit);
internal readonly record struct OccupationRow(int ParticipantId, DateOnly Date, OccupationStatus Status);
