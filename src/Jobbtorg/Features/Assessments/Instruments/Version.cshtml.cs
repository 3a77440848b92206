using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Assessments.Instruments;

/// <summary>One version of an instrument, read-only: its questions by section with help texts and answers, and the rules
/// that suggest the result, in plain words.</summary>
[RequirePermission(Permission.PublishInstruments)]
[AccessLog.NoPersonalData]
public class VersionModel(InstrumentVersions versions) : PageModel
{
    public InstrumentVersion Shown { get; private set; } = null!;
    public int Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string instrument, int version)
    {
        if (InstrumentsApi.ParseInstrument(instrument) is not { } i || await versions.FindAsync(i, version, HttpContext.RequestAborted) is not { } v)
            return NotFound();
        Shown = v;
        Current = (await versions.CurrentAsync(i, HttpContext.RequestAborted))?.Version ?? v.Version;
        return Page();
    }
}
