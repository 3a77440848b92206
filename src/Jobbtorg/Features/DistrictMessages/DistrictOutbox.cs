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

    /// <summary>Every agreed version. A later version is the plan's review: the text says so and the details name the
    /// version it replaces (<c>review</c> is null for the first plan); <c>reviewDue</c> is when the next review is due.</summary>
    public DistrictMessage PlanAgreed(Case c, Plans.PlanVersion plan)
    {
        var replaced = c.Plans.Where(p => p.Status == Plans.PlanStatus.Agreed && p.Number < plan.Number).MaxBy(p => p.Number);
        var reviewDue = plan.AgreedOn is { } agreed ? Calendar.Dates.PlusMonths(agreed, Case.PlanReviewMonths) : (DateOnly?)null;
        var text = replaced is null
            ? $"Planen (version {plan.Number}) är överenskommen med deltagaren {plan.AgreedOn:yyyy-MM-dd}."
            : $"Planen har följts upp: version {plan.Number} är överenskommen med deltagaren {plan.AgreedOn:yyyy-MM-dd} och ersätter " +
              $"version {replaced.Number} från {replaced.AgreedOn:yyyy-MM-dd}. Nästa uppföljning senast {reviewDue:yyyy-MM-dd}.";
        return Enqueue(c, MessageKind.PlanAgreed, text, new
        {
            plan.Number,
            plan.AgreedOn,
            Goal = new { Ssyk = plan.GoalSsykCode, Title = plan.GoalTitle },
            plan.Summary,
            Activities = plan.Activities.Select(a => new
            {
                Type = a.ActivityType?.NameSv, a.StartDate, a.EndDate, a.HoursPerWeek, Provider = a.Provider?.Name,
            }).ToList(),
            Review = replaced is null ? null : new { ReplacesVersion = replaced.Number, ReplacesAgreedOn = replaced.AgreedOn },
            ReviewDue = reviewDue,
        });
    }

    /// <summary>Who now works with the person, and how the district reaches them: the coach's e-mail address and, when the
    /// staff record has one, telephone number.</summary>
    public DistrictMessage Enrolled(Case c)
    {
        var coach = c.Coach ?? throw new InvalidOperationException("Enrol the case before telling the district.");
        var reach = string.Join(", ", new[] { coach.Email, string.IsNullOrWhiteSpace(coach.PhoneNumber) ? null : $"tel. {coach.PhoneNumber}" }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        var deadline = c.JobGuaranteeDeadline;
        return Enqueue(c, MessageKind.Enrolled,
            $"Deltagaren är inskriven på {c.JobCentre?.Name ?? "jobbtorget"} från {c.EnrolmentDate:yyyy-MM-dd}. Jobbcoach: {coach.DisplayName}" +
            (reach.Length > 0 ? $", {reach}." : ".") +
            (deadline is { } due ? $" Jobbplanen ska vara överenskommen senast {due:yyyy-MM-dd}." : ""),
            new
            {
                c.EnrolmentDate,
                JobCentre = c.JobCentre?.Code,
                Coach = new { Name = coach.DisplayName, coach.Email, Phone = string.IsNullOrWhiteSpace(coach.PhoneNumber) ? null : coach.PhoneNumber },
                PlanDue = deadline,
            });
    }

    /// <summary>The booked info-meeting time is cancelled because the case no longer needs it. The person may already
    /// hold the invitation letter: the text says it no longer applies.</summary>
    public DistrictMessage InfoMeetingCancelled(Case c, InfoMeetings.InfoMeeting meeting, InfoMeetings.CancellationReason reason)
    {
        var when = $"{meeting.LocalStart:yyyy-MM-dd HH:mm}";
        var text = reason switch
        {
            InfoMeetings.CancellationReason.EnrolledBeforeMeeting =>
                $"Deltagaren skrevs in före informationsmötet {when} och ska inte komma dit: tiden är avbokad.",
            InfoMeetings.CancellationReason.CaseClosed => $"Ärendet avslutades före informationsmötet {when}: tiden är avbokad.",
            _ => $"Tiden på informationsmötet {when} är avbokad.",
        } + " En kallelse som deltagaren redan har fått gäller inte längre.";
        return Enqueue(c, MessageKind.InfoMeetingCancelled, text,
            new { MeetingStart = meeting.LocalStart, JobCentre = meeting.JobCentre?.Code, Reason = reason });
    }

    /// <summary>Breaks matter for the benefit: the pause's first day and its reason. The coach's note is never sent.</summary>
    public DistrictMessage Paused(Case c, CasePause pause) => Enqueue(c, MessageKind.Paused,
        $"Ärendet är pausat från och med {pause.PausedOn:yyyy-MM-dd} (orsak: {ReasonSv(pause.Reason)}). " +
        "Pausade arbetsdagar räknas inte in i tiden för jobbplanen.",
        new { pause.PausedOn, pause.Reason });

    /// <summary>Restarts matter too: the resume date, the pause it ends, and the plan's deadline when the plan is still due.</summary>
    public DistrictMessage Resumed(Case c, CasePause pause)
    {
        var due = c.FirstPlanAgreedOn is null ? c.JobGuaranteeDeadline : null;
        return Enqueue(c, MessageKind.Resumed,
            $"Ärendet återupptogs {pause.ResumedOn:yyyy-MM-dd} efter en paus från och med {pause.PausedOn:yyyy-MM-dd} (orsak: {ReasonSv(pause.Reason)})." +
            (due is { } d ? $" Jobbplanen ska vara överenskommen senast {d:yyyy-MM-dd}." : ""),
            new { pause.ResumedOn, pause.PausedOn, pause.Reason, PlanDue = due });
    }

    private static string ReasonSv(PauseReason reason) => reason switch
    {
        PauseReason.Sickness => "sjukdom",
        PauseReason.ParentalLeave => "föräldraledighet",
        _ => "annat",
    };

    /// <summary>Work or an internship changes the person's benefit: the district hears when a placement starts, where and
    /// for how many hours. The note is the job centre's own and never sent.</summary>
    public DistrictMessage PlacementStarted(Case c, Placements.Placement p) => Enqueue(c, MessageKind.PlacementStarted,
        $"Deltagaren har fått {KindSv(p.Kind)} hos {p.EmployerName} från och med {p.StartDate:yyyy-MM-dd}" +
        (p.EndDate is { } end ? $" till och med {end:yyyy-MM-dd}" : "") + (p.HoursPerWeek is { } hours ? $", {hours} timmar i veckan." : "."),
        new { p.Kind, p.StartDate, p.EndDate, p.HoursPerWeek, p.WageForm, p.Subsidy, Employer = new { Name = p.EmployerName, OrganisationNumber = p.EmployerOrganisationNumber }, p.Matched });

    public DistrictMessage PlacementEnded(Case c, Placements.Placement p) => Enqueue(c, MessageKind.PlacementEnded,
        $"Deltagarens {KindSv(p.Kind)} hos {p.EmployerName} slutar {p.EndDate:yyyy-MM-dd}.",
        new { p.Kind, p.StartDate, p.EndDate, Employer = new { Name = p.EmployerName, OrganisationNumber = p.EmployerOrganisationNumber } });

    private static string KindSv(Placements.PlacementKind kind) => kind switch
    {
        Placements.PlacementKind.Internship => "praktik",
        Placements.PlacementKind.Employment => "anställning",
        Placements.PlacementKind.SubsidizedEmployment => "anställning med stöd",
        _ => "Stockholmsjobb",
    };

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

    /// <summary>An in-depth assessment found the person not available for work: the district is told, and a three-party meeting
    /// (participant, coach, case worker) is proposed rather than a plan that cannot work. The details carry the result,
    /// never the answers.</summary>
    public DistrictMessage AssessedNotAvailable(Case c, Assessments.Assessment assessment) => Enqueue(c, MessageKind.AssessedNotAvailable,
        $"Den fördjupade bedömningen {assessment.AssessedOn:yyyy-MM-dd} visar att deltagaren inte står till arbetsmarknadens förfogande just nu " +
        $"(behovskategori: {NeedSv(assessment.NeedCategory)}). Jobbtorget föreslår ett trepartssamtal med deltagaren, jobbcoachen och " +
        "handläggaren för att planera vidare, i stället för en jobbplan som inte går att genomföra.",
        new
        {
            assessment.AssessedOn, assessment.Instrument, assessment.Availability, assessment.NeedCategory,
            Proposed = "ThreePartyMeeting",
        });

    private static string NeedSv(Assessments.NeedCategory? need) => need switch
    {
        Assessments.NeedCategory.Standard => "standard",
        Assessments.NeedCategory.Situational => "situationsbestämd",
        Assessments.NeedCategory.SpeciallyAdapted => "särskilt anpassad",
        Assessments.NeedCategory.LongTermAdapted => "varaktigt anpassad",
        _ => "–",
    };

    /// <summary>The message as it is sent when the person's consent no longer stands: the same message id, kind, case and
    /// time, but only the request to obtain consent, without the text and details it was written with.</summary>
    public static string WithoutDetails(string body)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        json["consentRequired"] = true;
        json["text"] = NoConsentText;
        json["details"] = null;
        return json.ToJsonString(Json);
    }

    public const string NoConsentText =
        "Det finns en händelse i ärendet. Personen har inte samtyckt till informationsutbyte: inhämta samtycke för att få veta mer.";
}
