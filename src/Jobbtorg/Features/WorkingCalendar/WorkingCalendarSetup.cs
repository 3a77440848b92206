using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.WorkingCalendar;

public static class WorkingCalendarSetup
{
    /// <summary>The working-day calendar's endpoints.</summary>
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services) =>
        services.AddEndpoints(routes => routes.MapWorkingCalendarApi());
}
