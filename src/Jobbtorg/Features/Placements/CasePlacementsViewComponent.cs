using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Placements;

public sealed record CasePlacementsView(Case Case, IReadOnlyList<Placement> Placements, bool MayRecord);

/// <summary>The case page's section: the case's placements, and for those who record them, New and End.</summary>
public sealed class CasePlacementsViewComponent(JobbtorgDb db, CaseAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        var placements = await db.Placements.AsNoTracking().Where(p => p.CaseId == @case.Id)
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(HttpContext.RequestAborted);
        var mayRecord = access.Can(Permission.RecordPlacement, @case);
        if (placements.Count == 0 && !(mayRecord && @case.IsOpen)) return Content("");
        return View("/Features/Placements/_Case.cshtml", new CasePlacementsView(@case, placements, mayRecord));
    }
}
