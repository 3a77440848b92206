using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>The months of the log, newest first, each not yet reviewed or reviewed by someone on a day; the current
/// month is still running and cannot be reviewed until it is over.</summary>
[RequirePermission(Permission.ReadAccessLog)]
[NoPersonalData]
public class MonthsModel(JobbtorgDb db, TimeProvider clock) : PageModel
{
    /// <summary>How far back the list goes.</summary>
    public const int MonthsShown = 36;

    public sealed record MonthState(DateOnly Month, bool Running, AccessLogReview? Review);

    public List<MonthState> Months { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var current = Dates.FirstOfMonth(clock.Today());
        var oldest = await db.AccessLog.AsNoTracking().OrderBy(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var first = oldest is { } at ? Dates.FirstOfMonth(DateOnly.FromDateTime(at.ToStockholm().DateTime)) : current;
        var earliestShown = Dates.PlusMonths(current, -(MonthsShown - 1));
        if (first < earliestShown) first = earliestShown;
        if (first > current) first = current;
        var reviews = await db.Set<AccessLogReview>().AsNoTracking().Where(r => r.Month >= first).ToDictionaryAsync(r => r.Month, ct);
        for (var month = current; month >= first; month = Dates.PlusMonths(month, -1))
            Months.Add(new MonthState(month, month == current, reviews.GetValueOrDefault(month)));
    }
}
