using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments;

public static class AssessmentWorkSetup
{
    /// <summary>Doing an assessment: the answer checks with their catalogues, the use case, the case page's section and the
    /// API.</summary>
    public static IServiceCollection AddAssessmentWork(this IServiceCollection services)
    {
        services.AddSingleton<EducationLevelCatalogue>();
        services.AddSingleton<LanguageCatalogue>();
        services.AddSingleton<AnswerCheck>();
        services.AddScoped<AssessmentWork>();
        services.AddSection<CaseAssessmentsViewComponent>(SectionPlace.CaseDetail, 5);
        services.AddCaseRows<Assessment>();
        services.AddEndpoints(routes => routes.MapAssessmentApi());
        return services;
    }
}
