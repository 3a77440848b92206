using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Assessments;

/// <summary>Start page, for whoever publishes the instruments (administrators): the version of each instrument in use
/// and the way to publish a new one. Kept off the menu, which has no room left on a laptop.</summary>
public sealed class InstrumentsSectionViewComponent(JobbtorgDb db, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.PublishInstruments)) return Content("");
        var current = await db.InstrumentVersions.AsNoTracking().GroupBy(v => v.Instrument)
            .Select(g => new { Instrument = g.Key, Version = g.Max(v => v.Version) })
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Assessments/_InstrumentsSection.cshtml",
            current.OrderBy(c => c.Instrument).Select(c => (c.Instrument, c.Version)).ToList());
    }
}
