using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>A case whose first plan is not agreed yet, seen today.</summary>
public sealed record UnplannedCase(Case Case, DateOnly Deadline, int DaysOverdue);

/// <summary>
/// The job guarantee answered directly: of those newly enrolled in a period, how many agreed a plan within five
/// working days. Managers and administrators also see the open cases whose plan is overdue or still due now;
/// analysts see the figures only.
/// </summary>
[RequirePermission(Permission.ReadReports)]
public class JobGuaranteeModel(ReportsDb db, Indicators indicators, CaseAccess access, CurrentUser user, Texts texts, TimeProvider clock)
    : ReportPageModel(db, texts, clock)
{
    public IndicatorReport? Report { get; private set; }
    public IReadOnlyList<ReportColumn> Columns { get; private set; } = [];
    public bool ShowsCases => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Administrator);
    /// <summary>The centre whose cases are listed; null when the user sees every centre.</summary>
    public string? CentreName { get; private set; }
    public List<UnplannedCase> Overdue { get; private set; } = [];
    public List<UnplannedCase> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!await ResolveScopeAsync(ct)) return Forbid();
        if (ResolvePeriod())
        {
            Report = await indicators.ReportAsync(Period!.From, Period.To, AsOfDate, GroupBy, Scope, ct);
            Columns = IndicatorRows.Columns(Report, GroupBy, Texts, await GroupNamesAsync(ct));
        }
        if (ShowsCases) await LoadUnplannedCasesAsync(ct);
        return Page();
    }

    /// <summary>Open enrolled cases with no agreed plan: overdue when the deadline has passed, pending until then.
    /// The list is always as of today, whatever period the figures are for.</summary>
    private async Task LoadUnplannedCasesAsync(CancellationToken ct)
    {
        if (user.JobCentreId is { } centre && !user.IsInRole(Roles.Administrator))
            CentreName = await Db.JobCentres.Where(c => c.Id == centre).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var open = await (await access.VisibleCasesAsync(ct))
            .Include(c => c.Participant).Include(c => c.JobCentre).Include(c => c.Coach)
            .Where(c => c.Status == CaseStatus.Enrolled || c.Status == CaseStatus.Paused)
            .Where(c => c.FirstPlanAgreedOn == null)
            .Where(c => Scope.DistrictId == null || c.DistrictId == Scope.DistrictId)
            .ToListAsync(ct);
        foreach (var c in open)
        {
            var state = c.JobGuarantee(Today);
            if (c.JobGuaranteeDeadline is not { } deadline) continue; // paused: the clock stands still
            if (state == JobGuaranteeState.Missed) Overdue.Add(new(c, deadline, Today.DayNumber - deadline.DayNumber));
            else if (state == JobGuaranteeState.Pending) Pending.Add(new(c, deadline, 0));
        }
        Overdue = Overdue.OrderBy(u => u.Deadline).ThenBy(u => u.Case.Id).ToList();
        Pending = Pending.OrderBy(u => u.Deadline).ThenBy(u => u.Case.Id).ToList();
    }

    public static string CoachOf(Case c) => c.Coach?.DisplayName ?? c.CoachRef ?? "–";
}
