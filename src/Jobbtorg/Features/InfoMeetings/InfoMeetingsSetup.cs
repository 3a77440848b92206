using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

public static class InfoMeetingsSetup
{
    /// <summary>Info meetings, quotas and the waiting list, with `Jobbtorg:InfoMeetings`, and their endpoints.</summary>
    public static IServiceCollection AddInfoMeetings(this IServiceCollection services)
    {
        services.AddOptions<InfoMeetingOptions>().BindConfiguration("Jobbtorg:InfoMeetings").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BookInfoMeeting>();
        services.AddScoped<RecordMeetingOutcome>();
        services.AddScoped<CancelInfoMeeting>();
        services.AddScoped<ScheduleInfoMeetings>();
        services.AddScoped<SetDistrictQuota>();
        services.AddScoped<ServeWaitingList>();
        services.AddScoped<ReleaseCaseSeat>();
        services.AddScoped<FindNextFreeTime>();
        services.AddHostedService<WaitingListRounds>();
        services.AddSection<CaseInfoMeetingViewComponent>(SectionPlace.CaseSummary, 10);
        services.AddCaseRows<InfoMeetingBooking>();
        services.AddSection<DistrictInfoMeetingsViewComponent>(SectionPlace.StartPage, 60);
        services.AddEndpoints(routes => routes.MapInfoMeetingsApi());
        return services;
    }
}
