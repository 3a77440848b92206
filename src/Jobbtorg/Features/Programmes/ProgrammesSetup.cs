using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Programmes;

public static class ProgrammesSetup
{
    /// <summary>Special programmes: the use cases, the case page's and the start page's sections and the endpoints.</summary>
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeWork>();
        services.AddSection<CaseProgrammesViewComponent>(SectionPlace.CaseDetail, 37);
        services.AddCaseRows<ProgrammeMembership>();
        services.AddSection<ProgrammesSectionViewComponent>(SectionPlace.StartPage, 127);
        services.AddEndpoints(routes => routes.MapProgrammesApi());
        return services;
    }
}
