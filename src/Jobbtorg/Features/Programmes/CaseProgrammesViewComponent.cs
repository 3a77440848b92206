using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Programmes;

public sealed record CaseProgrammesView(Case Case, IReadOnlyList<ProgrammeMembership> Memberships, bool MayJoin);

/// <summary>The case page's section: the programmes the case is in and has been in, and for those who may, Join and Leave.</summary>
public sealed class CaseProgrammesViewComponent(ProgrammeWork work, CaseAccess access, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!access.Can(Permission.ReadProgrammes, @case)) return Content("");
        var memberships = await rows.AnyAsync<ProgrammeMembership>(@case.Id, HttpContext.RequestAborted)
            ? await work.OfCaseAsync(@case.Id, HttpContext.RequestAborted)
            : [];
        var mayJoin = access.Can(Permission.JoinProgramme, @case);
        if (memberships.Count == 0 && !(mayJoin && @case.IsOpen)) return Content("");
        return View("/Features/Programmes/_Case.cshtml", new CaseProgrammesView(@case, memberships, mayJoin));
    }
}
