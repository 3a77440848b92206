using Jobbtorg.Features.Access;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Employers;

/// <summary>The vacancies of every employer, narrowed by status, kind, occupation group, employer and text.</summary>
[RequirePermission(Permission.ReadEmployers)]
[AccessLog.NoPersonalData]
public class VacanciesModel(VacancyWork work, EmployerWork employers, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public VacancyStatus? Status { get; set; } = VacancyStatus.Open;
    [BindProperty(SupportsGet = true)] public PlacementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Occupation { get; set; }
    [BindProperty(SupportsGet = true)] public int? Employer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }

    public List<Vacancy> Vacancies { get; private set; } = [];
    public List<Employer> Employers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Employers = await employers.SearchAsync(null, ct);
        var filter = new VacancyFilter(Status, Kind, Occupation, Employer, Text);
        var errors = VacancyWork.Check(filter);
        // The filter's problems are named by the query parameters; on the page they belong to the fields.
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], texts.Format(message));
        if (ModelState.IsValid) Vacancies = await work.ListAsync(filter, ct);
    }
}
