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
/// Coaches and managers see the cases of their centre, narrowed to one coach's participants (a coach with participants
/// of their own starts with those) or all of them; an external provider's staff see the participants of the activities
/// their provider delivers, whichever centre the case belongs to, and nothing else. Without an activity chosen the page
/// opens the first one that has participants that day; the list names how many each has, the empty ones last.
/// </summary>
[RequirePermission(Permission.RegisterAttendance)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class IndexModel(JobbtorgDb db, AttendanceRegister register, CaseAccess access, CurrentUser user, Texts texts, TimeProvider clock) : PageModel
{
    public const int SummaryDays = 28;
    /// <summary>The coach filter's value for every participant the user may register.</summary>
    public const string AllCoaches = "all";

    [BindProperty(SupportsGet = true)] public string? Activity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Coach { get; set; }
    [BindProperty(SupportsGet = true)] public bool AllPresent { get; set; }
    [BindProperty] public List<AttendanceRow> Rows { get; set; } = [];

    /// <summary>The activity types with required attendance, each with its number of participants on the day (null when the
    /// day cannot be shown); those with participants first.</summary>
    public List<ActivityChoice> Activities { get; private set; } = [];
    public ActivityType? Chosen { get; private set; }
    public DateOnly Day { get; private set; }
    public DateOnly Today { get; private set; }
    public bool IsProvider => user.IsInRole(Roles.Provider);
    public string? ProviderName { get; private set; }
    /// <summary>The coaches who have open cases the user may see, by name; empty for a provider's staff.</summary>
    public List<CoachChoice> Coaches { get; private set; } = [];
    /// <summary>The coach whose participants are shown, or <see cref="AllCoaches"/>; null for a provider's staff.</summary>
    public string? ChosenCoach { get; private set; }
    public string? UserId => user.Id;
    public List<AttendanceSlot> Slots { get; private set; } = [];
    /// <summary>The names the rows show, by case: with the birth year where a name repeats in the group.</summary>
    public Dictionary<int, string> Names { get; private set; } = [];
    public List<AttendanceRowView> RowViews { get; private set; } = [];
    /// <summary>For staff: the chosen activity's registrations over the last four weeks.</summary>
    public AttendanceCounts? Recent { get; private set; }
    public bool DayIsOpen { get; private set; }

    public sealed record ActivityChoice(ActivityType Type, int? Participants);
    public sealed record CoachChoice(string Id, string Name);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        RowViews = AttendanceForm.Rows(Slots, null, AllPresent, NameIn);
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
                TempData["Message"] = AttendanceForm.SavedMessage(saved, Names, texts, tellConsent: !IsProvider);
                return RedirectToPage(new { activity = Chosen.Code, date = Texts.Date(Day), coach = ChosenCoach });
            }
            catch (DbUpdateException)
            {
                ModelState.AddModelError("", texts["Someone else registered the same day at the same time. Reload and try again."]);
            }
        }
        RowViews = AttendanceForm.Rows(Slots, Rows, false, NameIn);
        return Page();
    }

    private string NameIn(Case c) => Names.GetValueOrDefault(c.Id) ?? AttendanceForm.NameOf(c, texts);

    private async Task LoadAsync(bool track = false)
    {
        var ct = HttpContext.RequestAborted;
        Today = clock.Today();
        Day = Date ?? Today;
        var types = await db.ActivityTypes.AsNoTracking().Where(a => a.RequiresDailyAttendance).OrderBy(a => a.Id).ToListAsync(ct);
        Activities = types.Select(t => new ActivityChoice(t, null)).ToList();
        var asked = Activity is null ? null : types.FirstOrDefault(a => a.Code == Activity);
        Chosen = asked ?? (Activity is null ? types.FirstOrDefault() : null);

        IQueryable<Case> cases;
        int? providerId = null;
        if (IsProvider)
        {
            // Staff of a provider with no provider set see nobody. The coach filter is not theirs: they see no coaches.
            providerId = user.ProviderId ?? -1;
            ProviderName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            cases = db.Cases;
        }
        else
        {
            cases = await access.VisibleCasesAsync(ct);
            Coaches = (await cases.Where(c => c.CoachId != null && c.Status != CaseStatus.Closed)
                    .Select(c => new { Id = c.CoachId!, c.Coach!.DisplayName }).Distinct().ToListAsync(ct))
                .Select(c => new CoachChoice(c.Id, c.DisplayName))
                .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            // A coach who keeps participants of their own starts with them; anyone else with everyone.
            var hasOwn = user.Holds(Permission.KeepCaseload) && Coaches.Any(c => c.Id == user.Id);
            ChosenCoach = Coach ?? (hasOwn ? user.Id : AllCoaches);
            if (ChosenCoach != AllCoaches && Coaches.All(c => c.Id != ChosenCoach))
            {
                ModelState.AddModelError(nameof(Coach), texts["Choose a coach from the list, or all participants."]);
                ChosenCoach = AllCoaches;
                return;
            }
            if (ChosenCoach != AllCoaches) cases = cases.Where(c => c.CoachId == ChosenCoach);
        }

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

        // Every activity's participants that day at once: the list counts them, and the page opens on the first that has any.
        var day = await register.SlotsAsync(cases, Day, Day, null, providerId, track, ct);
        var counts = day.GroupBy(s => s.ActivityType.Id).ToDictionary(g => g.Key, g => g.Select(s => s.Case.Id).Distinct().Count());
        Activities = types.Select(t => new ActivityChoice(t, counts.GetValueOrDefault(t.Id)))
            .OrderBy(a => a.Participants == 0).ToList();
        if (asked is null) Chosen = Activities.FirstOrDefault(a => a.Participants > 0)?.Type ?? Chosen;

        Slots = day.Where(s => s.ActivityType.Id == Chosen.Id).ToList();
        Names = AttendanceForm.Names(Slots.Select(s => s.Case), texts);
        Slots = Slots.OrderBy(s => Names[s.Case.Id], StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ThenBy(s => s.Case.CaseRef, StringComparer.Ordinal).ToList();
        if (!IsProvider)
            Recent = AttendanceCounts.Of(await register.SlotsAsync(cases, Today.AddDays(-SummaryDays), Today, Chosen.Id, ct: ct));
    }
}
