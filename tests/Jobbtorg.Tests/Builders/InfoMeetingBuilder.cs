using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Tests.Builders;

/// <summary>
/// Builds an <see cref="InfoMeeting"/> in memory through the aggregate's own factory, so a test says only what matters
/// to it: <c>new InfoMeetingBuilder().Youth().StartingAt(t).WithSeats(10, booked: 10).Build()</c>. By default an adult
/// meeting at Farsta (the centre of <see cref="CaseBuilder"/>'s cases) on Tuesday 14 May 2024 at 09:30, 15 seats,
/// scheduled at <see cref="Now"/>.
/// </summary>
public class InfoMeetingBuilder
{
    /// <summary>Monday 6 May 2024, 09:00 Stockholm.</summary>
    public static readonly DateTimeOffset Now = CaseBuilder.At(new DateOnly(2024, 5, 6));

    private int jobCentreId = CaseBuilder.FarstaJobCentreId;
    private MeetingKind kind = MeetingKind.Adult;
    private DateOnly date = new(2024, 5, 14);
    private TimeOnly time = new(9, 30);
    private int capacity = 15;
    private int bookedSeats;
    private int id;
    private DateTimeOffset scheduledAt = Now;

    public InfoMeetingBuilder WithId(int meetingId)
    {
        id = meetingId;
        return this;
    }

    public InfoMeetingBuilder AtCentre(int centreId)
    {
        jobCentreId = centreId;
        return this;
    }

    public InfoMeetingBuilder Youth()
    {
        kind = MeetingKind.Youth;
        return this;
    }

    public InfoMeetingBuilder On(DateOnly day, TimeOnly? at = null)
    {
        date = day;
        time = at ?? time;
        return this;
    }

    /// <summary>Starts at the instant, given in Stockholm time to the schedule as a manager would type it.</summary>
    public InfoMeetingBuilder StartingAt(DateTimeOffset instant)
    {
        var local = instant.ToStockholm();
        return On(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The seats, and how many of them the guarded updates have taken (a stored value, as the database holds it).</summary>
    public InfoMeetingBuilder WithSeats(int seats, int booked = 0)
    {
        capacity = seats;
        bookedSeats = booked;
        return this;
    }

    public InfoMeetingBuilder ScheduledAt(DateTimeOffset instant)
    {
        scheduledAt = instant;
        return this;
    }

    public MeetingRequest Request() => new()
    {
        JobCentre = "farsta", Kind = kind, Date = date, Time = time, DurationMinutes = 90, Room = "Sal 1", Capacity = capacity, Language = "svenska",
    };

    public InfoMeeting Build()
    {
        var scheduling = InfoMeeting.Schedule(Request(), jobCentreId, "Maria Chef", scheduledAt);
        Assert.Empty(scheduling.Broken);
        var meeting = scheduling.Meetings.Single();
        // Values only the database gives: the id, and the seat counter the guarded updates keep.
        Stored(meeting, nameof(InfoMeeting.Id), id);
        Stored(meeting, nameof(InfoMeeting.BookedSeats), bookedSeats);
        return meeting;
    }

    private static void Stored(InfoMeeting meeting, string property, object value) =>
        typeof(InfoMeeting).GetProperty(property)!.SetValue(meeting, value);
}
