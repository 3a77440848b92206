using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Placements;

/// <summary>Ends a placement on a date; the end of a municipal job sets the day it is followed up.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class EndModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, PlacementRecording placements)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public DateOnly? EndDate { get; set; }

    public Placement Placement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        EndDate = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        PlacementChange? result = null;
        if (await TryAsync(async () => result = await placements.EndAsync(Case, Placement, EndDate, HttpContext.RequestAborted), "")
            && result!.Placement is { } p)
            return BackToCase(Texts.Format("The placement at {0} ends on {1}.", p.EmployerName ?? T(p.Kind), p.EndDate!.Value));
        if (result is not null)
            foreach (var (_, messages) in result.Errors)
                foreach (var message in messages) ModelState.AddModelError(nameof(EndDate), Texts.Format(message));
        return Page();
    }

    private string T(PlacementKind kind) => Texts.Enum(kind);

    private async Task<IActionResult?> PrepareAsync(int id)
    {
        var p = await Db.Placements.FirstOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (p is null || !await LoadAsync(p.CaseId)) return NotFound();
        Placement = p;
        if (!Access.Can(Permission.RecordPlacement, Case)) return Forbid();
        return null;
    }
}
