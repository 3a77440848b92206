using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Plans;

/// <summary>Any plan version, read-only: old versions stay readable after a review.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class VersionModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock) : CasePageModel(db, access, texts, clock)
{
    public PlanVersion Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int number)
    {
        if (!await LoadAsync(id, withPlans: true)) return NotFound();
        if (!Access.CanReadPlan(Case)) return Forbid();
        var plan = Case.Plans.FirstOrDefault(p => p.Number == number);
        if (plan is null) return NotFound();
        Plan = plan;
        return Page();
    }
}
