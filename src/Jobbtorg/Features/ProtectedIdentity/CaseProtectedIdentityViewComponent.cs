using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.ProtectedIdentity;

public sealed record CaseProtectedIdentityView(Case Case, bool MayMark);

/// <summary>On the case: whether the person has protected identity, who marked it and when, and for those who may, the way
/// to mark or unmark it.</summary>
public sealed class CaseProtectedIdentityViewComponent(MarkProtectedIdentity mark) : ViewComponent
{
    public IViewComponentResult Invoke(Case @case)
    {
        var mayMark = mark.MayMark(@case);
        if (!@case.Participant.ProtectedIdentity && !mayMark) return Content("");
        return View("/Features/ProtectedIdentity/_CaseProtectedIdentity.cshtml", new CaseProtectedIdentityView(@case, mayMark));
    }
}
