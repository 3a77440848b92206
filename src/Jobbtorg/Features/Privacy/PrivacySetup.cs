using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>The register extract: its builder, its page and its endpoint.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        return services.AddScoped<RegisterExtractBuilder>()
            .AddSection<RegisterExtractLinkViewComponent>(SectionPlace.StartPage, 120)
            .AddEndpoints(routes => routes.MapRegisterExtractApi());
    }
}
