using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

/// <summary>A vacancy's matching: the proposals made (for the cases the caller may see), and the ranked candidates among
/// the centre's enrolled participants with the reasons for their rank, each to be proposed with one click.</summary>
[RequirePermission(Permission.ProposeCandidates)]
[AccessLog.ShowsPersonalData]
public class CandidatesModel(VacancyWork vacancies, MatchingWork matching, ProposalWork proposals, CaseAccess access, Texts texts) : PageModel
{
    public Vacancy Vacancy { get; private set; } = null!;
    public List<Candidate> Candidates { get; private set; } = [];
    public List<(Proposal Proposal, Case Case)> Proposals { get; private set; } = [];
    /// <summary>Proposals of the vacancy for cases the caller may not see: counted, never named.</summary>
    public int OtherProposals { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(int id, int caseId)
    {
        var outcome = await proposals.ProposeAsync(id, caseId, HttpContext.RequestAborted);
        switch (outcome)
        {
            case ProposalOutcome.Done:
                TempData["Message"] = texts["The person is proposed for the vacancy."];
                return RedirectToPage(new { id });
            case ProposalOutcome.Refused refused:
                ModelState.AddModelError("", texts.Format(refused.Message));
                break;
            case ProposalOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await vacancies.FindAsync(id, ct) is not { } vacancy) return false;
        Vacancy = vacancy;
        var made = await proposals.OfVacancyAsync(id, ct);
        var ids = made.Select(p => p.CaseId).ToList();
        var cases = await access.VisibleCases(Permission.ReadProposals).Include(c => c.Participant).Where(c => ids.Contains(c.Id))
            .AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        Proposals = made.Where(p => cases.ContainsKey(p.CaseId)).Select(p => (p, cases[p.CaseId])).ToList();
        OtherProposals = (await proposals.CountsAsync(id, ct)).Values.Sum() - Proposals.Count;
        if (vacancy.Status == VacancyStatus.Open) Candidates = await matching.CandidatesAsync(vacancy, ct);
        return true;
    }
}
