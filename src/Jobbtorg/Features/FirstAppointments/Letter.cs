using Ical.Net.CalendarComponents;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.FirstAppointments;

/// <summary>The participant's letter about the first appointment, always in Swedish: the time, the place, the coach and how to
/// reach them. It names no personal number, no case details and nothing from the referral or the journal.</summary>
public static class Letter
{
    public const string Title = "Första samtal med din jobbcoach";

    public const string Practicalities =
        "Samtalet är ett enskilt möte mellan dig och din jobbcoach. Ni pratar om dina erfarenheter och vad du vill göra, " +
        "och börjar planera vägen till arbete eller studier. Ta med giltig legitimation, och gärna ditt CV och betyg eller intyg. " +
        "Kan du inte komma? Kontakta din jobbcoach så snart som möjligt, så bokar ni en ny tid.";

    /// <summary>How the person reaches the coach: e-mail and, when the staff record has one, telephone.</summary>
    public static IEnumerable<string> Reach(Access.AppUser coach) =>
        new[] { coach.Email is { Length: > 0 } email ? $"E-post: {email}" : null,
                string.IsNullOrWhiteSpace(coach.PhoneNumber) ? null : $"Telefon: {coach.PhoneNumber}" }
            .Where(x => x is not null)!;

    /// <summary>The appointment in Stockholm time; a move or a cancellation downloaded later updates the same calendar entry.</summary>
    public static string ToICalendar(FirstAppointment a, string host, DateTimeOffset now) =>
        CalendarFile.Of(new CalendarEvent
        {
            Sequence = a.Moves + (a.Status == FirstAppointmentStatus.Cancelled ? 1 : 0),
            Summary = Title,
            Location = a.Case.JobCentre.NameAndAddress(),
            Description = string.Join("\n", [$"Jobbcoach: {a.Coach.DisplayName}.", .. Reach(a.Coach), "", Practicalities]),
        }, $"forsta-samtal-{a.Id}", host, a.StartsAt, a.EndsAt, a.Status == FirstAppointmentStatus.Cancelled, now);

    public static string FileName(FirstAppointment a) => $"forsta-samtal-{a.LocalStart:yyyy-MM-dd}.ics";
}
