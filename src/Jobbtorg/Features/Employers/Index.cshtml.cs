using System.ComponentModel.DataAnnotations;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Employers;

/// <summary>The employers, searched by name or organisation number; those who keep them register one here, and land on the
/// one already registered when it is there.</summary>
[RequirePermission(Permission.ReadEmployers)]
[AccessLog.NoPersonalData]
public class IndexModel(EmployerWork work, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [StringLength(EmployerWork.SearchMaxLength, ErrorMessage = "The search may be at most {1} characters.")]
    public string? Q { get; set; }

    [BindProperty] public EmployerRequest Input { get; set; } = new();

    public List<Employer> Employers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (ModelState.IsValid) Employers = await work.SearchAsync(Q, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.Holds(Permission.ManageEmployers)) return Forbid();
        ModelState.Remove(nameof(Q));
        // A value the binder could not read is never registered as its default: every problem is shown, nothing stored.
        ModelState.AddErrors(EmployerRules.Check(Input), texts, nameof(Input), keepUnread: true);
        if (!ModelState.IsValid)
        {
            Employers = await work.SearchAsync(null, HttpContext.RequestAborted);
            return Page();
        }
        switch (await work.RegisterAsync(Input, HttpContext.RequestAborted))
        {
            case EmployerOutcome.Done { Created: true } done:
                TempData["Message"] = texts.Format("{0} is registered.", done.Employer.Name);
                return RedirectToPage("Details", new { id = done.Employer.Id });
            case EmployerOutcome.Done done:
                TempData["Message"] = texts.Format("{0} was registered already; here it is.", done.Employer.Name);
                return RedirectToPage("Details", new { id = done.Employer.Id });
            case EmployerOutcome.Invalid invalid:
                ModelState.AddErrors(invalid.Errors, texts, nameof(Input), keepUnread: true);
                break;
        }
        Employers = await work.SearchAsync(null, HttpContext.RequestAborted);
        return Page();
    }
}
