using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Tests.CalendarFiles;

/// <summary>
/// The .ics files are read back with Ical.Net's parser, and the meeting's instant is worked out from the STANDARD and
/// DAYLIGHT rules inside the file's own VTIMEZONE (as ical.js and Outlook do), not from a time-zone database that knows
/// Europe/Stockholm by name. A file without those rules, or with wrong ones, puts the 09:30 meeting at the wrong hour.
/// </summary>
public sealed class CalendarFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static string File(DateTimeOffset startsAt) => CalendarFile.Of(
        new CalendarEvent { Summary = "Informationsmöte på Jobbtorg Farsta", Location = "Jobbtorg Farsta, Farstaplan 9, 123 47 Farsta" },
        "infomote-42", "jobbtorg.stockholm.se", startsAt, startsAt.AddMinutes(90), cancelled: false, Now);

    [Theory]
    [InlineData(2027, 1, 12, "2027-01-12T08:30:00Z")]  // winter: UTC+1
    [InlineData(2027, 6, 15, "2027-06-15T07:30:00Z")]  // summer: UTC+2
    [InlineData(2027, 3, 29, "2027-03-29T07:30:00Z")]  // the day after the clocks go forward (last Sunday of March)
    [InlineData(2027, 10, 29, "2027-10-29T07:30:00Z")] // the Friday before they go back (Sunday 31 October): still summer
    [InlineData(2027, 11, 1, "2027-11-01T08:30:00Z")]  // the Monday after
    public void A_0930_meeting_is_at_the_right_instant_by_the_rules_the_file_carries(int year, int month, int day, string utc)
    {
        var startsAt = Clock.FromStockholm(new DateOnly(year, month, day), new TimeOnly(9, 30))!.Value;

        var calendar = Ical.Net.Calendar.Load(File(startsAt))!;
        var meeting = calendar.Events.Single();

        Assert.Equal("Europe/Stockholm", meeting.Start!.TzId);
        Assert.Equal(new DateTime(year, month, day, 9, 30, 0), meeting.Start.Value);
        var expected = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, ByTheFilesOwnRules(calendar, meeting.Start));
        // And as a reader that knows the zone by name does.
        Assert.Equal(expected.UtcDateTime, meeting.Start.AsUtc);
    }

    [Fact]
    public void The_time_zone_has_a_standard_and_a_daylight_rule()
    {
        var ics = File(Clock.FromStockholm(new DateOnly(2027, 1, 12), new TimeOnly(9, 30))!.Value);

        var zone = Ical.Net.Calendar.Load(ics)!.TimeZones.Single();
        Assert.Equal("Europe/Stockholm", zone.TzId);
        var observances = zone.TimeZoneInfos.ToDictionary(o => o.Name);
        Assert.Equal(["DAYLIGHT", "STANDARD"], observances.Keys.Order());
        Assert.Equal(TimeSpan.FromHours(2), observances["DAYLIGHT"].OffsetTo!.Offset);
        Assert.Equal(TimeSpan.FromHours(1), observances["STANDARD"].OffsetTo!.Offset);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", ics);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", ics);
    }

    [Fact]
    public void The_uid_is_the_appointment_at_the_apps_own_domain()
    {
        var meeting = Ical.Net.Calendar.Load(File(Now.AddDays(3)))!.Events.Single();
        Assert.Equal("infomote-42@jobbtorg.stockholm.se", meeting.Uid);
    }

    [Fact]
    public void The_domain_is_the_configured_public_address_else_the_host_the_request_came_to()
    {
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Host = new Microsoft.AspNetCore.Http.HostString("jobbtorg.intern.example", 8443);

        Assert.Equal("jobbtorg.stockholm.se",
            CalendarFile.Host(new PublicUrlOptions { PublicUrl = new Uri("https://jobbtorg.stockholm.se/") }, request));
        Assert.Equal("jobbtorg.intern.example", CalendarFile.Host(new PublicUrlOptions(), request));
    }

    [Fact]
    public void A_public_address_that_is_not_an_absolute_web_address_stops_the_start()
    {
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new PublicUrlOptions { PublicUrl = new Uri("jobbtorg.stockholm.se", UriKind.Relative) };
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), problems, validateAllProperties: true));
        Assert.Contains(problems, p => p.MemberNames.Contains(nameof(PublicUrlOptions.PublicUrl)));
    }

    /// <summary>The instant of a local time by the observances in the calendar's VTIMEZONE of that TZID: the observance
    /// whose latest onset (its DTSTART and RRULE, expanded by Ical.Net) is at or before the local time gives the offset.</summary>
    private static DateTimeOffset ByTheFilesOwnRules(Ical.Net.Calendar calendar, CalDateTime local)
    {
        var zone = calendar.TimeZones.Single(z => z.TzId == local.TzId);
        Assert.NotEmpty(zone.TimeZoneInfos);
        var onsets = new List<(DateTime At, TimeSpan Offset)>();
        foreach (var observance in zone.TimeZoneInfos)
        {
            Assert.NotNull(observance.RecurrenceRule);
            var start = observance.Start!;
            var probe = new CalendarEvent { DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second) };
            probe.RecurrenceRule = observance.RecurrenceRule;
            foreach (var occurrence in probe.GetOccurrences().TakeWhile(o => o.Period.StartTime.Year <= local.Year))
                onsets.Add((occurrence.Period.StartTime.Value, observance.OffsetTo!.Offset));
        }
        var (_, offset) = onsets.Where(o => o.At <= local.Value).MaxBy(o => o.At);
        return new DateTimeOffset(local.Value, offset).ToUniversalTime();
    }
}
