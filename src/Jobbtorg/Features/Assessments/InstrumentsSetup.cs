using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments;

public static class InstrumentsSetup
{
    /// <summary>The instruments' versions: reading them, and an administrator publishing a new one (pages and API).</summary>
    public static IServiceCollection AddAssessmentInstruments(this IServiceCollection services) =>
        services.AddScoped<InstrumentVersions>().AddEndpoints(routes => routes.MapInstrumentsApi());
}
