using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

public static class CasesSetup
{
    /// <summary>What the case pages share; the endpoints are mapped by <see cref="CasesApi.MapCasesApi"/>.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<Caseloads>();
        services.AddScoped<CaseChanges>();
        services.AddScoped<CaseWork>();
        services.AddScoped<EnrolCase>();
        services.AddScoped<PauseCase>();
        services.AddScoped<ResumeCase>();
        services.AddScoped<CloseCase>();
        services.AddSection<MyCasesViewComponent>(SectionPlace.StartPage, 10);
        services.AddSection<AwaitingEnrolmentViewComponent>(SectionPlace.StartPage, 40);
        services.AddSection<OverduePlansViewComponent>(SectionPlace.StartPage, 90);
        return services;
    }
}
