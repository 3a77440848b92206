using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record CaseInfoMeetingView(Case Case, CaseInfoMeeting Info);

/// <summary>The case page's info-meeting section: the booking or the place on the waiting list, earlier bookings, and the
/// forms that post to <c>/InfoMeetings/CaseBooking</c>. Shown while the case needs a meeting or once it has had one.</summary>
public sealed class CaseInfoMeetingViewComponent(JobbtorgDb db, CurrentUser user, CaseAccess access, TimeProvider clock, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        var ct = HttpContext.RequestAborted;
        var info = await CaseInfoMeeting.LoadAsync(db, user, @case, access.Can(Permission.BookInfoMeeting, @case), clock, ct,
            anyBookings: await rows.AnyAsync<InfoMeetingBooking>(@case.Id, ct));
        return info.IsRelevant ? View("/Features/InfoMeetings/_CaseInfoMeeting.cshtml", new CaseInfoMeetingView(@case, info)) : Content("");
    }
}
