using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Referrals;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Programmes;

/// <summary>
/// A programme takes a person in without a district's referral: the programme's staff register the person as a referral
/// is registered (the district of residence chosen, so the case is an ordinary case the district is told of), and the
/// case joins the programme at once, flagged as taken in by the programme. Who may: whoever holds both
/// <see cref="Permission.Refer"/> and <see cref="Permission.JoinProgramme"/> (the centre's managers, administrators).
/// </summary>
[RequirePermission(Permission.JoinProgramme)]
[AccessLog.ShowsPersonalData(ChangesOnly = true)]
public class IntakeModel(ProgrammeWork work, JobbtorgDb db, CurrentUser user, Texts texts) : PageModel
{
    [BindProperty] public ReferralRequest Input { get; set; } = new();
    public Programme Programme { get; private set; } = null!;
    public List<District> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        Input = new ReferralRequest { District = Districts.Count == 1 ? Districts[0].Code : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        try
        {
            switch (await work.IntakeAsync(Programme, Input, ReferralChannel.Form, HttpContext.RequestAborted))
            {
                case IntakeOutcome.Created created:
                    TempData["Message"] = texts.Format("The person is registered as case {0}, in {1}.", created.Case.CaseRef, Programme.Name);
                    return RedirectToPage("/Cases/Details", new { id = created.Case.Id });
                case IntakeOutcome.Existing { Errors.Count: 0 } existing:
                    TempData["Message"] = texts.Format("The person already has an open case; it joined {0}.", Programme.Name);
                    return RedirectToPage("/Cases/Details", new { id = existing.Case.Id });
                case IntakeOutcome.Existing existing:
                    TempData["Message"] = texts["The person already has an open case; no new case was created. This is the open case."];
                    return RedirectToPage("/Cases/Details", new { id = existing.Case.Id });
                case IntakeOutcome.Invalid invalid:
                    ModelState.AddErrors(invalid.Errors, texts, nameof(Input));
                    break;
                default:
                    ModelState.AddModelError("", texts[ReferralsApi.OpenElsewhereMessage]);
                    break;
            }
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.District), texts.Format(rule.Template, rule.Args));
        }
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int id)
    {
        if (await work.FindAsync(id, HttpContext.RequestAborted) is not { } programme) return NotFound();
        Programme = programme;
        if (!user.Holds(Permission.Refer)) return Forbid();
        var active = await db.Districts.Where(d => d.RetiredOn == null).OrderBy(d => d.Name).ToListAsync(HttpContext.RequestAborted);
        Districts = active.Where(d => AccessRules.AllowsReferralTo(user.Access, d.Id, d.ServingJobCentreId(isYouth: false))).ToList();
        return null;
    }
}
