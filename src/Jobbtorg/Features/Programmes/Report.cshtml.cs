using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Programmes;

/// <summary>The programme report of a year or tertial: participants, closed, closed to work or studies, the cost and the
/// cost per participant and per outcome. Counts only; a district's case worker counts the district's cases, without costs.</summary>
[RequirePermission(Permission.ReadReports)]
[AccessLog.NoPersonalData]
public class ReportModel(ProgrammeWork work, CurrentUser user, TimeProvider clock, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tertial { get; set; }

    public ProgrammeReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (AccessRules.ReportScopeFor(user.Access) is not { } scope) return Forbid();
        Year ??= clock.Today().Year;
        if (!ModelState.IsValid) return Page();
        var errors = ReportPeriod.Check(Year, Tertial, clock.Today());
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages) ModelState.AddModelError(field == "year" ? nameof(Year) : nameof(Tertial), texts.Format(message));
            return Page();
        }
        Report = await work.ReportAsync(new ReportPeriod(Year!.Value, Tertial), scope, HttpContext.RequestAborted);
        return Page();
    }
}
