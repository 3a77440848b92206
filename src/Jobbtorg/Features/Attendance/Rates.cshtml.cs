using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Attendance;

/// <summary>Attendance rates per activity and per participant over a period, for the cases the user may see.</summary>
[RequirePermission(Permission.ReadAttendanceRates)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class RatesModel(AttendanceRegister register, CaseAccess access, Texts texts, TimeProvider clock) : PageModel
{
    public const int MaxPeriodDays = 366;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public List<(ActivityType Activity, AttendanceCounts Counts)> PerActivity { get; private set; } = [];
    public List<(Case Case, string Name, AttendanceCounts Counts)> PerParticipant { get; private set; } = [];
    public AttendanceCounts Total { get; private set; } = new(0, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync()
    {
        var today = clock.Today();
        To ??= today;
        From ??= To.Value.AddDays(-27);
        if (From > To) ModelState.AddModelError(nameof(From), texts["The start date must be on or before the end date."]);
        else if (To.Value.DayNumber - From.Value.DayNumber > MaxPeriodDays) ModelState.AddModelError(nameof(From), texts["Choose a period of at most a year."]);
        if (!ModelState.IsValid) return Page();

        var slots = await register.SlotsAsync(await access.VisibleCasesAsync(HttpContext.RequestAborted), From!.Value, To!.Value, ct: HttpContext.RequestAborted);
        Total = AttendanceCounts.Of(slots);
        PerActivity = slots.GroupBy(s => s.ActivityType.Id).Select(g => (g.First().ActivityType, AttendanceCounts.Of(g)))
            .OrderBy(x => x.ActivityType.Id).ToList();
        PerParticipant = slots.GroupBy(s => s.Case.Id).Select(g => (g.First().Case, AttendanceForm.NameOf(g.First().Case, texts), AttendanceCounts.Of(g)))
            .OrderBy(x => x.Item3.Rate ?? 2).ThenByDescending(x => x.Item3.NotRegistered).ThenBy(x => x.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Page();
    }
}
