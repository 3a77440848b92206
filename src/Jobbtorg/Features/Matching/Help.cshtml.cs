using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Matching;

/// <summary>A matcher takes a coach's request for help, or marks it done; both from the start page, which they return to.</summary>
[RequirePermission(Permission.ProposeCandidates)]
[AccessLog.ShowsPersonalData]
public class HelpModel(HelpRequestWork help, Texts texts) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public Task<IActionResult> OnPostTakeAsync(int id) => ChangeAsync(id, done: false, "The request is yours.");

    public Task<IActionResult> OnPostDoneAsync(int id) => ChangeAsync(id, done: true, "The request is done.");

    private async Task<IActionResult> ChangeAsync(int id, bool done, string message)
    {
        try
        {
            if (await help.ChangeAsync(id, done, HttpContext.RequestAborted) is null) return NotFound();
            TempData["Message"] = texts[message];
        }
        catch (RuleBrokenException refused)
        {
            TempData["Message"] = texts.Format(refused.Template, refused.Args);
        }
        return Redirect("/");
    }
}
