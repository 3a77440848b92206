using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>A case as system clients see it. It carries no personal number and no journal. The info meeting is
/// given for one case (a referral's answer, GET /api/cases/{id}), not in lists.</summary>
public sealed record CaseDto(
    int Id,
    string CaseRef,
    CaseStatus Status,
    string District,
    string? DistrictReferralId,
    TargetGroup TargetGroup,
    DateOnly ReferralDate,
    bool ConsentGiven,
    DateOnly? EnrolmentDate,
    ReportingGroup? ReportingGroup,
    string? Coach,
    DateOnly? JobGuaranteeDeadline,
    JobGuaranteeState JobGuarantee,
    DateOnly? FirstPlanAgreedOn,
    DateOnly? PlanReviewDue,
    DateOnly? ClosureDate,
    ClosureReason? ClosureReason,
    ClosureSubReason? ClosureSubReason,
    CaseBookingDto? InfoMeeting = null)
{
    public static CaseDto From(Case c, TimeProvider clock) => new(
        c.Id, c.CaseRef, c.Status, c.District.Code, c.DistrictReferralId, c.TargetGroup, c.ReferralDate, c.ConsentGiven,
        c.EnrolmentDate, c.ReportingGroup, c.CoachName, c.JobGuaranteeDeadline, c.JobGuarantee(clock.Today()),
        c.FirstPlanAgreedOn, c.PlanReviewDue, c.ClosureDate, c.ClosureReason, c.ClosureSubReason);
}
