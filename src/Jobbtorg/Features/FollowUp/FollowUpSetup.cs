using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.FollowUp;

public static class FollowUpSetup
{
    /// <summary>What districts report after a case and its endpoints; the job centre's worklist of follow-up questions,
    /// its recording by hand and its start-page section.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services) =>
        services.AddScoped<RecordFollowUp>()
            .AddScoped<FollowUpWorklist>()
            .AddScoped<RecordFollowUpByHand>()
            .AddSection<FollowUpWorklistViewComponent>(SectionPlace.StartPage, 45)
            .AddEndpoints(routes => routes.MapFollowUpApi());
}
