using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Programmes;

/// <summary>An open case joins a special programme on a day.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "caseId")]
public class JoinModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, ProgrammeWork work)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public JoinProgrammeRequest Input { get; set; } = new();

    public List<Programme> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (await PrepareAsync(caseId) is { } refused) return refused;
        Input = new JoinProgrammeRequest { JoinedOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (await PrepareAsync(caseId) is { } refused) return refused;
        // A value the binder could not read (a date) is refused by its own message; nothing is stored.
        if (!ModelState.IsValid) return Page();
        var result = await work.JoinAsync(Case, Input, HttpContext.RequestAborted);
        if (result.Membership is { } m)
            return BackToCase(Texts.Format("The case joined {0} on {1}.", m.Programme.Name, m.JoinedOn));
        ModelState.AddErrors(result.Errors, Texts, nameof(Input));
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!Access.Can(Permission.JoinProgramme, Case)) return Forbid();
        Programmes = (await work.ListAsync(HttpContext.RequestAborted)).Where(p => p.IsActive).ToList();
        return null;
    }
}
