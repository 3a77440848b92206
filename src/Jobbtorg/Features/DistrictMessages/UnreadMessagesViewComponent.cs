using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.DistrictMessages;

/// <summary>Start page, for a district's readers of the inbox: how many of the job centre's messages are still unread.</summary>
public sealed class UnreadMessagesViewComponent(JobbtorgDb db, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.ReadInbox) || user.DistrictId is not { } district) return Content("");
        var unread = await db.DistrictMessages.CountAsync(m => m.DistrictId == district && m.ReadAt == null, HttpContext.RequestAborted);
        return unread > 0 ? View("/Features/DistrictMessages/_Unread.cshtml", unread) : Content("");
    }
}
