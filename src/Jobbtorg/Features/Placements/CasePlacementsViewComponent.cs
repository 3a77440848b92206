using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Placements;

/// <param name="ClosureSuggestion">A job under way, and the closure to work it suggests, for those who may close the case.</param>
public sealed record CasePlacementsView(Case Case, IReadOnlyList<Placement> Placements, bool MayRecord,
    (PlacementKind Kind, ClosureSubReason SubReason)? ClosureSuggestion = null);

/// <summary>The case page's section: the case's placements, and for those who record them, New and End.</summary>
public sealed class CasePlacementsViewComponent(JobbtorgDb db, CaseAccess access, TimeProvider clock, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        List<Placement> placements = await rows.AnyAsync<Placement>(@case.Id, HttpContext.RequestAborted)
            ? await db.Placements.AsNoTracking().Where(p => p.CaseId == @case.Id)
                .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(HttpContext.RequestAborted)
            : [];
        var mayRecord = access.Can(Permission.RecordPlacement, @case);
        if (placements.Count == 0 && !(mayRecord && @case.IsOpen)) return Content("");
        var today = clock.Today();
        var job = @case.IsOpen && access.CanWork(@case)
            ? placements.FirstOrDefault(p => Placement.Jobs.Contains(p.Kind) && p.StartDate <= today && (p.EndDate is null || p.EndDate >= today))
            : null;
        return View("/Features/Placements/_Case.cshtml", new CasePlacementsView(@case, placements, mayRecord,
            job is null ? null : (job.Kind, ClosureSubReasonFor(job.Kind))));
    }

    /// <summary>A job without support is unsubsidised work; a subsidised employment and a municipal job (paid with the
    /// city's or the employment service's support) are subsidised work.</summary>
    public static ClosureSubReason ClosureSubReasonFor(PlacementKind kind) =>
        kind == PlacementKind.Employment ? ClosureSubReason.Unsubsidised : ClosureSubReason.Subsidised;
}
