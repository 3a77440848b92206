using Jobbtorg.Features.Access;

namespace Jobbtorg.Features.Staff;

/// <summary>The role and what it is bound to, as the staff forms post them.</summary>
public sealed class RoleInput
{
    public string? Role { get; set; }
    public int? JobCentreId { get; set; }
    public int? DistrictId { get; set; }
    public int? ProviderId { get; set; }

    /// <summary>Only the binding the chosen role can have: a form may carry leftovers from another role's choice.</summary>
    public StaffBinding Binding => Role switch
    {
        Roles.Coach or Roles.Matcher or Roles.Manager => new(JobCentreId, null, null),
        Roles.CaseWorker => new(null, DistrictId, null),
        Roles.Provider => new(null, null, ProviderId),
        _ => StaffBinding.None,
    };

    /// <summary>Fields naming a centre, district or provider that does not exist (whether or not the role uses it).</summary>
    public IEnumerable<(string Field, string Message)> UnknownIn(StaffChoices choices)
    {
        if (JobCentreId is { } centre && choices.JobCentres.All(j => j.Id != centre))
            yield return ("Input.JobCentreId", "There is no such job centre.");
        if (DistrictId is { } district && choices.Districts.All(d => d.Id != district))
            yield return ("Input.DistrictId", "There is no such district.");
        if (ProviderId is { } provider && choices.Providers.All(p => p.Id != provider))
            yield return ("Input.ProviderId", "There is no such provider.");
    }

    public static RoleInput Of(AppUser user, string? role) =>
        new() { Role = role, JobCentreId = user.JobCentreId, DistrictId = user.DistrictId, ProviderId = user.ProviderId };
}
