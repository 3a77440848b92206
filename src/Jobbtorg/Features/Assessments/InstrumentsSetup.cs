using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments;

public static class InstrumentsSetup
{
    /// <summary>The instruments' versions: reading them, and an administrator publishing a new one (pages and API); and the
    /// pseudonymised research extract of assessments.</summary>
    public static IServiceCollection AddAssessmentInstruments(this IServiceCollection services) =>
        Research.ResearchSetup.AddResearchExtract(services)
            .AddScoped<InstrumentVersions>().AddEndpoints(routes => routes.MapInstrumentsApi())
            .AddSection<InstrumentsSectionViewComponent>(SectionPlace.StartPage, 125);
}
