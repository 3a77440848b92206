using Jobbtorg.Data;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>The earliest meeting a district could book for a kind of meeting now (<see cref="BookingPolicy.NextFree"/>),
/// or null when none lies within the horizon: for the case worker's start page and the API.</summary>
public sealed class FindNextFreeTime(JobbtorgDb db, TimeProvider clock, IOptions<InfoMeetingOptions> options)
{
    public async Task<NextFreeTime?> HandleAsync(District district, MeetingKind kind, CancellationToken ct = default)
    {
        var policy = BookingPolicy.From(options.Value);
        var centreId = BookingPolicy.ServingCentre(district, kind);
        var now = clock.GetUtcNow();
        var meetings = await db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre).Where(policy.Qualifying(centreId, kind, now))
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);
        if (meetings.Count == 0) return null;
        var quota = await db.WeeklyQuotaAsync(district.Id, kind, ct);
        var used = await db.QuotaUsages.Where(u => u.DistrictId == district.Id && u.Kind == kind).ToDictionaryAsync(u => u.WeekStart, u => u.Used, ct);
        return policy.NextFree(meetings, centreId, kind, quota, used, now) is var (meeting, left)
            ? new NextFreeTime(meeting.Id, meeting.StartsAt, meeting.JobCentre.Name, meeting.FreeSeats, left)
            : null;
    }
}
