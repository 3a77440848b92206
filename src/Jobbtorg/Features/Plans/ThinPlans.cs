using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Plans;

/// <summary>A case worked on a thin plan (see <see cref="PlanIntensity"/>).</summary>
public sealed record ThinPlan(Case Case, PlanVersion Plan, PlanIntensity Intensity);

/// <summary>The enrolled cases within reach whose agreed plan is thin today, the thinnest first.</summary>
public sealed class ThinPlans(CaseAccess access, TimeProvider clock)
{
    public async Task<List<ThinPlan>> ListAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var enrolled = await access.VisibleCases().AsNoTracking().Include(c => c.Participant).Include(c => c.Coach)
            .Include(c => c.Plans.Where(p => p.Status == PlanStatus.Agreed)).ThenInclude(p => p.Activities).ThenInclude(a => a.ActivityType)
            .Where(c => c.Status == CaseStatus.Enrolled && c.FirstPlanAgreedOn != null).AsSplitQuery().ToListAsync(ct);
        return enrolled.Select(c => (Case: c, Intensity: PlanIntensity.OfCase(c, today)))
            .Where(x => x.Intensity is { IsThin: true })
            .Select(x => new ThinPlan(x.Case, x.Case.LatestAgreedPlan!, x.Intensity!))
            .OrderBy(t => t.Intensity.HoursPerWeek).ThenBy(t => t.Case.Participant.DisplayName, StringComparer.CurrentCulture).ToList();
    }
}

/// <summary>Start page, for those who hand cases over (managers): how many cases are worked on a thin plan, with the way
/// to the list.</summary>
public sealed class ThinPlansViewComponent(CurrentUser user, ThinPlans thin) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.HandOverCases)) return Content("");
        var count = (await thin.ListAsync(HttpContext.RequestAborted)).Count;
        return View("/Features/Plans/_ThinPlansCount.cshtml", count);
    }
}
