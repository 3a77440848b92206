using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Employers;

/// <summary>One vacancy with its requirements; those who keep employers mark it filled or withdraw it with a reason.</summary>
[RequirePermission(Permission.ReadEmployers)]
[AccessLog.NoPersonalData]
public class VacancyModel(VacancyWork work, Texts texts, OccupationCatalogue occupations, LanguageCatalogue languages,
    EducationLevelCatalogue educationLevels) : PageModel
{
    public Vacancy Vacancy { get; private set; } = null!;
    [BindProperty] public WithdrawVacancyRequest Withdrawal { get; set; } = new();

    public string OccupationName => occupations.Find(Vacancy.OccupationCode)?.Name ?? "";
    public string? LanguageName => languages.Find(Vacancy.LanguageCode)?.Name;
    public string? EducationLevelName => educationLevels.Find(Vacancy.EducationLevel)?.Name;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await work.FindAsync(id, HttpContext.RequestAborted) is not { } vacancy) return NotFound();
        Vacancy = vacancy;
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id) =>
        ChangeAsync(id, VacancyRules.Check(Withdrawal), () => work.WithdrawAsync(id, Withdrawal, HttpContext.RequestAborted), "The vacancy is withdrawn.");

    public Task<IActionResult> OnPostFilledAsync(int id) =>
        ChangeAsync(id, new FieldErrors(), () => work.MarkFilledAsync(id, HttpContext.RequestAborted), "The vacancy is marked as filled.");

    private async Task<IActionResult> ChangeAsync(int id, FieldErrors problems, Func<Task<VacancyOutcome>> change, string done)
    {
        if (!User.Holds(Permission.ManageEmployers)) return Forbid();
        ModelState.AddErrors(problems, texts, nameof(Withdrawal), keepUnread: true);
        var outcome = ModelState.IsValid ? await change() : new VacancyOutcome.Invalid(new FieldErrors());
        switch (outcome)
        {
            case VacancyOutcome.Done:
                TempData["Message"] = texts[done];
                return RedirectToPage(new { id });
            case VacancyOutcome.Invalid invalid:
                ModelState.AddErrors(invalid.Errors, texts, nameof(Withdrawal), keepUnread: true);
                break;
            case VacancyOutcome.Refused refused:
                ModelState.AddModelError("", texts.Format(refused.Message));
                break;
            default:
                return NotFound();
        }
        if (await work.FindAsync(id, HttpContext.RequestAborted) is not { } vacancy) return NotFound();
        Vacancy = vacancy;
        return Page();
    }
}
