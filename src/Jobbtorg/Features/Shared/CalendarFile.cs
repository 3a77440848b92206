using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Jobbtorg.Features.Shared;

/// <summary>An iCalendar file (.ics) with one appointment in Stockholm time (TZID=Europe/Stockholm), as the info-meeting
/// and three-party-meeting invitations are downloaded. The file carries the time zone's rules itself (RFC 5545 requires
/// them), so a calendar that does not know the zone by name still puts the meeting at the right hour in winter and summer.</summary>
public static class CalendarFile
{
    public const string TimeZone = "Europe/Stockholm";

    /// <summary>The appointment comes with its summary, place and description; <paramref name="uid"/> names it within
    /// the app (stable per appointment, so a later download updates the same calendar entry) and is made globally unique
    /// with <paramref name="host"/>, the app's own domain. The times, the stamp and the status are set here.</summary>
    public static string Of(CalendarEvent appointment, string uid, string host, DateTimeOffset startsAt, DateTimeOffset endsAt,
        bool cancelled, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddTimeZone(Stockholm());
        appointment.Uid = $"{uid}@{host}";
        appointment.Start = new CalDateTime(startsAt.ToStockholm().DateTime, TimeZone);
        appointment.End = new CalDateTime(endsAt.ToStockholm().DateTime, TimeZone);
        appointment.DtStamp = new CalDateTime(now.UtcDateTime, "UTC");
        appointment.Status = cancelled ? "CANCELLED" : "CONFIRMED";
        calendar.Events.Add(appointment);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The domain that makes a calendar entry's UID unique: the configured public address's host
    /// (<c>Jobbtorg:PublicUrl</c>), else the host the request came to (the app answers only its allowed hosts).</summary>
    public static string Host(PublicUrlOptions options, HttpRequest request) =>
        options.PublicUrl is { } url ? url.Host : request.Host.Host;

    /// <summary>Sweden's time since 1996, the EU rule: summer time (UTC+2) from 02:00 on the last Sunday of March, winter
    /// time (UTC+1) from 03:00 on the last Sunday of October.</summary>
    internal static VTimeZone Stockholm()
    {
        var zone = new VTimeZone { TzId = TimeZone };
        zone.TimeZoneInfos.Add(Observance("DAYLIGHT", "CEST", from: 1, to: 2, new CalDateTime(1996, 3, 31, 2, 0, 0), month: 3));
        zone.TimeZoneInfos.Add(Observance("STANDARD", "CET", from: 2, to: 1, new CalDateTime(1996, 10, 27, 3, 0, 0), month: 10));
        return zone;
    }

    private static VTimeZoneInfo Observance(string name, string abbreviation, int from, int to, CalDateTime start, int month)
    {
        var rule = new RecurrencePattern(FrequencyType.Yearly);
        rule.ByMonth.Add(month);
        rule.ByDay.Add(new WeekDay(DayOfWeek.Sunday, -1));
        return new VTimeZoneInfo
        {
            Name = name,
            TimeZoneName = abbreviation,
            OffsetFrom = new UtcOffset(TimeSpan.FromHours(from)),
            OffsetTo = new UtcOffset(TimeSpan.FromHours(to)),
            Start = start,
            RecurrenceRule = rule,
        };
    }
}
