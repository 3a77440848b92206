using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Retention;

/// <summary>The retention round's latest runs and the rule it applies: how much each day deleted, never what or whose.</summary>
[RequirePermission(Permission.ReadRetentionRuns)]
[AccessLog.NoPersonalData]
public class IndexModel(JobbtorgDb db, IOptions<RetentionOptions> options) : PageModel
{
    public const int Shown = 60;

    public RetentionOptions Settings => options.Value;
    public List<RetentionRun> Runs { get; private set; } = [];

    public async Task OnGetAsync() =>
        Runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Date).Take(Shown).ToListAsync(HttpContext.RequestAborted);
}
