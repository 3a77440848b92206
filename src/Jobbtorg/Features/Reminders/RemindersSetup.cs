using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reminders;

public static class RemindersSetup
{
    /// <summary>Reminders to participants by SMS and e-mail, with `Jobbtorg:Reminders`.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration("Jobbtorg:Reminders").ValidateDataAnnotations().ValidateOnStart();
        // The kinds of appointment reminded of; a new kind is one more line here.
        services.AddSingleton<IAppointmentSource, InfoMeetingAppointments>();
        services.AddSingleton<IAppointmentSource, ThreePartyMeetingAppointments>();
        services.AddSingleton<IAppointmentSource, FirstAppointmentAppointments>();
        services.AddScoped<ReminderOutbox>();
        services.AddScoped<ReminderRound>();
        services.AddHttpClient(SmsReminderSender.HttpClientName);
        services.AddSingleton<SmtpReminderSender>();
        services.AddSingleton<SmsReminderSender>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<RemindersService>();
        services.AddHostedService(provider => provider.GetRequiredService<RemindersService>());
        services.AddSection<CaseRemindersViewComponent>(SectionPlace.CaseDetail, 40);
        services.AddCaseRows<ReminderConsent>().AddCaseRows<ReminderMessage>();
        return services;
    }
}
