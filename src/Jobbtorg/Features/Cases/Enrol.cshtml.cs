using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Cases;

public class EnrolModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, Caseloads caseloads, EnrolCase enrol)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public DateOnly? EnrolmentDate { get; set; }
    [BindProperty] public string? CoachId { get; set; }
    public List<CoachLoad> Coaches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        EnrolmentDate = Today;
        CoachId = Coaches.FirstOrDefault()?.Coach.Id; // the lowest open caseload is suggested
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        var coach = Coaches.FirstOrDefault(c => c.Coach.Id == CoachId)?.Coach;
        if (EnrolmentDate is null) ModelState.AddModelError(nameof(EnrolmentDate), Texts["Enter the enrolment date."]);
        if (coach is null) ModelState.AddModelError(nameof(CoachId), Texts["Choose a coach at the case's job centre."]);
        if (!ModelState.IsValid) return Page();

        if (await TryUseCaseAsync(ct => enrol.HandleAsync(Case.Id, EnrolmentDate!.Value, coach!.Id, ct), nameof(EnrolmentDate)))
            return BackToCase(Texts.Format("{0} is enrolled; the plan must be agreed by {1}.", Case.Participant.DisplayName, Case.JobGuaranteeDeadline));
        return Page();
    }

    private async Task<bool> PrepareAsync(int id)
    {
        if (!await LoadAsync(id)) return false;
        Coaches = await caseloads.AtCentreAsync(Case.JobCentreId, HttpContext.RequestAborted);
        return true;
    }
}
