using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Programmes;

/// <summary>The special programmes with their kind, current members (a count) and latest yearly cost; those who keep them
/// create one here.</summary>
[RequirePermission(Permission.ReadProgrammes)]
[AccessLog.NoPersonalData]
public class IndexModel(ProgrammeWork work, Texts texts) : PageModel
{
    [BindProperty] public ProgrammeRequest Input { get; set; } = new();

    public List<(Programme Programme, int Members)> Programmes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.Holds(Permission.ManageProgrammes)) return Forbid();
        // A value the binder could not read is never stored as its default: every problem is shown, nothing stored.
        ModelState.AddErrors(ProgrammeRules.Check(Input), texts, nameof(Input), keepUnread: true);
        if (ModelState.IsValid)
        {
            var result = await work.CreateAsync(Input, HttpContext.RequestAborted);
            if (result.Programme is { } created)
            {
                TempData["Message"] = texts.Format("{0} is created.", created.Name);
                return RedirectToPage("Details", new { id = created.Id });
            }
            ModelState.AddErrors(result.Errors, texts, nameof(Input), keepUnread: true);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Programmes = [];
        foreach (var p in await work.ListAsync(HttpContext.RequestAborted))
            Programmes.Add((p, await work.CurrentCountAsync(p.Id, HttpContext.RequestAborted)));
    }
}
