using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Placements;

/// <summary>Records a placement on an open case: kind, employer, dates, hours, wage form, subsidy and whether our matching found it.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "caseId")]
public class NewModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, PlacementRecording placements)
    : CasePageModel(db, access, texts, clock)
{
    public sealed class PlacementForm
    {
        public string? Kind { get; set; }
        public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        public string? EmployerName { get; set; }
        public string? EmployerOrganisationNumber { get; set; }
        public int? HoursPerWeek { get; set; }
        public string? WageForm { get; set; }
        public string? Subsidy { get; set; }
        public bool Matched { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public PlacementForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!Access.Can(Permission.RecordPlacement, Case)) return Forbid();
        Input = new PlacementForm { Start = Today, HoursPerWeek = 40 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!Access.Can(Permission.RecordPlacement, Case)) return Forbid();
        // A value the binder could not read (a date, a number) is refused by its own message; nothing is stored.
        if (!ModelState.IsValid) return Page();
        PlacementChange? result = null;
        var input = new PlacementInput(Input.Kind, Input.Start, Input.End, Input.EmployerName, Input.EmployerOrganisationNumber,
            Input.HoursPerWeek, Input.WageForm, string.IsNullOrEmpty(Input.Subsidy) ? null : Input.Subsidy, Input.Note, Input.Matched);
        if (await TryAsync(async () => result = await placements.RecordAsync(Case, input, HttpContext.RequestAborted), "") && result!.Placement is { } p)
            return BackToCase(Texts.Format("The placement at {0} from {1} is recorded.", p.EmployerName, p.StartDate));
        if (result is not null) ModelState.AddErrors(result.Errors, Texts, nameof(Input));
        return Page();
    }
}
