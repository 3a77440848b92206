using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Consent;

/// <summary>Records that the person gave or withdrew consent: the change that would follow from the current state is
/// offered first, with today's date.</summary>
[AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class RecordModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, ConsentChanges consent)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public ConsentRequest Input { get; set; } = new();
    public IReadOnlyList<ConsentRecord> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!Access.Can(Permission.RecordConsent, Case)) return Forbid();
        Input = new ConsentRequest { Given = !Case.ConsentGiven, Date = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!Access.Can(Permission.RecordConsent, Case)) return Forbid();
        if (ModelState.IsValid)
        {
            switch (await consent.RecordAsync(id, Input, ConsentSource.Staff, HttpContext.RequestAborted))
            {
                case ConsentOutcome.Recorded recorded:
                    TempData["Message"] = recorded.Case.ConsentGiven
                        ? Texts["The person's consent to information exchange is recorded."]
                        : Texts["The withdrawal of consent is recorded. Messages to the district carry no details from now on."];
                    return RedirectToPage("/Cases/Details", new { id });
                case ConsentOutcome.Invalid invalid:
                    ModelState.AddErrors(invalid.Errors, Texts, nameof(Input));
                    break;
                case ConsentOutcome.Forbidden:
                    return Forbid();
                default:
                    return NotFound();
            }
        }
        return Page();
    }

    private async Task<bool> PrepareAsync(int id)
    {
        if (!await LoadAsync(id)) return false;
        await Db.Entry(Case).Collection(c => c.Consents).LoadAsync(HttpContext.RequestAborted);
        History = Case.ConsentHistory.Reverse().ToList();
        return true;
    }
}
