using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Attendance;

/// <summary>Start page, for those who work cases: required days before today that nobody registered, flagged from the next
/// working morning until registered. One's own cases, day by day, for those who keep a caseload; for the others (a
/// manager: every case within reach) counted per activity and coach, each with the way to the day view.</summary>
public sealed class NotRegisteredViewComponent(CaseAccess access, CurrentUser user, TimeProvider clock, AttendanceRegister register, JobbtorgDb db)
    : ViewComponent
{
    public const int LookBackDays = 14;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.WorkCase)) return Content("");
        var today = clock.Today();
        var cases = access.VisibleCases();
        if (user.Holds(Permission.KeepCaseload)) cases = cases.Where(c => c.CoachId == user.Id);
        var missing = (await register.SlotsAsync(cases, today.AddDays(-LookBackDays), today.AddDays(-1), ct: HttpContext.RequestAborted))
            .Where(s => !s.IsRegistered).OrderBy(s => s.Date).ThenBy(s => s.Case.Participant.DisplayName).ToList();
        if (missing.Count == 0) return Content("");
        if (user.Holds(Permission.KeepCaseload)) return View("/Features/Attendance/_NotRegistered.cshtml", missing);
        var coachIds = missing.Select(s => s.Case.CoachId).OfType<string>().Distinct().ToList();
        var coaches = await db.Users.Where(u => coachIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, HttpContext.RequestAborted);
        var summary = missing.GroupBy(s => (s.ActivityType.Id, s.Case.CoachId))
            .Select(g => new NotRegisteredGroup(g.First().ActivityType, g.Key.CoachId is { } id ? coaches.GetValueOrDefault(id) : g.First().Case.CoachRef,
                g.Count(), g.Min(s => s.Date)))
            .OrderByDescending(g => g.Days).ThenBy(g => g.Earliest).ToList();
        return View("/Features/Attendance/_NotRegisteredSummary.cshtml", new NotRegisteredSummary(summary, missing.Count));
    }
}

/// <summary>Required days not registered for one activity among one coach's cases, from <see cref="Earliest"/>.</summary>
public sealed record NotRegisteredGroup(Organisation.ActivityType ActivityType, string? Coach, int Days, DateOnly Earliest);

public sealed record NotRegisteredSummary(List<NotRegisteredGroup> Groups, int Days);
