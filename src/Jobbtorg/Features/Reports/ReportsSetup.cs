using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reports;

public static class ReportsSetup
{
    /// <summary>The indicators behind the report pages, the Excel file and the report API.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddScoped<Indicators>()
            .AddSection<StatusCountsViewComponent>(SectionPlace.StartPage, 80)
            .AddEndpoints(routes => routes.MapReportsApi());
}
