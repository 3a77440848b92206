using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

/// <summary>One proposal and its next step: presented to the employer, the interview, or the outcome. A hire or an
/// internship asks for the placement's start and wage form and records the placement on the case.</summary>
[AccessLog.ShowsPersonalData]
public class StepModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, ProposalWork proposals)
    : CasePageModel(db, access, texts, clock)
{
    public sealed class StepForm
    {
        public string? Status { get; set; }
        public DateOnly? On { get; set; }
        public string? Reason { get; set; }
        public string? Note { get; set; }
        public DateOnly? PlacementStart { get; set; }
        public DateOnly? PlacementEnd { get; set; }
        public string? WageForm { get; set; }
        public string? Subsidy { get; set; }
    }

    [BindProperty] public StepForm Input { get; set; } = new();
    public Proposal Proposal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        Input = new StepForm { Status = Proposal.NextStep?.ToString(), On = Today, PlacementStart = Proposal.Vacancy.StartDate };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var input = new ProposalStepInput(Input.Status, Input.On, Blank(Input.Reason), Input.Note, Input.PlacementStart, Input.PlacementEnd,
            Blank(Input.WageForm), Blank(Input.Subsidy));
        switch (await proposals.MoveAsync(id, input, HttpContext.RequestAborted))
        {
            case ProposalOutcome.Done done:
                TempData["Message"] = done.Proposal.PlacementId is null
                    ? Texts.Format("The proposal is now: {0}.", Texts.Enum(done.Proposal.Status))
                    : Texts.Format("The proposal is now: {0}. The placement is recorded on the case.", Texts.Enum(done.Proposal.Status));
                return RedirectToPage("/Matching/Candidates", new { id = done.Proposal.VacancyId });
            case ProposalOutcome.Invalid invalid:
                ModelState.AddErrors(invalid.Errors, Texts, nameof(Input));
                break;
            case ProposalOutcome.Refused r:
                ModelState.AddModelError("", Texts.Format(r.Message));
                break;
            case ProposalOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
        await PrepareAsync(id);
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<IActionResult?> PrepareAsync(int id)
    {
        var p = await Db.Set<Proposal>().AsNoTracking().Include(x => x.Vacancy).ThenInclude(v => v.Employer).FirstOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (p is null || !await LoadAsync(p.CaseId)) return NotFound();
        Proposal = p;
        // The page's route names the proposal, not the case: the log entry is told which case it concerns.
        HttpContext.RequestServices.GetRequiredService<AccessLog.AccessLogContext>().Concerns(Case);
        if (!Access.Can(Permission.ProposeCandidates, Case)) return Forbid();
        return null;
    }

    public static IEnumerable<ProposalStatus> Steps => Enum.GetValues<ProposalStatus>().Skip(1);
    public static IEnumerable<PlacementSubsidy> Subsidies => Enum.GetValues<PlacementSubsidy>();
}
