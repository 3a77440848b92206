using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.ProtectedIdentity;

public static class ProtectedIdentitySetup
{
    /// <summary>Marking a person's protected identity, and how a person is shown to each caller.</summary>
    public static IServiceCollection AddProtectedIdentity(this IServiceCollection services)
    {
        services.AddScoped<PersonShown>();
        services.AddScoped<MarkProtectedIdentity>();
        services.AddSection<CaseProtectedIdentityViewComponent>(SectionPlace.CaseSummary, 5);
        services.AddEndpoints(routes => routes.MapProtectedIdentityApi());
        return services;
    }
}
