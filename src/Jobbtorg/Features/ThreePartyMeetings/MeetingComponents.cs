using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.ThreePartyMeetings;

public sealed record CaseMeetingsView(Case Case, IReadOnlyList<ThreePartyMeeting> Meetings, bool MayBook);

/// <summary>The section on the case page, once the case is enrolled: its three-party meetings and a link to book one.</summary>
public sealed class CaseThreePartyMeetingsViewComponent(JobbtorgDb db, CaseAccess access, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!@case.IsEnrolled) return Content("");
        List<ThreePartyMeeting> meetings = await rows.AnyAsync<ThreePartyMeeting>(@case.Id, HttpContext.RequestAborted)
            ? await db.ThreePartyMeetings.AsNoTracking().Where(m => m.CaseId == @case.Id)
                .OrderByDescending(m => m.StartsAt).Take(50).ToListAsync(HttpContext.RequestAborted)
            : [];
        var mayBook = @case.IsOpen && MeetingModel.MayBookOn(@case, access);
        return View("/Features/ThreePartyMeetings/_CaseMeetings.cshtml", new CaseMeetingsView(@case, meetings, mayBook));
    }
}

public sealed record UpcomingMeeting(ThreePartyMeeting Meeting, string CaseRef, Participant Participant, string District, string? Coach)
{
    /// <summary>The person as the viewer may see them (<see cref="ProtectedIdentity.PersonShown"/>).</summary>
    public string Name { get; init; } = "";
}

/// <summary>On the start page: a coach's meetings on their own cases, a case worker's on their district's cases —
/// planned ones from two weeks back (notes may still be due) onwards.</summary>
public sealed class UpcomingThreePartyMeetingsViewComponent(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock, ProtectedIdentity.PersonShown shown) : ViewComponent
{
    public const int LookBackDays = 14;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Those who keep a caseload see their own cases' meetings; a district's staff their district's.
        var ownCases = user.Holds(Permission.KeepCaseload);
        if (!user.Holds(Permission.BookThreePartyMeeting) || (!ownCases && user.DistrictId is null)) return Content("");
        var since = clock.GetUtcNow().AddDays(-LookBackDays);
        var visible = await access.VisibleCasesAsync(HttpContext.RequestAborted);
        var query = db.ThreePartyMeetings.AsNoTracking()
            .Where(m => m.Status == ThreePartyMeetingStatus.Planned && m.EndsAt >= since && visible.Any(c => c.Id == m.CaseId));
        query = ownCases
            ? query.Where(m => m.Case.CoachId == user.Id || m.BookedById == user.Id)
            : query.Where(m => m.Case.DistrictId == user.DistrictId);
        var rows = await query.OrderBy(m => m.StartsAt).Take(100)
            .Select(m => new
            {
                Upcoming = new UpcomingMeeting(m, m.Case.CaseRef, m.Case.Participant, m.Case.District.Name,
                    m.Case.Coach != null ? m.Case.Coach.DisplayName : m.Case.CoachRef),
                m.Case.JobCentreId, m.Case.DistrictId, m.Case.CoachId,
            })
            .ToListAsync(HttpContext.RequestAborted);
        List<UpcomingMeeting> meetings = [.. rows.Select(r => r.Upcoming with { Name = shown.Name(r.Upcoming.Participant, r.JobCentreId, r.DistrictId, r.CoachId) })];
        return View("/Features/ThreePartyMeetings/_Upcoming.cshtml", meetings);
    }
}
