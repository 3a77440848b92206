using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record DistrictInfoMeetingsView(List<(MeetingKind Kind, NextFreeTime? Next)> NextFree, List<InfoMeetingBooking> RecentNoShows);

/// <summary>Start page, for a district's staff: when the district's next free meeting is (what a case worker tells the
/// person on the phone), and the district's no-shows of the last 30 days.</summary>
public sealed class DistrictInfoMeetingsViewComponent(JobbtorgDb db, CurrentUser user, TimeProvider clock, FindNextFreeTime findNextFreeTime) : ViewComponent
{
    public const int NoShowDays = 30;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.ReadInfoMeetingTimes) || user.DistrictId is not { } districtId) return Content("");
        var ct = HttpContext.RequestAborted;
        var nextFree = new List<(MeetingKind, NextFreeTime?)>();
        if (await db.Districts.FindAsync([districtId], ct) is { } district)
            foreach (var kind in Enum.GetValues<MeetingKind>())
                nextFree.Add((kind, await findNextFreeTime.HandleAsync(district, kind, ct)));
        var since = clock.GetUtcNow().AddDays(-NoShowDays);
        var noShows = await db.InfoMeetingBookings.Include(b => b.Case).ThenInclude(c => c.Participant).Include(b => b.Meeting)
            .Where(b => b.Status == BookingStatus.NoShow && b.Case.DistrictId == districtId && b.Meeting.StartsAt >= since)
            .OrderByDescending(b => b.Meeting.StartsAt).Take(50).ToListAsync(ct);
        return View("/Features/InfoMeetings/_DistrictInfoMeetings.cshtml", new DistrictInfoMeetingsView(nextFree, noShows));
    }
}
