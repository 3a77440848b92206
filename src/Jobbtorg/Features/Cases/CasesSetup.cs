namespace Jobbtorg.Features.Cases;

public static class CasesSetup
{
    /// <summary>What the case pages share; the endpoints are mapped by <see cref="CasesApi.MapCasesApi"/>.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services.AddScoped<Caseloads>();
}
