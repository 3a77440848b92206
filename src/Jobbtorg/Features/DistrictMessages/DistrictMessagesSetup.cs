using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.DistrictMessages;

public static class DistrictMessagesSetup
{
    /// <summary>The outbox to the districts and its dispatcher, with `Jobbtorg:DistrictEndpoints` and `Jobbtorg:Outbox`.</summary>
    public static IServiceCollection AddDistrictMessages(this IServiceCollection services)
    {
        // The endpoints are a list directly under Jobbtorg, so their options read that section (and nothing else in it).
        services.AddOptions<DistrictEndpointOptions>().BindConfiguration("Jobbtorg").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration("Jobbtorg:Outbox").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DistrictEndpoints>();
        services.AddScoped<DistrictOutbox>();
        services.AddHttpClient(OutboxDispatcher.HttpClientName);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddSection<UnreadMessagesViewComponent>(SectionPlace.StartPage, 50);
        return services;
    }
}
