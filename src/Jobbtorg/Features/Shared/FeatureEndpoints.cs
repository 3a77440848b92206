namespace Jobbtorg.Features.Shared;

/// <summary>A feature's endpoints, registered by its <c>AddX()</c> with <see cref="FeatureEndpointsRegistration.AddEndpoints"/>
/// and mapped with every other feature's by <see cref="FeatureEndpointsRegistration.MapFeatureEndpoints"/>, so that a
/// new feature needs no line of its own where the app is mapped.</summary>
public sealed record FeatureEndpoints(Action<IEndpointRouteBuilder> Map);

public static class FeatureEndpointsRegistration
{
    public static IServiceCollection AddEndpoints(this IServiceCollection services, Action<IEndpointRouteBuilder> map) =>
        services.AddSingleton(new FeatureEndpoints(map));

    /// <summary>Maps the endpoints of every feature, in the order the features were added.</summary>
    public static void MapFeatureEndpoints(this WebApplication app)
    {
        foreach (var feature in app.Services.GetServices<FeatureEndpoints>()) feature.Map(app);
    }
}
