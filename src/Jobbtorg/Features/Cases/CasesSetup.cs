using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

public static class CasesSetup
{
    /// <summary>What the case pages share, the case use cases and their endpoints.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<Caseloads>();
        services.AddScoped<MyOpenCases>();
        services.AddScoped<CaseChanges>();
        services.AddScoped<CaseWork>();
        services.AddScoped<EnrolCase>();
        services.AddScoped<PauseCase>();
        services.AddScoped<ResumeCase>();
        services.AddScoped<CloseCase>();
        services.AddCaseRows<JournalEntry>();
        services.AddSection<MyCasesViewComponent>(SectionPlace.StartPage, 10);
        services.AddSection<AwaitingEnrolmentViewComponent>(SectionPlace.StartPage, 40);
        services.AddSection<OverduePlansViewComponent>(SectionPlace.StartPage, 5);
        services.AddEndpoints(routes => routes.MapCasesApi());
        return services;
    }
}
