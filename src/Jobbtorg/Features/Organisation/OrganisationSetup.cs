namespace Jobbtorg.Features.Organisation;

public static class OrganisationSetup
{
    /// <summary>Reference data; the endpoints are mapped by <see cref="ReferenceApi.MapReferenceApi"/>.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services) =>
        services.AddSingleton<OccupationCatalogue>();
}
