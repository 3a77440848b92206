using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.AccessLog.Review;

public static class LogReviewSetup
{
    /// <summary>The log reviewer's pages: search, flags and the monthly sample, with `Jobbtorg:AccessLogReview`.</summary>
    public static IServiceCollection AddLogReview(this IServiceCollection services)
    {
        services.AddOptions<LogReviewOptions>().BindConfiguration(LogReviewOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.OfficeHoursStart < o.OfficeHoursEnd, "Jobbtorg:AccessLogReview: OfficeHoursStart must be before OfficeHoursEnd.")
            .ValidateOnStart();
        services.AddScoped<ReviewFlags>();
        services.AddScoped<ReviewRows>();
        services.AddScoped<MonthlySample>();
        services.AddSingleton<AccessLogChainState>();
        // Administrators find the log from their start page; the menu has no room for one more item of theirs.
        services.AddSection<LogReviewSectionViewComponent>(SectionPlace.StartPage, 120);
        return services;
    }
}
