using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Consent;

public static class ConsentSetup
{
    /// <summary>Consent over time: its section on the case page, the page that records a change, and the API.</summary>
    public static IServiceCollection AddConsent(this IServiceCollection services)
    {
        services.AddScoped<ConsentChanges>();
        services.AddSection<CaseConsentViewComponent>(SectionPlace.CaseSummary, 5);
        services.AddCaseRows<ConsentRecord>().AddCaseRows<DistrictMessages.DistrictMessage>();
        services.AddEndpoints(routes => routes.MapConsentApi());
        return services;
    }
}
