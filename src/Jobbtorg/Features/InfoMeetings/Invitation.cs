using Ical.Net.CalendarComponents;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>The participant's invitation to an info meeting, always in Swedish: the letter is for the person, whatever
/// language the case worker's screen is in. It names no personal number.</summary>
public static class Invitation
{
    public static readonly string[] WhatToBring =
    [
        "Giltig legitimation (eller annan handling som visar vem du är).",
        "Ditt CV och betyg eller intyg, om du har några.",
        "Något att anteckna med.",
    ];

    public const string Practicalities =
        "Mötet är i grupp och berättar hur jobbtorget kan hjälpa dig till arbete eller studier. Efter mötet får du en egen " +
        "jobbcoach. Kom i god tid. Kan du inte komma? Kontakta din handläggare på socialtjänsten så bokar vi en ny tid. " +
        "Att delta är en del av din planering för att bli självförsörjande.";

    public static string Title(InfoMeeting meeting) =>
        (meeting.Kind == MeetingKind.Youth ? "Informationsmöte för unga på " : "Informationsmöte på ") + meeting.JobCentre.Name;

    /// <summary>An iCalendar file with the meeting in Stockholm time (TZID=Europe/Stockholm). It names the centre, its
    /// address, phone number and the way there, and nothing about the person.</summary>
    public static string ToICalendar(InfoMeetingBooking booking, string host, DateTimeOffset now)
    {
        var meeting = booking.Meeting;
        var centre = meeting.JobCentre;
        return CalendarFile.Of(new CalendarEvent
        {
            Summary = Title(meeting),
            Location = Where(meeting),
            Description = string.Join("\n", [
                $"Lokal: {meeting.Room}. Mötet hålls på {meeting.Language}.",
                .. centre.Phone is { Length: > 0 } phone ? [$"Telefon till {centre.Name}: {phone}."] : Array.Empty<string>(),
                .. centre.Directions is { Length: > 0 } directions ? [$"Hitta hit: {directions}"] : Array.Empty<string>(),
                "Ta med:", .. WhatToBring.Select(item => "- " + item), "", Practicalities]),
        }, // Stable per booking, so a second download updates the same calendar entry.
            $"infomote-{booking.Id}", host, meeting.StartsAt, meeting.EndsAt, meeting.IsCancelled, now);
    }

    public static string Where(InfoMeeting meeting) => meeting.JobCentre.NameAndAddress();

    /// <summary>A phone number as a tel: link dials it: digits and a leading +, Swedish numbers as +46 (08-… → +468…).</summary>
    public static string Dialled(string phone)
    {
        var digits = new string(phone.Where(ch => char.IsAsciiDigit(ch)).ToArray());
        return phone.TrimStart().StartsWith('+') ? "+" + digits
            : digits.StartsWith('0') ? "+46" + digits[1..]
            : digits;
    }

    public static string FileName(InfoMeeting meeting) => $"informationsmote-{meeting.LocalStart:yyyy-MM-dd}.ics";
}
