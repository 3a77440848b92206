using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Matching;

/// <summary>A coach asks the centre's matchers for help with the case, saying what with.</summary>
[AccessLog.ShowsPersonalData(CaseRoute = "caseId")]
public class AskModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, HelpRequestWork help)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        return Access.Can(Permission.AskMatcherForHelp, Case) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!Access.Can(Permission.AskMatcherForHelp, Case)) return Forbid();
        FieldErrors? errors = null;
        if (await TryAsync(async () => errors = await help.AskAsync(Case, Note, HttpContext.RequestAborted), "") && errors!.Count == 0)
            return BackToCase(Texts["The matchers are asked for help."]);
        if (errors is not null) ModelState.AddErrors(errors, Texts);
        return Page();
    }
}
