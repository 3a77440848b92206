using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>Start page, for an administrator (a log reviewer starts at the log itself): the way to the access log, and
/// how many of the last twelve finished months are not yet reviewed.</summary>
public sealed class LogReviewSectionViewComponent(JobbtorgDb db, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public const int MonthsCounted = 12;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.ReviewAccessLog)) return Content("");
        var current = Dates.FirstOfMonth(Shared.Clock.Today(clock));
        var from = Dates.PlusMonths(current, -MonthsCounted);
        var reviewed = await db.Set<AccessLogReview>().CountAsync(r => r.Month >= from && r.Month < current, HttpContext.RequestAborted);
        return View("/Features/AccessLog/Review/_LogReviewSection.cshtml", MonthsCounted - reviewed);
    }
}
