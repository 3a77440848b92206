using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Assessments;

/// <summary>Starting an assessment of a case (or going on with the draft already begun): the instruments the reader may use.
/// The referral's confirmation leads here for the initial assessment.</summary>
[AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class StartModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, AssessmentWork work)
    : CasePageModel(db, access, texts, clock)
{
    public IReadOnlyList<Instrument> MayBegin { get; private set; } = [];
    public IReadOnlyList<Assessment> Drafts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, Instrument? instrument)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (instrument is not { } chosen || !MayBegin.Contains(chosen))
        {
            ModelState.AddModelError("instrument", Texts["Choose an assessment you may make."]);
            return Page();
        }
        switch (await work.BeginAsync(id, chosen, null, HttpContext.RequestAborted))
        {
            case AssessmentOutcome.Done done:
                return RedirectToPage("/Assessments/Fill", new { id = done.Assessment.Id });
            case AssessmentOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var m in messages) ModelState.AddModelError(field, Texts.Format(m));
                return Page();
            case AssessmentOutcome.Refused r:
                ModelState.AddModelError("instrument", Texts.Format(r.Message));
                return Page();
            default:
                return Forbid();
        }
    }

    private async Task<IActionResult?> PrepareAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        MayBegin = Case.IsOpen ? Enum.GetValues<Instrument>().Where(i => work.MayMake(Case, i)).ToList() : [];
        if (MayBegin.Count == 0) return Forbid();
        Drafts = (await work.ListAsync(id, HttpContext.RequestAborted)).Where(a => !a.IsSigned).ToList();
        return null;
    }
}
