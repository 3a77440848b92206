using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Matching;

public sealed record CaseProposalsView(Case Case, IReadOnlyList<Proposal> Proposals, MatchingHelpRequest? OpenHelpRequest,
    bool MayPropose, bool MayAskForHelp);

/// <summary>The case page's "Matching": the person's proposals for vacancies and where they stand, the coach's request for
/// a matcher's help, and for matchers the way to the vacancies that fit.</summary>
public sealed class CaseProposalsViewComponent(CaseAccess access, ProposalWork proposals, HelpRequestWork help, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!access.Can(Permission.ReadProposals, @case)) return Content("");
        var ct = HttpContext.RequestAborted;
        var list = await rows.AnyAsync<Proposal>(@case.Id, ct) ? await proposals.OfCaseAsync(@case.Id, ct) : [];
        var open = await rows.AnyAsync<MatchingHelpRequest>(@case.Id, ct)
            ? (await help.OfCaseAsync(@case.Id, ct)).FirstOrDefault(h => h.Status != HelpRequestStatus.Done)
            : null;
        var mayPropose = @case.Status == CaseStatus.Enrolled && access.Can(Permission.ProposeCandidates, @case);
        var mayAsk = @case.IsOpen && open is null && access.Can(Permission.AskMatcherForHelp, @case);
        if (list.Count == 0 && open is null && !mayPropose && !mayAsk) return Content("");
        return View("/Features/Matching/_CaseProposals.cshtml", new CaseProposalsView(@case, list, open, mayPropose, mayAsk));
    }
}
