using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Attendance;

public sealed record CaseAttendanceView(Case Case, AttendanceCounts Counts, IReadOnlyList<AttendanceSlot> Recent, bool CanWork);

/// <summary>The case page's attendance section: required days since enrolment and the latest five, for the plan's readers,
/// once there is a required day.</summary>
public sealed class CaseAttendanceViewComponent(CaseAccess access, AttendanceRegister register, TimeProvider clock) : ViewComponent
{
    public const int RecentCount = 5;

    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!access.CanReadPlan(@case) || @case.EnrolmentDate is not { } enrolled) return Content("");
        var slots = await register.SlotsOfAsync(@case, enrolled, clock.Today(), ct: HttpContext.RequestAborted);
        if (slots.Count == 0) return Content("");
        var recent = slots.OrderByDescending(s => s.Date).ThenBy(s => s.ActivityType.Id).Take(RecentCount).ToList();
        return View("/Features/Attendance/_CaseAttendance.cshtml", new CaseAttendanceView(@case, AttendanceCounts.Of(slots), recent, access.CanWork(@case)));
    }
}
