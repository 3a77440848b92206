using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Attendance;

public static class AttendanceSetup
{
    /// <summary>Attendance registration and the daily rounds, with `Jobbtorg:Attendance`.</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddOptions<AttendanceOptions>().BindConfiguration("Jobbtorg:Attendance").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AttendanceRegister>();
        services.AddScoped<AttendanceRounds>();
        services.AddHostedService<AttendanceRoundsService>();
        services.AddSection<CaseAttendanceViewComponent>(SectionPlace.CaseDetail, 20);
        services.AddSection<NotRegisteredViewComponent>(SectionPlace.StartPage, 30);
        return services;
    }
}
