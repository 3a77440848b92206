using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Placements;

public static class PlacementsSetup
{
    /// <summary>Placements recorded on a case: the use case, the case page's section and the endpoints.</summary>
    public static IServiceCollection AddPlacements(this IServiceCollection services)
    {
        services.AddScoped<PlacementRecording>();
        services.AddSection<CasePlacementsViewComponent>(SectionPlace.CaseDetail, 35);
        services.AddCaseRows<Placement>();
        services.AddEndpoints(routes => routes.MapPlacementsApi());
        return services;
    }
}
