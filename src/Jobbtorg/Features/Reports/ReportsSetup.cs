using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reports;

public static class ReportsSetup
{
    /// <summary>The indicators behind the report pages, the Excel file and the report API, and the cases behind each number.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddScoped<Indicators>().AddScoped<IndicatorCases>()
            .AddSection<StatusCountsViewComponent>(SectionPlace.StartPage, 80)
            .AddEndpoints(routes => routes.MapReportsApi());
}
