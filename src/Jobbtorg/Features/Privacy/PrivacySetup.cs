using Jobbtorg.Features.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobbtorg.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>The register extract: its builder, its page and its endpoint. The access log registers its own
    /// <see cref="IRegisterExtractLog"/>; until then a produced extract is not recorded.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.TryAddScoped<IRegisterExtractLog, UnrecordedRegisterExtracts>();
        return services.AddScoped<RegisterExtractBuilder>()
            .AddSection<RegisterExtractLinkViewComponent>(SectionPlace.StartPage, 120)
            .AddEndpoints(routes => routes.MapRegisterExtractApi());
    }
}
