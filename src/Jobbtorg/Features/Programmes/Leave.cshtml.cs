using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Programmes;

/// <summary>A case leaves a special programme on a day.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class LeaveModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, ProgrammeWork work)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public LeaveProgrammeRequest Input { get; set; } = new();

    public ProgrammeMembership Membership { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        Input = new LeaveProgrammeRequest { LeftOn = Case.ClosureDate is { } closed && closed < Today ? closed : Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var result = await work.LeaveAsync(Case, Membership, Input, HttpContext.RequestAborted);
        if (result.Membership is { } m)
            return BackToCase(Texts.Format("The case left {0} on {1}.", m.Programme.Name, m.LeftOn!.Value));
        ModelState.AddErrors(result.Errors, Texts, nameof(Input));
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int id)
    {
        var m = await Db.Set<ProgrammeMembership>().Include(x => x.Programme).FirstOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (m is null || !await LoadAsync(m.CaseId)) return NotFound();
        Membership = m;
        if (!Access.Can(Permission.JoinProgramme, Case)) return Forbid();
        return null;
    }
}
