using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Matching;

/// <summary>The open vacancies that fit one participant, best first with the reasons, each to be proposed with one click.</summary>
[AccessLog.ShowsPersonalData(CaseRoute = "caseId", CaseLoadedByPage = true)]
public class ForCaseModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, MatchingWork matching, ProposalWork proposals)
    : CasePageModel(db, access, texts, clock)
{
    public List<FittingVacancy> Vacancies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (await PrepareAsync(caseId) is { } refused) return refused;
        Vacancies = await matching.VacanciesForAsync(Case, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(int caseId, int vacancyId)
    {
        if (await PrepareAsync(caseId) is { } refused) return refused;
        switch (await proposals.ProposeAsync(vacancyId, caseId, HttpContext.RequestAborted))
        {
            case ProposalOutcome.Done:
                return BackToCase(Texts["The person is proposed for the vacancy."]);
            case ProposalOutcome.Refused r:
                ModelState.AddModelError("", Texts.Format(r.Message));
                break;
            case ProposalOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
        Vacancies = await matching.VacanciesForAsync(Case, HttpContext.RequestAborted);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        return Access.Can(Permission.ProposeCandidates, Case) ? null : Forbid();
    }
}
