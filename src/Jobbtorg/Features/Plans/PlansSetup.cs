using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Plans;

public static class PlansSetup
{
    /// <summary>Agreeing a plan, the plan's section on the case page, and the count of thin plans on a manager's start page
    /// (right after the overdue plans).</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services) =>
        services.AddScoped<AgreePlan>()
            .AddScoped<ThinPlans>()
            .AddSection<CasePlanViewComponent>(SectionPlace.CaseDetail, 10)
            .AddSection<ThinPlansViewComponent>(SectionPlace.StartPage, 6);
}
