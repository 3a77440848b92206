using Jobbtorg.Features.Access;

namespace Jobbtorg.Features.Staff;

/// <summary>Where a user works: the one thing, beside the role, that decides what they reach.</summary>
public readonly record struct StaffBinding(int? JobCentreId, int? DistrictId, int? ProviderId)
{
    public static readonly StaffBinding None = new(null, null, null);

    public static StaffBinding Of(AppUser user) => new(user.JobCentreId, user.DistrictId, user.ProviderId);
}
