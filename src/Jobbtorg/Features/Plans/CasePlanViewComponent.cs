using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Plans;

/// <summary>The case page's plan section: the agreed version with its activities, the draft, and every version. For the
/// plan's readers, once a plan exists.</summary>
public sealed class CasePlanViewComponent(CaseAccess access) : ViewComponent
{
    public IViewComponentResult Invoke(Case @case) =>
        access.CanReadPlan(@case) && @case.Plans.Count > 0 ? View("/Features/Plans/_CasePlan.cshtml", @case) : Content("");
}
