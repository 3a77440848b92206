using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Employers;

/// <summary>Registering a vacancy at an employer.</summary>
[RequirePermission(Permission.ManageEmployers)]
[AccessLog.NoPersonalData]
public class NewVacancyModel(EmployerWork employers, VacancyWork work, VacancyRules rules, Texts texts, TimeProvider clock, OccupationCatalogue occupations,
    LanguageCatalogue languages, EducationLevelCatalogue educationLevels) : PageModel
{
    public Employer Employer { get; private set; } = null!;
    [BindProperty] public VacancyRequest Input { get; set; } = new();
    public OccupationCatalogue Occupations => occupations;
    public LanguageCatalogue Languages => languages;
    public EducationLevelCatalogue EducationLevels => educationLevels;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await employers.FindAsync(id, HttpContext.RequestAborted) is not { } employer) return NotFound();
        Employer = employer;
        var today = clock.Today();
        Input = new VacancyRequest { Places = 1, HoursPerWeek = 40, StartDate = today.AddMonths(1), LastDayToPropose = today.AddDays(14) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await employers.FindAsync(id, HttpContext.RequestAborted) is not { } employer) return NotFound();
        Employer = employer;
        // The page is for the employer in its address; a form naming another one is refused, not moved.
        if (Input.EmployerId is { } posted && posted != id)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.EmployerId)}", texts["The form is for another employer."]);
        Input.EmployerId ??= id;
        // A value the binder could not read is never stored as its default: every problem is shown, nothing stored.
        ModelState.AddErrors(rules.Check(Input, clock.Today()), texts, nameof(Input), keepUnread: true);
        if (!ModelState.IsValid) return Page();
        switch (await work.RegisterAsync(Input, HttpContext.RequestAborted))
        {
            case VacancyOutcome.Done done:
                TempData["Message"] = texts.Format("The vacancy {0} is registered.", done.Vacancy.Title);
                return RedirectToPage("Vacancy", new { id = done.Vacancy.Id });
            case VacancyOutcome.Invalid invalid:
                ModelState.AddErrors(invalid.Errors, texts, nameof(Input), keepUnread: true);
                return Page();
            default:
                return NotFound();
        }
    }
}
