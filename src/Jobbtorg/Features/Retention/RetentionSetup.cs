namespace Jobbtorg.Features.Retention;

public static class RetentionSetup
{
    /// <summary>The daily retention round (gallring), with `Jobbtorg:Retention`.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration("Jobbtorg:Retention").ValidateDataAnnotations()
            .Validate(o => o.Problem() is null, "Jobbtorg:Retention: KeepBornOnDays holds days 1 to 31 and CheckEvery is positive.")
            .ValidateOnStart();
        services.AddScoped<RetentionRound>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
