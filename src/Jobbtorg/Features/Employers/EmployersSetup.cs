using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Employers;

public static class EmployersSetup
{
    /// <summary>Employers, their contact people and vacancies: the rules, the use cases and the API. The vacancy rules read
    /// the catalogues the assessments register (occupations, languages, education levels).</summary>
    public static IServiceCollection AddEmployers(this IServiceCollection services)
    {
        services.AddSingleton<VacancyRules>();
        services.AddScoped<EmployerWork>();
        services.AddScoped<VacancyWork>();
        services.AddEndpoints(routes => routes.MapEmployersApi());
        services.AddSection<EmployersSectionViewComponent>(SectionPlace.StartPage, 126);
        return services;
    }
}
