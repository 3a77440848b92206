using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.FirstAppointments;

public static class FirstAppointmentsSetup
{
    /// <summary>The first one-to-one appointment with a coach, with `Jobbtorg:FirstAppointments` (working hours, length): its
    /// use cases, its sections on the case page and at the end of the start pages, and its endpoints.</summary>
    public static IServiceCollection AddFirstAppointments(this IServiceCollection services)
    {
        services.AddOptions<FirstAppointmentOptions>().BindConfiguration("Jobbtorg:FirstAppointments").ValidateDataAnnotations()
            .Validate(o => o.Opens < o.Closes, "Jobbtorg:FirstAppointments:Opens must be before Closes.").ValidateOnStart();
        services.AddScoped<FirstAppointmentBooking>();
        services.AddScoped<FirstAppointmentsApi.Runner>();
        services.AddSection<CaseFirstAppointmentViewComponent>(SectionPlace.CaseSummary, 15);
        services.AddCaseRows<FirstAppointment>();
        services.AddSection<CoachFirstAppointmentsViewComponent>(SectionPlace.StartPage, 100);
        services.AddSection<DistrictFirstAppointmentsViewComponent>(SectionPlace.StartPage, 110);
        services.AddEndpoints(routes => routes.MapFirstAppointmentsApi());
        return services;
    }
}
