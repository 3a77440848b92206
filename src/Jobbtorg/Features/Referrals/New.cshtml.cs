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

[Authorize(Policy = Policies.ReferralsWrite)]
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
                    TempData["Message"] = texts.Format("The referral is registered as case {0}.", created.Case.Id);
                    return RedirectToPage("/Cases/Details", new { id = created.Case.Id });
                case ReferralOutcome.Existing existing:
                    TempData["Message"] = texts["The person already has an open case; no new case was created. This is the open case."];
                    return RedirectToPage("/Cases/Details", new { id = existing.Case.Id });
                case ReferralOutcome.Invalid invalid:
                    foreach (var (field, messages) in invalid.Errors)
                        foreach (var message in messages) ModelState.AddModelError($"Input.{field}", message);
                    break;
            }
        }
        await LoadDistrictsAsync();
        return Page();
    }

    private async Task LoadDistrictsAsync()
    {
        var query = db.Districts.Where(d => d.RetiredOn == null);
        if (user.DistrictId is { } own && !user.IsInRole(Roles.Administrator) && !user.IsInRole(Roles.Manager))
            query = query.Where(d => d.Id == own);
        Districts = await query.OrderBy(d => d.Name).ToListAsync();
    }
}
