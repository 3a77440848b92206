using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Referrals;

public static class ReferralsSetup
{
    /// <summary>Referrals from the form and the API, and their endpoints.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services) =>
        services.AddScoped<RegisterReferral>()
            .AddSection<DistrictReferralsViewComponent>(SectionPlace.StartPage, 70)
            .AddEndpoints(routes => routes.MapReferralsApi());
}
