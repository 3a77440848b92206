using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

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

/// <summary>What the role-and-binding fields offer.</summary>
public sealed record StaffChoices(List<JobCentre> JobCentres, List<District> Districts, List<Provider> Providers)
{
    public static async Task<StaffChoices> LoadAsync(JobbtorgDb db, CancellationToken ct) => new(
        await db.JobCentres.AsNoTracking().OrderBy(j => j.Name).ToListAsync(ct),
        await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct),
        await db.Providers.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct));

    /// <summary>What a user is bound to, by name: "Jobbtorg Farsta", a district, a provider, or null.</summary>
    public string? NameOf(StaffBinding binding) =>
        binding.JobCentreId is { } centre ? JobCentres.FirstOrDefault(j => j.Id == centre)?.Name
        : binding.DistrictId is { } district ? Districts.FirstOrDefault(d => d.Id == district)?.Name
        : binding.ProviderId is { } provider ? Providers.FirstOrDefault(p => p.Id == provider)?.Name
        : null;
}

/// <summary>A page with the role-and-binding fields (the partial _RoleFields reads this).</summary>
public interface IRoleForm
{
    RoleInput Input { get; }
    StaffChoices Choices { get; }
}

public static class RoleLabels
{
    /// <summary>The role's name in the user's language ("Role.Coach" in Localization).</summary>
    public static string Label(this Texts texts, string? role) => role is null ? "–" : texts[$"Role.{role}"];
}
