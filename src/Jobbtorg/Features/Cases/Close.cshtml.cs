using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Cases;

[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class CloseModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, CloseCase close)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public DateOnly? ClosureDate { get; set; }
    [BindProperty] public ClosureReason? Reason { get; set; }
    [BindProperty] public ClosureSubReason? SubReason { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>A reason and sub-reason may come suggested (a job under way suggests work); unknown ones are ignored.</summary>
    public async Task<IActionResult> OnGetAsync(int id, ClosureReason? reason = null, ClosureSubReason? subReason = null)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!MayClose()) return Forbid();
        ClosureDate = Today;
        (Reason, SubReason) = (reason, subReason);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!MayClose()) return Forbid();
        if (ClosureDate is null) ModelState.AddModelError(nameof(ClosureDate), Texts["Enter the closure date."]);
        if (Reason is null) ModelState.AddModelError(nameof(Reason), Texts["Choose the closure reason."]);
        if (Note?.Length > 2000) ModelState.AddModelError(nameof(Note), Texts.Format("The note may be at most {0} characters.", 2000));
        if (ModelState.IsValid && await TryUseCaseAsync(ct => close.HandleAsync(Case.Id, ClosureDate!.Value, Reason!.Value, SubReason, Note, ct),
                nameof(SubReason)))
            return BackToCase(Texts["The case is closed."]);
        return Page();
    }

    private bool MayClose() => Access.CanWork(Case) || Access.CanWithdrawReferral(Case);
}
