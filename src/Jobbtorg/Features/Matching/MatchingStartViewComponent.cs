using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

public sealed record MatchingStartView(IReadOnlyList<(MatchingHelpRequest Request, Case Case)> HelpRequests, IReadOnlyList<Proposal> Proposals,
    IReadOnlyDictionary<int, Case> Cases);

/// <summary>A matcher's start page: the coaches' requests for help not done, and the matcher's own proposals under way with
/// their next step, oldest first.</summary>
public sealed class MatchingStartViewComponent(CurrentUser user, CaseAccess access, ProposalWork proposals, HelpRequestWork help) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.IsInRole(Roles.Matcher) || !user.Holds(Permission.ProposeCandidates)) return Content("");
        var ct = HttpContext.RequestAborted;
        var mine = await proposals.MineUnderWayAsync(ct);
        var ids = mine.Select(p => p.CaseId).Distinct().ToList();
        var cases = await access.VisibleCases(Permission.ReadProposals).Include(c => c.Participant)
            .Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return View("/Features/Matching/_MatchingStart.cshtml", new MatchingStartView(await help.OpenAsync(ct), mine, cases));
    }
}
