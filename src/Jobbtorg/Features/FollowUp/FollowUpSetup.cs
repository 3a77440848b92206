using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.FollowUp;

public static class FollowUpSetup
{
    /// <summary>What districts report after a case, and its endpoints.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services) =>
        services.AddScoped<RecordFollowUp>()
            .AddEndpoints(routes => routes.MapFollowUpApi());
}
