using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Programmes;

/// <summary>One programme: what it is, its yearly costs and its members among the cases the reader may see. Those who
/// keep programmes change it and set a year's cost here.</summary>
[RequirePermission(Permission.ReadProgrammes)]
[AccessLog.ShowsPersonalData]
public class DetailsModel(ProgrammeWork work, Texts texts) : PageModel
{
    public Programme Programme { get; private set; } = null!;
    public List<ProgrammeMembership> Members { get; private set; } = [];

    /// <summary>The programme form; bound by the handler that reads it.</summary>
    public ProgrammeRequest Input { get; set; } = new();
    /// <summary>The year's cost form; bound by the handler that reads it.</summary>
    public ProgrammeYearRequest Year { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new ProgrammeRequest { Name = Programme.Name, Kind = Programme.Kind, Description = Programme.Description, IsActive = Programme.IsActive };
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, [Bind(Prefix = nameof(Input))] ProgrammeRequest input)
    {
        if (!User.Holds(Permission.ManageProgrammes)) return Forbid();
        Input = input;
        input.IsActive ??= false; // an unticked box sends nothing: the programme is closed
        ModelState.AddErrors(ProgrammeRules.Check(input), texts, nameof(Input), keepUnread: true);
        if (ModelState.IsValid)
        {
            var result = await work.EditAsync(id, input, HttpContext.RequestAborted);
            if (result is null) return NotFound();
            if (result.Programme is not null)
            {
                TempData["Message"] = texts["The programme is saved."];
                return RedirectToPage(new { id });
            }
            ModelState.AddErrors(result.Errors, texts, nameof(Input), keepUnread: true);
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostYearAsync(int id, [Bind(Prefix = nameof(Year))] ProgrammeYearRequest year)
    {
        if (!User.Holds(Permission.ManageProgrammes)) return Forbid();
        Year = year;
        if (ModelState.IsValid)
        {
            var result = await work.SetYearAsync(id, year, HttpContext.RequestAborted);
            if (result is null) return NotFound();
            if (result.Programme is not null)
            {
                TempData["Message"] = texts.Format("The cost of {0} is saved.", year.Year!.Value);
                return RedirectToPage(new { id });
            }
            ModelState.AddErrors(result.Errors, texts, nameof(Year), keepUnread: true);
        }
        if (!await LoadAsync(id)) return NotFound();
        Input = new ProgrammeRequest { Name = Programme.Name, Kind = Programme.Kind, Description = Programme.Description, IsActive = Programme.IsActive };
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await work.FindAsync(id, HttpContext.RequestAborted) is not { } programme) return false;
        Programme = programme;
        Members = await work.MembersAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
