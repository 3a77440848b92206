using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Jobbtorg.Features.Shared;

/// <summary>An iCalendar file (.ics) with one appointment in Stockholm time (TZID=Europe/Stockholm), as the info-meeting
/// and three-party-meeting invitations are downloaded.</summary>
public static class CalendarFile
{
    public const string TimeZone = "Europe/Stockholm";

    /// <summary>The appointment comes with its own Uid (stable per appointment, so a later download updates the same calendar
    /// entry), summary, place and description; the times, the stamp and the status are set here.</summary>
    public static string Of(CalendarEvent appointment, DateTimeOffset startsAt, DateTimeOffset endsAt, bool cancelled, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddTimeZone(new VTimeZone(TimeZone));
        appointment.Start = new CalDateTime(startsAt.ToStockholm().DateTime, TimeZone);
        appointment.End = new CalDateTime(endsAt.ToStockholm().DateTime, TimeZone);
        appointment.DtStamp = new CalDateTime(now.UtcDateTime, "UTC");
        appointment.Status = cancelled ? "CANCELLED" : "CONFIRMED";
        calendar.Events.Add(appointment);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
