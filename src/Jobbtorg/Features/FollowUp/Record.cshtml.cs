using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FollowUp;

/// <summary>Records the answer to one question of the worklist: the case's benefit check, or with <c>job</c> the
/// occupation question of that municipal job. Back to the worklist when it is stored.</summary>
[RequirePermission(Permission.WorkFollowUpList)]
[AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class RecordModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, RecordFollowUpByHand record)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public BenefitCheckInput Benefit { get; set; } = new();
    [BindProperty] public OccupationInput Occupation { get; set; } = new();

    public Placement? Job { get; private set; }
    public FollowUpKind Kind => Job is null ? FollowUpKind.BenefitCheck : FollowUpKind.MunicipalJob;
    public (DateOnly First, DateOnly Last) Window => FollowUpDue.ObservationWindow(Job!.FollowUpOn!.Value);
    /// <summary>What is already held for the question, shown above the form.</summary>
    public BenefitMonth? HeldMonth { get; private set; }
    public List<OccupationObservation> HeldObservations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? job)
    {
        if (await PrepareAsync(id, job) is { } refused) return refused;
        Benefit = new BenefitCheckInput { InformedOn = Today, Source = FollowUpSource.Call };
        var day = Job?.FollowUpOn;
        Occupation = new OccupationInput { Date = day is { } d && d < Today ? d : Today, Source = FollowUpSource.Call };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? job)
    {
        if (await PrepareAsync(id, job) is { } refused) return refused;
        var prefix = Kind == FollowUpKind.BenefitCheck ? nameof(Benefit) : nameof(Occupation);
        // The page sends only this question's fields; a bad value in any field stores nothing.
        if (!ModelState.IsValid) return Page();
        var errors = Kind == FollowUpKind.BenefitCheck
            ? await record.BenefitCheckAsync(Case, Benefit, HttpContext.RequestAborted)
            : await record.OccupationAsync(Case, Job!, Occupation, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, Texts, prefix);
            await LoadHeldAsync();
            return Page();
        }
        TempData["Message"] = Texts.Format("The follow-up of {0} is recorded.", Case.CaseRef);
        return RedirectToPage("/FollowUp/Worklist");
    }

    private async Task<IActionResult?> PrepareAsync(int id, int? job)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Access.Can(Permission.WorkFollowUpList, Case)) return Forbid();
        if (job is { } jobId)
        {
            Job = await Db.Placements.AsNoTracking().FirstOrDefaultAsync(
                j => j.Id == jobId && j.CaseId == id && j.Kind == PlacementKind.MunicipalJob && j.FollowUpOn != null, HttpContext.RequestAborted);
            if (Job is null) return NotFound();
        }
        else if (Case.FollowUpMonth is null || !Case.ReceivesBenefit || !ClosureReasons.SelfSufficiency.Contains(Case.ClosureReason))
            return NotFound();
        await LoadHeldAsync();
        return null;
    }

    private async Task LoadHeldAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Job is null)
            HeldMonth = await Db.BenefitMonths.AsNoTracking().FirstOrDefaultAsync(b => b.ParticipantId == Case.ParticipantId && b.Month == Case.FollowUpMonth, ct);
        else
        {
            var (first, last) = Window;
            HeldObservations = await Db.OccupationObservations.AsNoTracking()
                .Where(o => o.ParticipantId == Case.ParticipantId && o.Date >= first && o.Date <= last).OrderBy(o => o.Date).ToListAsync(ct);
        }
    }
}
