using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.FollowUp;

/// <summary>The follow-up questions due and overdue at the caller's job centres, oldest first, each with a link to
/// record the answer.</summary>
[RequirePermission(Permission.WorkFollowUpList)]
[AccessLog.ShowsPersonalData]
public class WorklistModel(FollowUpWorklist worklist) : PageModel
{
    [BindProperty(SupportsGet = true)] public FollowUpKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Centre { get; set; }

    public WorklistPage List { get; private set; } = new([], 0, 0);
    public List<Organisation.JobCentre> Centres { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Centres = await worklist.CentresAsync(ct);
        // A centre outside the caller's reach lists nothing rather than telling what it holds.
        List = ModelState.IsValid ? await worklist.ListAsync(Kind, Centre, ct) : new([], 0, 0);
    }
}
