using Ical.Net.CalendarComponents;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.ThreePartyMeetings;

/// <summary>The calendar invitation for the staff who take part: in Swedish, in Stockholm time, naming the case number
/// and never the person's name or personal number, since calendars are often shared.</summary>
public static class MeetingInvitation
{
    public static string Title(ThreePartyMeeting meeting) => $"Trepartssamtal, ärende {meeting.Case.CaseRef}";

    public static string FormText(ThreePartyMeetingForm form) => form switch
    {
        ThreePartyMeetingForm.Video => "Videomöte",
        ThreePartyMeetingForm.Phone => "Telefonmöte",
        _ => "Möte på plats",
    };

    public static string ToICalendar(ThreePartyMeeting meeting, string host, DateTimeOffset now)
    {
        var c = meeting.Case;
        return CalendarFile.Of(new CalendarEvent
        {
            Sequence = meeting.IsPlanned ? 0 : 1,
            Summary = Title(meeting),
            Location = meeting.Form == ThreePartyMeetingForm.InPerson ? meeting.Place : $"{FormText(meeting.Form)}: {meeting.Place}",
            Description = string.Join("\n",
                $"Trepartssamtal om ärende {c.CaseRef}: deltagaren, jobbcoachen och handläggaren på socialtjänsten.",
                $"Jobbtorg: {c.JobCentre.Name}. Stadsdelsområde: {c.District.Name}.",
                $"Jobbcoach: {c.CoachName ?? "–"}.",
                $"{FormText(meeting.Form)}: {meeting.Place}",
                $"Bokat av {meeting.BookedBy} {Texts.Instant(meeting.BookedAt)}."),
        }, // Stable per meeting, so a cancellation downloaded later replaces the same calendar entry.
            $"trepartssamtal-{meeting.Id}", host, meeting.StartsAt, meeting.EndsAt, meeting.Status == ThreePartyMeetingStatus.Cancelled, now);
    }

    public static string FileName(ThreePartyMeeting meeting) => $"trepartssamtal-{meeting.Case.CaseRef}-{meeting.LocalStart:yyyy-MM-dd}.ics";
}
