using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Cases;

[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class PauseModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, PauseCase pause)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public DateOnly? PauseDate { get; set; }
    [BindProperty] public PauseReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        PauseDate = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        if (PauseDate is null) ModelState.AddModelError(nameof(PauseDate), Texts["Enter the date the pause starts."]);
        if (Reason is null) ModelState.AddModelError(nameof(Reason), Texts["Choose the reason for the pause."]);
        if (Note?.Length > 1000) ModelState.AddModelError(nameof(Note), Texts.Format("The note may be at most {0} characters.", 1000));
        if (ModelState.IsValid && await TryUseCaseAsync(ct => pause.HandleAsync(Case.Id, PauseDate!.Value, Reason!.Value, Note, ct), nameof(PauseDate)))
            return BackToCase(Texts["The case is paused; paused working days do not count towards the plan deadline."]);
        return Page();
    }
}
