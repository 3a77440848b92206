using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Organisation;

public static class OrganisationSetup
{
    /// <summary>Reference data, and its endpoints.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services) =>
        services.AddSingleton<OccupationCatalogue>()
            .AddEndpoints(routes => routes.MapReferenceApi());
}
