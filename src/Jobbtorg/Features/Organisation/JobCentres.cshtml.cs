using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Organisation;

/// <summary>The job centres with the visiting address, phone number and directions the invitations print.</summary>
[RequirePermission(Permission.ManageJobCentres)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class JobCentresModel(JobbtorgDb db) : PageModel
{
    public List<JobCentre> Centres { get; private set; } = [];

    public async Task OnGetAsync() =>
        Centres = await db.JobCentres.AsNoTracking().OrderBy(c => c.Name).ToListAsync(HttpContext.RequestAborted);
}
