using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FollowUp;

/// <summary>One question on the worklist: a case's benefit check, or one municipal job's occupation question.</summary>
public sealed record WorklistItem(FollowUpKind Kind, int CaseId, int? PlacementId, string CaseRef, string Name, string JobCentre,
    string? Coach, DateOnly DueFrom, FollowUpUrgency Urgency, DateOnly Since);

public sealed record WorklistPage(IReadOnlyList<WorklistItem> Items, int BenefitChecks, int MunicipalJobs)
{
    public int Total => BenefitChecks + MunicipalJobs;
}

/// <summary>
/// The follow-up questions that are due and have no answer yet, for the cases the caller may work the list for (the
/// job centre the case was at): the benefit check of a case closed with a self-sufficiency reason and benefit at
/// referral, from its follow-up month on, while the indicator has no benefit status for that month; and the
/// occupation question of a municipal job, from its end + 3 months on, while no status lies within the indicator's
/// window. What is listed is exactly what the indicators count as unknown.
/// </summary>
public sealed class FollowUpWorklist(JobbtorgDb db, CaseAccess access, ProtectedIdentity.PersonShown shown, TimeProvider clock)
{
    public const int MaxRows = 200;

    private IQueryable<Case> Cases(int? jobCentreId)
    {
        var cases = access.VisibleCases(Permission.WorkFollowUpList).Where(c => c.EnrolmentDate != null);
        return jobCentreId is { } centre ? cases.Where(c => c.JobCentreId == centre) : cases;
    }

    internal IQueryable<Case> BenefitChecks(int? jobCentreId, DateOnly today) =>
        Cases(jobCentreId).Where(c => c.ReceivesBenefit && c.ClosureDate != null && c.FollowUpMonth <= today
                                      && ClosureReasons.SelfSufficiency.Contains(c.ClosureReason) && c.FollowUpReceivesBenefit == null);

    internal IQueryable<Placement> MunicipalJobs(int? jobCentreId, DateOnly today)
    {
        var cases = Cases(jobCentreId);
        var window = FollowUpDue.ObservationWindowDays;
        return from job in db.Placements
               where job.Kind == PlacementKind.MunicipalJob && job.FollowUpOn <= today
               join c in cases on job.CaseId equals c.Id
               where !db.OccupationObservations.Any(o => o.ParticipantId == c.ParticipantId && o.Date <= today
                                                         && o.Date >= job.FollowUpOn!.Value.AddDays(-window)
                                                         && o.Date <= job.FollowUpOn!.Value.AddDays(window))
               select job;
    }

    /// <summary>How far the start page counts: beyond it, the page says "more than"; the worklist has the exact counts.</summary>
    public const int CountedOnStartPage = 100;

    /// <summary>How many questions are due or overdue, for the start page, up to one more than
    /// <see cref="CountedOnStartPage"/>. Counting all of them read every unanswered question of the centre on every start
    /// page (at a centre with a backlog, more than all the page's other sections together); the database stops at the limit.</summary>
    public Task<int> CountAsync(CancellationToken ct)
    {
        var today = clock.Today();
        return BenefitChecks(null, today).Select(c => c.Id).Concat(MunicipalJobs(null, today).Select(j => j.Id))
            .Take(CountedOnStartPage + 1).CountAsync(ct);
    }

    /// <summary>The oldest questions first, at most <see cref="MaxRows"/>, with the counts of all.</summary>
    public async Task<WorklistPage> ListAsync(FollowUpKind? kind, int? jobCentreId, CancellationToken ct)
    {
        var today = clock.Today();
        var items = new List<WorklistItem>();
        int benefitCount = 0, jobCount = 0;
        if (kind is null or FollowUpKind.BenefitCheck)
        {
            var checks = BenefitChecks(jobCentreId, today);
            benefitCount = await checks.CountAsync(ct);
            foreach (var c in await checks.AsNoTracking().Include(c => c.Participant).Include(c => c.JobCentre).Include(c => c.Coach)
                         .OrderBy(c => c.FollowUpMonth).ThenBy(c => c.Id).Take(MaxRows).ToListAsync(ct))
                items.Add(new WorklistItem(FollowUpKind.BenefitCheck, c.Id, null, c.CaseRef, shown.Name(c), c.JobCentre.Name, c.Coach?.DisplayName,
                    c.FollowUpMonth!.Value, FollowUpDue.UrgencyOf(FollowUpKind.BenefitCheck, c.FollowUpMonth.Value, today), c.ClosureDate!.Value));
        }
        if (kind is null or FollowUpKind.MunicipalJob)
        {
            var jobs = MunicipalJobs(jobCentreId, today);
            jobCount = await jobs.CountAsync(ct);
            var rows = await jobs.OrderBy(j => j.FollowUpOn).ThenBy(j => j.Id).Take(MaxRows)
                .Select(j => new { j.Id, j.CaseId, j.FollowUpOn, j.EndDate }).ToListAsync(ct);
            var ids = rows.Select(r => r.CaseId).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Include(c => c.Participant).Include(c => c.JobCentre).Include(c => c.Coach)
                .Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var r in rows)
            {
                var c = cases[r.CaseId];
                items.Add(new WorklistItem(FollowUpKind.MunicipalJob, c.Id, r.Id, c.CaseRef, shown.Name(c), c.JobCentre.Name, c.Coach?.DisplayName,
                    r.FollowUpOn!.Value, FollowUpDue.UrgencyOf(FollowUpKind.MunicipalJob, r.FollowUpOn.Value, today), r.EndDate!.Value));
            }
        }
        return new WorklistPage([.. items.OrderBy(i => i.DueFrom).ThenBy(i => i.Kind).ThenBy(i => i.CaseId).Take(MaxRows)], benefitCount, jobCount);
    }

    /// <summary>The job centres whose cases the caller may work the list for, to filter by.</summary>
    public Task<List<Organisation.JobCentre>> CentresAsync(CancellationToken ct)
    {
        var cases = access.VisibleCases(Permission.WorkFollowUpList);
        return db.JobCentres.AsNoTracking().Where(j => cases.Any(c => c.JobCentreId == j.Id)).OrderBy(j => j.Name).ToListAsync(ct);
    }
}
