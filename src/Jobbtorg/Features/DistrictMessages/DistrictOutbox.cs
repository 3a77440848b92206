using System.Text.Json;
using System.Text.Json.Serialization;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.DistrictMessages;

/// <summary>Puts messages in the outbox. Call before the SaveChanges that stores the change itself.</summary>
public sealed class DistrictOutbox(JobbtorgDb db, TimeProvider clock, DistrictEndpoints endpoints)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Adds the message for the case's district. <paramref name="text"/> is a short Swedish sentence a case
    /// worker reads in the inbox; <paramref name="details"/> is left out when the person has not consented.</summary>
    public DistrictMessage Enqueue(Case c, MessageKind kind, string text, object? details)
    {
        var districtCode = c.District?.Code ?? throw new InvalidOperationException("Load the case's district before writing to it.");
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var consent = c.ConsentGiven;
        var body = new DistrictMessageBody(id, kind, districtCode, c.CaseRef, c.DistrictReferralId, now, !consent,
            consent ? text : NoConsentText, consent ? details : null);
        var message = new DistrictMessage
        {
            MessageId = id,
            DistrictId = c.DistrictId,
            CaseId = c.Id,
            Kind = kind,
            Body = JsonSerializer.Serialize(body, Json),
            HasDetails = consent,
            CreatedAt = now,
            State = endpoints.For(districtCode) is null ? DeliveryState.Inbox : DeliveryState.Pending,
            NextAttemptAt = now,
        };
        db.DistrictMessages.Add(message);
        return message;
    }

    public DistrictMessage PlanAgreed(Case c, Plans.PlanVersion plan) => Enqueue(c, MessageKind.PlanAgreed,
        $"Planen (version {plan.Number}) är överenskommen med deltagaren {plan.AgreedOn:yyyy-MM-dd}.",
        new
        {
            plan.Number,
            plan.AgreedOn,
            Goal = new { Ssyk = plan.GoalSsykCode, Title = plan.GoalTitle },
            plan.Summary,
            Activities = plan.Activities.Select(a => new
            {
                Type = a.ActivityType?.NameSv, a.StartDate, a.EndDate, a.HoursPerWeek, Provider = a.Provider?.Name,
            }).ToList(),
        });

    public DistrictMessage Closure(Case c) => Enqueue(c, MessageKind.Closure,
        $"Ärendet avslutades {c.ClosureDate:yyyy-MM-dd}.",
        new { c.ClosureDate, c.ClosureReason, c.ClosureSubReason });

    public DistrictMessage InfoMeetingNoShow(Case c, InfoMeetings.InfoMeeting meeting) => Enqueue(c, MessageKind.InfoMeetingNoShow,
        $"Deltagaren kom inte till informationsmötet {meeting.LocalStart:yyyy-MM-dd HH:mm}. En ny tid bokas.",
        new { MeetingStart = meeting.LocalStart, JobCentre = meeting.JobCentre?.Code });

    /// <summary>Sent the day it is registered: participation is tied to the right to benefit.</summary>
    public DistrictMessage UnexcusedAbsence(Case c, DateOnly date, Organisation.ActivityType activity) => Enqueue(c, MessageKind.UnexcusedAbsence,
        $"Deltagaren hade ogiltig frånvaro {date:yyyy-MM-dd} från aktiviteten {activity.NameSv}.",
        new { Date = date, Status = "UnexcusedAbsence", Activity = new { activity.Code, Name = activity.NameSv } });

    /// <summary>A required day nobody registered. Worded as a gap in the registration, never as absence: people have lost
    /// benefit because their attendance was simply not registered.</summary>
    public DistrictMessage AttendanceNotRegistered(Case c, DateOnly date, IEnumerable<Organisation.ActivityType> activities)
    {
        var list = activities.ToList();
        return Enqueue(c, MessageKind.AttendanceNotRegistered,
            $"Närvaron {date:yyyy-MM-dd} ({string.Join(", ", list.Select(a => a.NameSv))}) har inte registrerats av jobbtorget. " +
            "Det betyder inte att deltagaren var frånvarande; närvaron registreras i efterhand.",
            new { Date = date, Status = "NotRegistered", Activities = list.Select(a => new { a.Code, Name = a.NameSv }).ToList() });
    }

    /// <summary>The week's attendance per participant, counted from the registrations as they stand when it is sent.</summary>
    public DistrictMessage WeeklyAttendance(Case c, DateOnly monday, int isoWeek, object counts, object days, int present, int excused,
        int unexcused, int notRegistered) => Enqueue(c, MessageKind.WeeklyAttendance,
        $"Närvaro vecka {isoWeek} ({monday:yyyy-MM-dd}–{monday.AddDays(6):yyyy-MM-dd}): {present} närvarande, {excused} giltig frånvaro, " +
        $"{unexcused} ogiltig frånvaro, {notRegistered} ej registrerade (ej registrerad betyder inte frånvaro).",
        new { Week = isoWeek, From = monday, To = monday.AddDays(6), Counts = counts, Days = days });

    /// <summary>Who the district now reaches about the case, and how.</summary>
    public DistrictMessage CoachChanged(Case c, Access.AppUser coach) => Enqueue(c, MessageKind.CoachChanged,
        $"Deltagaren har fått en ny jobbcoach på {c.JobCentre?.Name ?? "jobbtorget"}: {coach.DisplayName}, {coach.Email}.",
        new { Coach = new { Name = coach.DisplayName, coach.Email }, JobCentre = c.JobCentre?.Code });

    public const string NoConsentText =
        "Det finns en händelse i ärendet. Personen har inte samtyckt till informationsutbyte: inhämta samtycke för att få veta mer.";
}
