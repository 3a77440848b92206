using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Staff;

/// <summary>A coach's open cases go to other coaches of the same centre, all to one or each to its own: before the
/// coach leaves (a coach with open cases cannot be deactivated) or whenever their manager rebalances the caseload.
/// Administrators, and managers for the centres they reach.</summary>
[RequirePermission(Permission.HandOverCases)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class HandoverModel(JobbtorgDb db, UserManager<AppUser> users, StaffAdministration staff, CurrentUser current, Texts texts) : PageModel
{
    public AppUser Coach { get; private set; } = null!;
    public List<Case> Cases { get; private set; } = [];
    public List<CoachLoad> Successors { get; private set; } = [];

    /// <summary>The coach who takes every case not given one of its own.</summary>
    [BindProperty] public string? AllTo { get; set; }
    /// <summary>Per case id, the coach who takes it. Named, so that without any To[…] field the binder does not read the
    /// whole form as the dictionary.</summary>
    [BindProperty(Name = "To")] public Dictionary<int, string?> To { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (To.Keys.Any(caseId => Cases.All(c => c.Id != caseId)))
            ModelState.AddModelError("", texts["A case is no longer among the coach's open cases. Reload the page and try again."]);
        if (!ModelState.IsValid) return Page();
        var targets = new Dictionary<int, string>();
        foreach (var c in Cases)
            if ((To.GetValueOrDefault(c.Id) is { Length: > 0 } own ? own : AllTo) is { Length: > 0 } target)
                targets[c.Id] = target;
        try
        {
            var moved = await staff.HandOverAsync(Coach, targets, new StaffActor(current.Id, current.Name), HttpContext.RequestAborted);
            TempData["Message"] = texts.Count(moved, "{0} cases handed over; the districts are told who the new coach is.");
            return current.Holds(Permission.ManageStaff) ? RedirectToPage("/Staff/Details", new { id }) : RedirectToPage(new { id });
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError("", texts.Format(rule.Template, rule.Args));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", texts["Someone else changed the case at the same time. Reload and try again."]);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Null when the page may be shown; otherwise the answer.</summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        var coach = await users.FindByIdAsync(id);
        if (coach is null) return NotFound();
        var mayHandOver = coach.JobCentreId is { } centre
            ? current.MayAtCentre(Permission.HandOverCases, centre)
            : current.Holds(Permission.ManageStaff);
        if (!mayHandOver) return Forbid();
        Coach = coach;
        Cases = await db.Cases.Include(c => c.Participant)
            .Where(c => c.CoachId == coach.Id && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.Participant.LastName).ThenBy(c => c.Participant.FirstName).ThenBy(c => c.Id)
            .ToListAsync(HttpContext.RequestAborted);
        Successors = await staff.SuccessorsAsync(coach, HttpContext.RequestAborted);
        return null;
    }
}
