using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Attendance;

/// <summary>Start page, for those who work cases: required days before today that nobody registered, flagged from the next
/// working morning until registered. One's own cases for those who keep a caseload, every case within reach otherwise.</summary>
public sealed class NotRegisteredViewComponent(CaseAccess access, CurrentUser user, TimeProvider clock, AttendanceRegister register) : ViewComponent
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
        return missing.Count > 0 ? View("/Features/Attendance/_NotRegistered.cshtml", missing) : Content("");
    }
}
