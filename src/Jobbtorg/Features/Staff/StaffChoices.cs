using Jobbtorg.Data;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Staff;

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
