using Jobbtorg.Data;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Sets a district's weekly places for a kind of meeting; a raised quota serves the waiting list at once.
/// Whether the user may set the quotas of the centre that serves the district is the caller's answer
/// (<paramref name="mayManage"/>).</summary>
public sealed class SetDistrictQuota(JobbtorgDb db, ServeWaitingList waitingList, ILogger<SetDistrictQuota> log)
{
    public const int MaxPlacesPerWeek = 10_000;

    public async Task HandleAsync(District district, MeetingKind kind, int placesPerWeek, Func<int, bool> mayManage, CancellationToken ct = default)
    {
        if (placesPerWeek is < 0 or > MaxPlacesPerWeek) throw new RuleBrokenException("The weekly places are between {0} and {1}.", 0, MaxPlacesPerWeek);
        var centreId = BookingPolicy.ServingCentre(district, kind);
        if (!mayManage(centreId)) throw new RuleBrokenException("You may only set the quotas of districts your job centre serves.");
        var quota = await db.DistrictQuotas.FirstOrDefaultAsync(q => q.DistrictId == district.Id && q.Kind == kind, ct);
        if (quota is null) db.DistrictQuotas.Add(new DistrictQuota { DistrictId = district.Id, Kind = kind, PlacesPerWeek = placesPerWeek });
        else quota.PlacesPerWeek = placesPerWeek;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Quota of district {DistrictId} for {Kind} meetings set to {Places} a week", district.Id, kind, placesPerWeek);
        await waitingList.HandleAsync(centreId, kind, ct);
    }
}
