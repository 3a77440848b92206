using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Attendance;

/// <summary>One participant's attendance: the rate over the whole case and the recent required days, which the coach
/// registers or corrects here.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class CaseModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, AttendanceRegister register, CurrentUser user)
    : CasePageModel(db, access, texts, clock)
{
    public const int RecentDays = 28;

    [BindProperty] public List<AttendanceRow> Rows { get; set; } = [];

    public bool CanRegister { get; private set; }
    public AttendanceCounts Total { get; private set; } = new(0, 0, 0, 0);
    public List<AttendanceSlot> Recent { get; private set; } = [];
    public List<AttendanceRowView> RowViews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        RowViews = AttendanceForm.Rows(Recent, null, false, c => AttendanceForm.NameOf(c, Texts));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await PrepareAsync(id, track: true)) return NotFound();
        if (!CanRegister) return Forbid();
        var entries = AttendanceForm.Check(Rows, Recent, out var refused);
        ModelState.AddErrors(refused, Texts);
        if (ModelState.IsValid)
        {
            try
            {
                var saved = await register.SaveAsync(entries, Recent, user.Id, user.Name, HttpContext.RequestAborted);
                TempData["Message"] = AttendanceForm.SavedMessage(saved, AttendanceForm.Names([Case], Texts), Texts, tellConsent: true);
                return RedirectToPage(new { id });
            }
            catch (DbUpdateException)
            {
                ModelState.AddModelError("", Texts["Someone else registered the same day at the same time. Reload and try again."]);
            }
        }
        RowViews = AttendanceForm.Rows(Recent, Rows, false, c => AttendanceForm.NameOf(c, Texts));
        return Page();
    }

    private async Task<bool> PrepareAsync(int id, bool track = false)
    {
        if (!await LoadAsync(id, withPlans: true)) return false;
        if (!Access.CanReadPlan(Case)) return false;
        CanRegister = Access.CanWork(Case);
        var ct = HttpContext.RequestAborted;
        if (Case.EnrolmentDate is { } enrolled)
        {
            Total = AttendanceCounts.Of(await register.SlotsOfAsync(Case, enrolled, Today, ct: ct));
            Recent = (await register.SlotsOfAsync(Case, Today.AddDays(-RecentDays), Today, track, ct))
                .OrderByDescending(s => s.Date).ThenBy(s => s.ActivityType.Id).ToList();
        }
        return true;
    }
}
