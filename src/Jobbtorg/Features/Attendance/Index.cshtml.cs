using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Attendance;

/// <summary>
/// The day view: one activity type and one working day, every participant who has to attend it that day, one Save.
/// Coaches and managers see the cases of their centre; an external provider's staff see the participants of the
/// activities their provider delivers, whichever centre the case belongs to, and nothing else.
/// </summary>
[RequirePermission(Permission.RegisterAttendance)]
public class IndexModel(JobbtorgDb db, AttendanceRegister register, CaseAccess access, CurrentUser user, Texts texts, TimeProvider clock) : PageModel
{
    public const int SummaryDays = 28;

    [BindProperty(SupportsGet = true)] public string? Activity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public bool AllPresent { get; set; }
    [BindProperty] public List<AttendanceRow> Rows { get; set; } = [];

    public List<ActivityType> ActivityTypes { get; private set; } = [];
    public ActivityType? Chosen { get; private set; }
    public DateOnly Day { get; private set; }
    public DateOnly Today { get; private set; }
    public bool IsProvider => user.IsInRole(Roles.Provider);
    public string? ProviderName { get; private set; }
    public List<AttendanceSlot> Slots { get; private set; } = [];
    public List<AttendanceRowView> RowViews { get; private set; } = [];
    /// <summary>For staff: the chosen activity's registrations over the last four weeks.</summary>
    public AttendanceCounts? Recent { get; private set; }
    public bool DayIsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        RowViews = AttendanceForm.Rows(Slots, null, AllPresent, c => AttendanceForm.NameOf(c, texts));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync(track: true);
        if (!DayIsOpen || Chosen is null) return Page();
        var entries = AttendanceForm.Check(Rows, Slots, out var refused);
        ModelState.AddErrors(refused, texts);
        if (ModelState.IsValid)
        {
            try
            {
                var saved = await register.SaveAsync(entries, Slots, user.Id, user.Name, HttpContext.RequestAborted);
                TempData["Message"] = texts.Count(saved, "Attendance saved: {0} registrations new or changed.");
                return RedirectToPage(new { activity = Chosen.Code, date = Texts.Date(Day) });
            }
            catch (DbUpdateException)
            {
                ModelState.AddModelError("", texts["Someone else registered the same day at the same time. Reload and try again."]);
            }
        }
        RowViews = AttendanceForm.Rows(Slots, Rows, false, c => AttendanceForm.NameOf(c, texts));
        return Page();
    }

    private async Task LoadAsync(bool track = false)
    {
        var ct = HttpContext.RequestAborted;
        Today = clock.Today();
        Day = Date ?? Today;
        ActivityTypes = await db.ActivityTypes.AsNoTracking().Where(a => a.RequiresDailyAttendance).OrderBy(a => a.Id).ToListAsync(ct);
        Chosen = ActivityTypes.FirstOrDefault(a => a.Code == Activity) ?? (Activity is null ? ActivityTypes.FirstOrDefault() : null);
        if (Chosen is null)
        {
            ModelState.AddModelError(nameof(Activity), texts["Choose an activity that requires daily attendance."]);
            return;
        }
        if (!WorkingDays.IsWorkingDay(Day))
        {
            ModelState.AddModelError(nameof(Date), texts["Attendance is registered for working days only."]);
            return;
        }
        if (Day > Today)
        {
            ModelState.AddModelError(nameof(Date), texts["Attendance cannot be registered for a day that has not come yet."]);
            return;
        }
        DayIsOpen = true;

        IQueryable<Case> cases;
        int? providerId = null;
        if (IsProvider)
        {
            // Staff of a provider with no provider set see nobody.
            providerId = user.ProviderId ?? -1;
            ProviderName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            cases = db.Cases;
        }
        else cases = await access.VisibleCasesAsync(ct);

        Slots = (await register.SlotsAsync(cases, Day, Day, Chosen.Id, providerId, track, ct))
            .OrderBy(s => AttendanceForm.NameOf(s.Case, texts), StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ThenBy(s => s.Case.CaseRef, StringComparer.Ordinal).ToList();
        if (!IsProvider)
            Recent = AttendanceCounts.Of(await register.SlotsAsync(cases, Today.AddDays(-SummaryDays), Today, Chosen.Id, ct: ct));
    }
}
