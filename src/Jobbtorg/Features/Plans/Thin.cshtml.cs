using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Plans;

/// <summary>The cases worked on a thin plan, for those who hand cases over (managers), within their reach.</summary>
[RequirePermission(Permission.HandOverCases)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class ThinModel(ThinPlans thin) : PageModel
{
    public List<ThinPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync() => Plans = await thin.ListAsync(HttpContext.RequestAborted);
}
