namespace Jobbtorg.Features.FollowUp;

public static class FollowUpSetup
{
    /// <summary>What districts report after a case; the endpoints are mapped by <see cref="FollowUpApi.MapFollowUpApi"/>.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services) =>
        services.AddScoped<RecordFollowUp>();
}
