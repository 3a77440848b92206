using Jobbtorg.Features.Shared;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Assessments.Research;

public static class ResearchSetup
{
    /// <summary>The research extract. Outside Development the app does not start without a pseudonym key of at least
    /// 32 bytes.</summary>
    public static IServiceCollection AddResearchExtract(this IServiceCollection services)
    {
        services.AddOptions<ResearchOptions>().BindConfiguration(ResearchOptions.Section)
            .Validate<IHostEnvironment>((o, environment) => o.IsValidIn(environment),
                $"{ResearchOptions.Section}:PseudonymKey must be set to a secret of at least {ResearchOptions.MinKeyBytes} bytes " +
                "(e.g. the output of `openssl rand -base64 48`); only Development runs without one.")
            .ValidateOnStart();
        return services.AddScoped<ResearchExtract>().AddEndpoints(routes => routes.MapResearchApi());
    }
}
