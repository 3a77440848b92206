using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Matching;

public static class MatchingSetup
{
    /// <summary>Matching: candidates for a vacancy, vacancies for a person, proposals and coaches' requests for help; the
    /// case page's section, the matcher's start-page section and the endpoints.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddScoped<MatchingWork>();
        services.AddScoped<ProposalWork>();
        services.AddScoped<HelpRequestWork>();
        services.AddSection<CaseProposalsViewComponent>(SectionPlace.CaseDetail, 36);
        services.AddCaseRows<Proposal>().AddCaseRows<MatchingHelpRequest>();
        services.AddSection<MatchingStartViewComponent>(SectionPlace.StartPage, 8);
        services.AddEndpoints(routes => routes.MapMatchingApi());
        return services;
    }
}
