using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

public sealed record CaseTask(Case Case, CaseNeeds Needs)
{
    /// <summary>Working days left to the due date (negative: late), on <paramref name="today"/>.</summary>
    public int? WorkingDaysLeft(DateOnly today) => Needs.DueDate is { } due ? WorkList.WorkingDaysLeft(due, today) : null;
}

/// <summary>Start page, for those who keep a caseload: their own open cases grouped by what to do next (write the plan,
/// review it, the paused, the rest), the most urgent first in each group.</summary>
public sealed class MyCasesViewComponent(MyOpenCases myCases, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.KeepCaseload)) return Content("");
        var today = clock.Today();
        var mine = await myCases.ReadAsync(HttpContext.RequestAborted);
        return View("/Features/Cases/_MyCases.cshtml", new MyCasesView(WorkList.Of(mine, today), mine.Count, today));
    }
}

/// <summary>The signed-in coach's open cases with their person, pauses, plans and signed assessments, read once a request:
/// several of the start page's sections (my cases, assessments due) list the same cases.</summary>
public sealed class MyOpenCases(CaseAccess access, CurrentUser user)
{
    private Task<List<Case>>? read;

    /// <summary>Read only to be shown: not tracked, which spares the context a snapshot of every row. One statement: a
    /// coach's cases have few pauses, plan versions and assessments each, and each statement more is a round trip.</summary>
    public Task<List<Case>> ReadAsync(CancellationToken ct) =>
        read ??= access.VisibleCases().AsNoTracking().Include(c => c.Participant).Include(c => c.Plans)
            .Include(c => c.Assessments.Where(a => a.Status == AssessmentStatus.Signed))
            .Where(c => c.CoachId == user.Id && c.Status != CaseStatus.Closed).AsSingleQuery().ToListAsync(ct);
}

public sealed record MyCasesView(IReadOnlyList<WorkGroupItems> Groups, int Count, DateOnly Today);

public sealed record AwaitingEnrolmentView(List<AwaitingCase> Cases, DateOnly Today);

/// <summary>Start page, for those who work cases: referrals within reach waiting for enrolment, with where each stands
/// with its info meeting and what to do next, the most urgent first.</summary>
public sealed class AwaitingEnrolmentViewComponent(CaseAccess access, CurrentUser user, JobbtorgDb db, TimeProvider clock) : ViewComponent
{
    public const int Shown = 100;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.WorkCase)) return Content("");
        var ct = HttpContext.RequestAborted;
        // Without the pauses every case is read with: a referral not yet enrolled has none.
        var waiting = access.VisibleCases().AsNoTracking().IgnoreAutoIncludes().Include(c => c.Participant).Include(c => c.District)
            .Where(c => c.Status == CaseStatus.Referred).OrderBy(c => c.ReferralDate).Take(Shown);
        var today = clock.Today();
        return View("/Features/Cases/_AwaitingEnrolment.cshtml",
            new AwaitingEnrolmentView(AwaitingCase.MostUrgentFirst(await AwaitingCase.ReadAsync(db, waiting, ct), today), today));
    }
}

public sealed record OverduePlansView(List<CaseTask> Overdue, List<CoachLoad> CoachLoads, DateOnly Today);

/// <summary>Start page, for those who hand cases over (managers), first on the page: first plans past the job-guarantee
/// deadline, the longest overdue first with its working days overdue, and the caseload of each coach of their centre.</summary>
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
        return View("/Features/Cases/_OverduePlans.cshtml", new OverduePlansView(overdue, loads, today));
    }
}
