using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.FollowUp;

/// <summary>The start page's "Follow-ups to do": how many follow-up questions are due at the caller's centres, with a
/// link to the worklist; for those who may work it.</summary>
public sealed class FollowUpWorklistViewComponent(CurrentUser user, FollowUpWorklist worklist) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.WorkFollowUpList)) return Content("");
        return View("/Features/FollowUp/_Worklist.cshtml", await worklist.CountAsync(HttpContext.RequestAborted));
    }
}
