using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>Closes a case, or withdraws a referral before enrolment, which is the same closure (see
/// <see cref="Case.Close"/>). The district is told, the case's info-meeting seat is given up and its proposals under way
/// are withdrawn (their places freed for other candidates) in the same transaction.</summary>
public sealed class CloseCase(CaseChanges changes, DistrictOutbox outbox, CurrentUser user, TimeProvider clock, JobbtorgDb db)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, ClosureReason reason, ClosureSubReason? subReason, string? note,
        CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, async c =>
        {
            c.Close(date, reason, subReason, note, user.Name, clock.Today(), await LatestRecordedAsync(caseId, ct));
            outbox.Closure(c);
            await Matching.ProposalWork.WithdrawForClosedCaseAsync(db, caseId, user.Name, clock, ct);
        }, givesUpSeat: true, ct);

    /// <summary>The latest attendance day, placement start, info meeting or signed assessment of the case: the closure is on or after every
    /// event of the case (domain.md "Settled readings").</summary>
    private async Task<DateOnly?> LatestRecordedAsync(int caseId, CancellationToken ct)
    {
        var attendance = await db.AttendanceDays.Where(a => a.CaseId == caseId).MaxAsync(a => (DateOnly?)a.Date, ct);
        var placement = await db.Placements.Where(p => p.CaseId == caseId).MaxAsync(p => (DateOnly?)p.StartDate, ct);
        var meeting = await db.InfoMeetingOutcomes.Where(m => m.CaseId == caseId).MaxAsync(m => (DateOnly?)m.Date, ct);
        var assessment = await db.Assessments.Where(a => a.CaseId == caseId && a.Status == Assessments.AssessmentStatus.Signed)
            .MaxAsync(a => a.AssessedOn, ct);
        return new[] { attendance, placement, meeting, assessment }.Max();
    }
}
