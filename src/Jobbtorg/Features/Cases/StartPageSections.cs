using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

public sealed record CaseTask(Case Case, CaseNeeds Needs);

/// <summary>Start page, for those who keep a caseload: their own open cases with what each needs, most urgent first.</summary>
public sealed class MyCasesViewComponent(CaseAccess access, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.KeepCaseload)) return Content("");
        var today = clock.Today();
        // Read only to be shown: not tracked, which spares the context a snapshot of every row.
        var mine = await access.VisibleCases().AsNoTracking().Include(c => c.Participant).Include(c => c.Plans)
            .Where(c => c.CoachId == user.Id && c.Status != CaseStatus.Closed).AsSplitQuery().ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Cases/_MyCases.cshtml", CaseNeeds.MostUrgentFirst(mine.Select(c => new CaseTask(c, c.NeedsOn(today))), t => t.Needs));
    }
}

/// <summary>Start page, for those who work cases: referrals within reach waiting for enrolment, the oldest first.</summary>
public sealed class AwaitingEnrolmentViewComponent(CaseAccess access, CurrentUser user) : ViewComponent
{
    public const int Shown = 100;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.WorkCase)) return Content("");
        var waiting = await access.VisibleCases().AsNoTracking().Include(c => c.Participant).Include(c => c.District).Include(c => c.JobCentre).Include(c => c.Coach)
            .Where(c => c.Status == CaseStatus.Referred).OrderBy(c => c.ReferralDate).Take(Shown).ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Cases/_AwaitingEnrolment.cshtml", waiting);
    }
}

public sealed record OverduePlansView(List<CaseTask> Overdue, List<CoachLoad> CoachLoads);

/// <summary>Start page, for those who hand cases over (managers): first plans past the job-guarantee deadline, and the
/// caseload of each coach of their centre.</summary>
public sealed class OverduePlansViewComponent(CaseAccess access, CurrentUser user, TimeProvider clock, Caseloads caseloads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.HandOverCases)) return Content("");
        var ct = HttpContext.RequestAborted;
        var today = clock.Today();
        var open = await access.VisibleCases().AsNoTracking().Include(c => c.Participant).Include(c => c.Coach).Include(c => c.Plans)
            .Where(c => c.Status == CaseStatus.Enrolled || c.Status == CaseStatus.Paused)
            .Where(c => c.FirstPlanAgreedOn == null).AsSplitQuery().ToListAsync(ct);
        var overdue = open.Select(c => new CaseTask(c, c.NeedsOn(today))).Where(t => t.Needs.Has(Need.PlanOverdue)).OrderBy(t => t.Needs.DueDate).ToList();
        var loads = user.JobCentreId is { } centre ? await caseloads.AtCentreAsync(centre, ct) : [];
        return View("/Features/Cases/_OverduePlans.cshtml", new OverduePlansView(overdue, loads));
    }
}
