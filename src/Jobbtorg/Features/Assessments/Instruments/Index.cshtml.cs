using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Assessments.Instruments;

/// <summary>Both instruments and every version of each: who published it and when, and how many assessments were made
/// under it.</summary>
[RequirePermission(Permission.PublishInstruments)]
[AccessLog.NoPersonalData]
public class IndexModel(InstrumentVersions versions) : PageModel
{
    public IReadOnlyList<(InstrumentVersion Version, int Assessments)> Versions { get; private set; } = [];

    public async Task OnGetAsync() => Versions = await versions.ListAsync(HttpContext.RequestAborted);
}
