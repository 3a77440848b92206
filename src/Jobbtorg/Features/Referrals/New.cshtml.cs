using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Referrals;

[RequirePermission(Permission.Refer)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData(ChangesOnly = true)]
public class NewModel(RegisterReferral register, JobbtorgDb db, CurrentUser user, Texts texts) : PageModel
{
    [BindProperty] public ReferralRequest Input { get; set; } = new();
    public List<District> Districts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadDistrictsAsync();
        Input = new ReferralRequest { District = Districts.Count == 1 ? Districts[0].Code : null };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            switch (await register.HandleAsync(Input, ReferralChannel.Form, HttpContext.RequestAborted))
            {
                case ReferralOutcome.Created created:
                    TempData["Message"] = texts.Format("The referral is registered as case {0}.", created.Case.CaseRef);
                    // The case page then offers to make the initial assessment at once.
                    TempData[Assessments.CaseAssessmentsViewComponent.JustReferred] = created.Case.Id;
                    return RedirectToPage("/Cases/Details", new { id = created.Case.Id });
                case ReferralOutcome.Existing existing:
                    TempData["Message"] = texts["The person already has an open case; no new case was created. This is the open case."];
                    return RedirectToPage("/Cases/Details", new { id = existing.Case.Id });
                case ReferralOutcome.OpenElsewhere:
                    ModelState.AddModelError("", texts[ReferralsApi.OpenElsewhereMessage]);
                    break;
                case ReferralOutcome.Invalid invalid:
                    ModelState.AddErrors(invalid.Errors, texts, nameof(Input));
                    break;
            }
        }
        await LoadDistrictsAsync();
        return Page();
    }

    /// <summary>The districts whose adult referrals the user may make (a youth referral may still go elsewhere and is
    /// then refused with the reason).</summary>
    private async Task LoadDistrictsAsync()
    {
        var active = await db.Districts.Where(d => d.RetiredOn == null).OrderBy(d => d.Name).ToListAsync();
        Districts = active.Where(d => AccessRules.AllowsReferralTo(user.Access, d.Id, d.ServingJobCentreId(isYouth: false))).ToList();
    }
}
