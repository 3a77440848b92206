using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>Start page, for the reports' readers: cases by status. Counts every case for a reader who sees no cases (an
/// analyst: counts only, no personal data), the cases within reach for the others.</summary>
public sealed class StatusCountsViewComponent(JobbtorgDb db, CaseAccess access, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.ReadReports)) return Content("");
        var cases = user.Holds(Permission.ListCases) ? access.VisibleCases() : db.Cases;
        var counts = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, HttpContext.RequestAborted);
        return counts.Count > 0 ? View("/Features/Reports/_StatusCounts.cshtml", counts) : Content("");
    }
}
