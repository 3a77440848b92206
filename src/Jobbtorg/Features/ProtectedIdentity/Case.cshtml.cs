using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.ProtectedIdentity;

/// <summary>Marks or unmarks the person of a case as having protected identity, after a confirmation.</summary>
[RequirePermission(Permission.MarkProtectedIdentity)]
[AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class CaseModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, MarkProtectedIdentity mark, PersonShown shown)
    : CasePageModel(db, access, texts, clock)
{
    /// <summary>The marking asked for: true to mark, false to remove it.</summary>
    [BindProperty] public bool Protected { get; set; }
    /// <summary>The user confirms having checked the marking (with the Tax Agency or the district).</summary>
    [BindProperty] public bool Confirmed { get; set; }

    public string Shown => shown.Name(Case);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!mark.MayMark(Case)) return Forbid();
        Protected = !Case.Participant.ProtectedIdentity;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!mark.MayMark(Case)) return Forbid();
        if (!Confirmed) ModelState.AddModelError(nameof(Confirmed), Texts["Confirm that you have checked the marking."]);
        if (!ModelState.IsValid) return Page();
        var changed = await mark.SetAsync(Case.Participant, Protected, HttpContext.RequestAborted);
        return BackToCase(!changed ? Texts["The marking was already so; nothing changed."]
            : Protected ? Texts["The person is marked as having protected identity."] : Texts["The marking of protected identity is removed."]);
    }
}
