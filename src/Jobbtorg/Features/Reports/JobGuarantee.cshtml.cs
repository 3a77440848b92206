using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>A case behind the job-guarantee figures, as the report counted it, with what the list shows of it.</summary>
public sealed record GuaranteeCase(Case Case, CountedCase Counted, int? WorkingDays);

/// <summary>
/// The job guarantee answered directly: of those newly enrolled in a period, how many agreed a plan within five
/// working days. Managers and administrators also see the cases behind the figures "plan later or not at all" and
/// "deadline not yet passed": the same period, as-of date and district, judged by the same rule as the figures
/// (<see cref="IndicatorCases"/>), so a list's heading is the card's number; the cases at centres beyond the reader's
/// reach are counted, not shown. Analysts see the figures only.
/// </summary>
[RequirePermission(Permission.ReadReports)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class JobGuaranteeModel(ReportsDb db, Indicators indicators, IndicatorCases behind, CaseAccess access, CurrentUser user, Texts texts,
    TimeProvider clock)
    : ReportPageModel(db, texts, clock)
{
    public IndicatorReport? Report { get; private set; }
    public IReadOnlyList<ReportColumn> Columns { get; private set; } = [];
    public bool ShowsCases => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Administrator);
    /// <summary>The missed cases of the period: a plan agreed after the deadline, or none by the as-of date.</summary>
    public List<GuaranteeCase> Missed { get; private set; } = [];
    public int MissedNotShown { get; private set; }
    /// <summary>The pending cases of the period: the deadline lies ahead, or an open pause stops the clock.</summary>
    public List<GuaranteeCase> Pending { get; private set; } = [];
    public int PendingNotShown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!await ResolveScopeAsync(ct)) return Forbid();
        if (ResolvePeriod())
        {
            Report = await indicators.ReportAsync(Period!.From, Period.To, AsOfDate, GroupBy, Scope, ct);
            Columns = IndicatorRows.Columns(Report, GroupBy, Texts, await GroupNamesAsync(ct));
            if (ShowsCases)
            {
                (Missed, MissedNotShown) = await CasesBehindAsync("jobGuarantee.missed", ct);
                (Pending, PendingNotShown) = await CasesBehindAsync("jobGuarantee.pending", ct);
            }
        }
        return Page();
    }

    /// <summary>The cases behind one of the figures, those within the reader's reach with their names, the most days late
    /// (or the nearest deadline) first; and how many others the figure counts.</summary>
    private async Task<(List<GuaranteeCase> Shown, int NotShown)> CasesBehindAsync(string measure, CancellationToken ct)
    {
        var counted = await behind.BehindAsync(measure, Period!.From, Period.To, AsOfDate, null, null, Scope,
            access.VisibleCases(Permission.ReadReportCases), ct);
        var ids = counted.Shown.Select(c => c.CaseId).ToList();
        var cases = await access.VisibleCases(Permission.ReadReportCases).AsNoTracking().Include(c => c.Participant).Include(c => c.JobCentre).Include(c => c.Coach)
            .Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var shown = counted.Shown.Where(c => cases.ContainsKey(c.CaseId)).Select(c => new GuaranteeCase(cases[c.CaseId], c, c.Deadline is { } deadline
                ? WorkList.WorkingDaysLeft(deadline, c.FirstPlan ?? AsOfDate) : null))
            .OrderBy(g => g.WorkingDays ?? int.MaxValue).ThenBy(g => g.Case.Id).ToList();
        return (shown, counted.NotShown + counted.Shown.Count - shown.Count);
    }

    public static string CoachOf(Case c) => c.Coach?.DisplayName ?? c.CoachRef ?? "–";
}
