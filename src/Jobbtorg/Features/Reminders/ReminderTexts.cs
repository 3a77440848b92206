using System.Globalization;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reminders;

/// <summary>
/// The words of a message to a participant, in Swedish. A message names only the place and the time: never the
/// benefit, the case, its number or the district's social services, because a text message or an e-mail may be read
/// by someone else. <see cref="Sensitive"/> lists words that must never appear; a text that holds one is not sent.
/// </summary>
public static class ReminderTexts
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    /// <summary>Words that would tell a reader more than that the person has a time at a job centre.</summary>
    public static readonly string[] Sensitive =
    [
        "försörjningsstöd", "ekonomiskt bistånd", "bistånd", "socialtjänst", "socialkontor", "socialsekreterare", "socialförvaltning",
        "stadsdelsförvaltning", "handläggare", "ärende", "trepart", "aktivitetskrav", "sanktion", "skyddad", "personnummer",
    ];

    public static bool HasSensitiveWords(string text) =>
        Sensitive.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>"tisdag 3 mars kl. 09:30" in Stockholm time.</summary>
    public static string When(DateTimeOffset startsAt) => startsAt.ToStockholm().ToString("dddd d MMMM 'kl.' HH:mm", Swedish);

    private static string AddressOf(Appointment a) => string.IsNullOrWhiteSpace(a.Address) ? "" : $", {a.Address}";

    private static string What(Appointment a) => a.Kind switch
    {
        AppointmentKind.ThreePartyMeeting or AppointmentKind.CoachAppointment => $"ett möte på {a.Centre}",
        _ => $"en tid på {a.Centre}",
    };

    /// <summary>"Påminnelse: Du har en tid på Jobbtorg Farsta tisdag 3 mars kl. 09:30, Storforsplan 36. Välkommen!"</summary>
    public static (string Subject, string Body) Reminder(Appointment a) =>
        ($"Påminnelse om din tid på {a.Centre}", $"Påminnelse: Du har {What(a)} {When(a.StartsAt)}{AddressOf(a)}. Välkommen!");

    public static (string Subject, string Body) Moved(Appointment from, Appointment to) =>
        ($"Din tid på {from.Centre} är flyttad",
         $"Din tid på {from.Centre} {When(from.StartsAt)} är flyttad. Ny tid: {When(to.StartsAt)} på {to.Centre}{AddressOf(to)}. Välkommen!");

    public static (string Subject, string Body) Cancelled(Appointment a) =>
        ($"Din tid på {a.Centre} är avbokad",
         $"Din tid på {a.Centre} {When(a.StartsAt)} är avbokad. Har du frågor kan du kontakta {a.Centre}.");

    /// <summary>The e-mail's text: the message and a line saying that nobody reads answers.</summary>
    public static string EmailBody(string body) => body + "\n\nDet här meddelandet skickas automatiskt och går inte att svara på.";
}
