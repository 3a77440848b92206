using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Placements;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>Loads the indicator data from the database: a handful of set-based, untracked projections, filtered to
/// what the as-of date lets count.</summary>
public sealed class Indicators(ReportsDb reports)
{
    private readonly JobbtorgDb db = reports.Db;

    public async Task<IndicatorData> LoadAsync(DateOnly asOf, CancellationToken ct)
    {
        var centres = await db.JobCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);

        var existing = db.Cases.Where(c => c.ReferralDate <= asOf);
        var caseRows = await existing.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.ParticipantId, c.ReferralDate, c.EnrolmentDate, c.FirstPlanAgreedOn, c.ClosureDate, c.ClosureReason,
                c.ReceivesBenefit, c.ReportingGroup, c.JobCentreId, c.DistrictId, c.Participant.Gender,
                Coach = c.Coach != null ? c.Coach.DisplayName : c.CoachRef,
            })
            .ToListAsync(ct);
        var cases = caseRows.Select(c => new CaseRow(c.Id, c.ParticipantId, c.ReferralDate, c.EnrolmentDate, c.FirstPlanAgreedOn,
            c.ClosureDate, c.ClosureReason, c.ReceivesBenefit, c.ReportingGroup, centres[c.JobCentreId], districts[c.DistrictId], c.Gender, c.Coach));

        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.PausedOn <= asOf)
            .Select(p => new PauseRow(p.CaseId, p.PausedOn, p.ResumedOn)).ToListAsync(ct);

        var firstAttended = await db.InfoMeetingOutcomes.AsNoTracking().Where(m => m.Attended && m.Date <= asOf)
            .GroupBy(m => m.CaseId).Select(g => new AttendedInfoMeetingRow(g.Key, g.Min(m => m.Date))).ToListAsync(ct);

        var municipalJobs = db.Placements.Where(p => p.Kind == PlacementKind.MunicipalJob && p.EndDate != null && p.StartDate <= asOf);
        var jobs = await municipalJobs.AsNoTracking().Select(p => new MunicipalJobRow(p.CaseId, p.StartDate, p.EndDate!.Value)).ToListAsync(ct);

        // Benefit months only of people with a case the six-month follow-up can look at; the months themselves are
        // narrowed further in memory.
        var followedUpPeople = existing
            .Where(c => c.ReceivesBenefit && c.EnrolmentDate <= asOf && c.ClosureDate <= asOf
                        && (c.ClosureReason == ClosureReason.Work || c.ClosureReason == ClosureReason.Studies
                            || c.ClosureReason == ClosureReason.EmploymentProgramme))
            .Select(c => c.ParticipantId);
        var benefitMonths = await db.BenefitMonths.AsNoTracking()
            .Where(b => b.Month <= asOf && followedUpPeople.Contains(b.ParticipantId))
            .Select(b => new BenefitMonthRow(b.ParticipantId, b.Month, b.ReceivesBenefit)).ToListAsync(ct);

        var municipalJobHolders = existing.Where(c => municipalJobs.Any(p => p.CaseId == c.Id)).Select(c => c.ParticipantId);
        var occupations = await db.OccupationObservations.AsNoTracking()
            .Where(o => o.Date <= asOf && municipalJobHolders.Contains(o.ParticipantId))
            .Select(o => new OccupationRow(o.ParticipantId, o.Date, o.Status)).ToListAsync(ct);

        return IndicatorData.Create(asOf, cases, pauses, firstAttended, jobs, benefitMonths, occupations);
    }
}
