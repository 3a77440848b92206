using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Plans;

public static class PlansSetup
{
    /// <summary>Agreeing a plan, and the plan's section on the case page.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services) =>
        services.AddScoped<AgreePlan>()
            .AddSection<CasePlanViewComponent>(SectionPlace.CaseDetail, 10);
}
