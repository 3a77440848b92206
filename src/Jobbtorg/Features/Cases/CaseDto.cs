using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>A case as system clients see it. It carries no personal number and no journal. The info meeting is
/// given for one case (a referral's answer, GET /api/cases/{id}), not in lists. The latest assessment's result is given to
/// callers who may read assessments (<see cref="Access.Permission.ReadAssessment"/>), and is null for anyone else.</summary>
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
    CaseBookingDto? InfoMeeting = null,
    CaseAssessmentDto? Assessment = null)
{
    public static CaseDto From(Case c, TimeProvider clock) => new(
        c.Id, c.CaseRef, c.Status, c.District.Code, c.DistrictReferralId, c.TargetGroup, c.ReferralDate, c.ConsentGiven,
        c.EnrolmentDate, c.ReportingGroup, c.CoachName, c.JobGuaranteeDeadline, c.JobGuarantee(clock.Today()),
        c.FirstPlanAgreedOn, c.PlanReviewDue, c.ClosureDate, c.ClosureReason, c.ClosureSubReason);
}

/// <summary>The result of the case's latest signed assessment (of either instrument): what both the district and the job
/// centre judge the person from. The answers are not part of it.</summary>
public sealed record CaseAssessmentDto(Instrument Instrument, DateOnly AssessedOn, Availability Availability, NeedCategory NeedCategory)
{
    /// <summary>The latest signed assessment of each case that has one: the latest day, and the latest signature that day.</summary>
    public static async Task<Dictionary<int, CaseAssessmentDto>> LatestAsync(Data.JobbtorgDb db, IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return [];
        var signed = await db.Assessments.AsNoTracking()
            .Where(a => caseIds.Contains(a.CaseId) && a.Status == AssessmentStatus.Signed && a.AssessedOn != null
                        && a.Availability != null && a.NeedCategory != null)
            .Select(a => new { a.CaseId, a.Id, a.Instrument, a.AssessedOn, a.SignedAt, a.Availability, a.NeedCategory })
            .ToListAsync(ct);
        return signed.GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g =>
        {
            var latest = g.OrderBy(a => a.AssessedOn).ThenBy(a => a.SignedAt).ThenBy(a => a.Id).Last();
            return new CaseAssessmentDto(latest.Instrument, latest.AssessedOn!.Value, latest.Availability!.Value, latest.NeedCategory!.Value);
        });
    }
}
