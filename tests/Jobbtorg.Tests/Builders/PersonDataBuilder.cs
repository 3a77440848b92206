using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.FirstAppointments;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Reminders;
using Jobbtorg.Features.Shared;
using Jobbtorg.Features.ThreePartyMeetings;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Builders;

/// <summary>A person stored with every kind of data Jobbtorg holds, each text carrying <see cref="Tag"/>.</summary>
public sealed record FilledPerson(string PersonalNumber, int ParticipantId, string Tag, string ClosedCaseRef, string OpenCaseRef);

/// <summary>
/// Stores one person with one row of every kind of personal data: a closed case (with a placement, an info-meeting
/// outcome and a place on the waiting list) and an open one (paused and resumed, an agreed plan, a journal note and its
/// correction, attendance, an info-meeting booking, a three-party meeting, a first appointment, a reminder consent and
/// message, a message to the district), follow-up facts and an access-log entry. Made through the entities' own rules
/// where they have them, in Enskede-Årsta-Vantör's district at Jobbtorg Farsta, with dates before <paramref name="now"/>.
/// </summary>
public static class PersonDataBuilder
{
    public const string District = "enskede-arsta-vantor";

    public static async Task<FilledPerson> FillEveryKindAsync(JobbtorgDb db, string coachId, string personalNumber, string tag, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToStockholm().DateTime);
        var coach = await db.Users.SingleAsync(u => u.Id == coachId);
        var district = await db.Districts.SingleAsync(d => d.Code == District);
        var activityType = await db.ActivityTypes.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var person = new Participant { PersonalNumber = personalNumber, FirstName = "Förnamn" + tag, LastName = "Efternamn" + tag, Gender = Gender.F };

        var closed = Case.Refer(person, Gender.F, district, district.AdultJobCentreId, today.AddMonths(-26), now.AddMonths(-26), "Handläggare " + tag,
            ReferralChannel.Form);
        closed.ReferralText = "Anvisningstext " + tag;
        closed.ConsentGiven = true;
        closed.ConsentDate = today.AddMonths(-26);
        closed.Enrol(today.AddMonths(-25), coach, 35, today);
        closed.Close(today.AddMonths(-20), ClosureReason.Work, ClosureSubReason.Subsidised, "Avslutsanteckning " + tag, "Kim Coach", today);

        var open = Case.Refer(person, Gender.F, district, district.AdultJobCentreId, today.AddMonths(-6), now.AddMonths(-6), "Handläggare " + tag,
            ReferralChannel.Api);
        open.ReferralText = "Ny anvisning " + tag;
        open.HasChildren = true;
        open.Enrol(today.AddMonths(-6).AddDays(7), coach, 36, today);
        var plan = open.StartPlanVersion("Kim Coach", now.AddMonths(-6));
        plan.SetGoal(new Occupation("5120", "Kockar och kallskänkor"), "Plansammanfattning " + tag);
        plan.AddActivity(new PlannedActivity
        {
            ActivityTypeId = activityType, StartDate = today.AddMonths(-6).AddDays(9), EndDate = today.AddMonths(3), HoursPerWeek = 20, Note = "Aktivitet " + tag,
        });
        open.AgreePlan(today.AddMonths(-6).AddDays(9), "Kim Coach", today);
        open.Pause(today.AddMonths(-4), PauseReason.Sickness, "Uppehåll " + tag, today);
        open.Resume(today.AddMonths(-3), today);
        db.Participants.Add(person);
        db.Cases.AddRange(closed, open);
        await db.SaveChangesAsync();

        var note = open.WriteJournal(today.AddMonths(-2), "Journaltext " + tag, coach, now.AddMonths(-2), null, today);
        await db.SaveChangesAsync();
        open.WriteJournal(today.AddMonths(-2), "Rättelse " + tag, coach, now.AddMonths(-2).AddHours(1), note, today);

        var meeting = new InfoMeetingBuilder().AtCentre(district.AdultJobCentreId).On(NextWorkingDay(today.AddDays(6))).ScheduledAt(now).Build();
        db.InfoMeetings.Add(meeting);
        await db.SaveChangesAsync();
        db.InfoMeetingBookings.Add(InfoMeetingBooking.Create(meeting, open, chosenByHand: true, "Kim Coach", now));
        db.InfoMeetingWaits.Add(InfoMeetingWait.Join(closed, MeetingKind.Adult, now.AddMonths(-26)));
        db.InfoMeetingOutcomes.Add(new InfoMeetingOutcome { CaseId = closed.Id, Date = today.AddMonths(-26).AddDays(2), Attended = true });

        db.AttendanceDays.Add(new AttendanceDay
        {
            CaseId = open.Id, Date = today.AddMonths(-1), Status = AttendanceStatus.Present, ActivityTypeId = activityType,
            RecordedById = coach.Id, RecordedBy = coach.DisplayName, RecordedAt = now.AddMonths(-1),
        });
        db.ThreePartyMeetings.Add(ThreePartyMeeting.Book(open, [], now.AddDays(2), 60, ThreePartyMeetingForm.Phone, "Telefon " + tag, coach, now));
        var appointment = FirstAppointment.Book(open, [], Clock.FromStockholm(NextWorkingDay(today.AddDays(1)), new TimeOnly(10, 0))!.Value, coach,
            [coach.Id], new FirstAppointmentOptions(), "Kim Coach", now);
        db.FirstAppointments.Add(appointment);
        db.ReminderConsents.Add(ReminderConsent.Record(open.Id, bySms: true, "070-123 45 67", byEmail: true, $"deltagare.{tag}@example.org", "Kim Coach", now));
        db.ReminderMessages.Add(new ReminderMessage
        {
            Key = $"extract-{tag}-{Guid.NewGuid():N}", CaseId = open.Id, Appointment = AppointmentKind.CoachAppointment, BookingId = 1,
            Kind = ReminderKind.Reminder, Channel = ReminderChannel.Sms, StartsAt = now.AddDays(1), Subject = "Påminnelse " + tag,
            Body = "Välkommen " + tag, CreatedAt = now, State = ReminderState.Sent, NextAttemptAt = now, SentAt = now,
        });
        db.DistrictMessages.Add(new DistrictMessage
        {
            MessageId = Guid.NewGuid(), DistrictId = district.Id, CaseId = open.Id, Kind = MessageKind.Enrolled, Body = $"{{\"note\":\"Meddelande {tag}\"}}",
            HasDetails = true, CreatedAt = now.AddMonths(-6), State = DeliveryState.Inbox,
        });
        // Follow-up facts entered by hand: where they came from and who entered them belong to the extract too.
        db.BenefitMonths.Add(new BenefitMonth
        {
            ParticipantId = person.Id, Month = new DateOnly(today.Year, today.Month, 1).AddMonths(-14), ReceivesBenefit = false,
            Source = FollowUpSource.Call, InformedOn = today.AddMonths(-13), RecordedBy = "Uppföljare " + tag, RecordedAt = now,
        });
        db.OccupationObservations.Add(new OccupationObservation
        {
            ParticipantId = person.Id, Date = today.AddMonths(-17), Status = OccupationStatus.Working, Source = FollowUpSource.Letter,
            RecordedBy = "Uppföljare " + tag, RecordedAt = now,
        });
        db.Placements.Add(new Placement
        {
            CaseId = closed.Id, Kind = PlacementKind.MunicipalJob, StartDate = today.AddMonths(-24), EndDate = today.AddMonths(-21),
        });
        // A special programme the open case is in (the programme's name is no one's data; who placed the case there is).
        var programme = Features.Programmes.Programme.Create(new Features.Programmes.ProgrammeRequest
            { Name = "Insats " + Guid.NewGuid().ToString("N")[..12], Kind = Features.Programmes.ProgrammeKind.LeavingCrime }, "Admin", now);
        db.Add(programme);
        db.Add(Features.Programmes.ProgrammeMembership.Join(programme, open, open.ReferralDate, takenInByProgramme: true, "Anslutare " + tag, now));
        db.AccessLog.Add(new AccessLogEntry
        {
            At = now.AddDays(-1), PrincipalKind = PrincipalKind.User, Principal = "Läsare " + tag, UserId = coach.Id, ParticipantId = person.Id, CaseId = open.Id,
            CaseRef = open.CaseRef, Kind = AccessKind.Read, Action = "GET /Cases/Details", Path = $"/Cases/Details/{open.Id}", Reason = "Skäl " + tag,
        });
        var initial = await db.InstrumentVersions.Where(v => v.Instrument == Features.Assessments.Instrument.Initial).OrderBy(v => v.Version).FirstAsync();
        var assessment = Features.Assessments.Assessment.Begin(open, initial, "Kim Coach", byDistrict: false, now.AddMonths(-6));
        assessment.SaveAnswers(new Dictionary<string, string> { ["health_limits"] = "some", ["own_goal"] = "Eget mål " + tag }, now.AddMonths(-6));
        assessment.Sign(today.AddMonths(-6).AddDays(2), today, Features.Assessments.Availability.PartlyAvailable, Features.Assessments.NeedCategory.Situational,
            null, initial.Parsed.Suggest(assessment.AnswerMap), null, "Kim Coach", now.AddMonths(-6));
        db.Assessments.Add(assessment);
        var employer = Features.Employers.Employer.Register(new Features.Employers.EmployerRequest
        {
            OrganisationNumber = "5599003018", Unit = "Enhet " + tag, Name = "Extrakt AB", Industry = Features.Employers.Industry.G,
        }, "Mia Matchare", now);
        db.Add(employer);
        await db.SaveChangesAsync();
        var vacancy = Features.Employers.Vacancy.Register(new Features.Employers.VacancyRequest
        {
            EmployerId = employer.Id, Title = "Tjänst " + tag, Occupation = "9332", Kind = PlacementKind.Employment, Places = 1, HoursPerWeek = 40,
            PlaceOfWork = "Farsta", StartDate = today.AddDays(30), LastDayToPropose = today.AddDays(10),
        }, "Mia Matchare", now);
        db.Add(vacancy);
        await db.SaveChangesAsync();
        db.Add(Features.Matching.Proposal.Propose(vacancy, open.Id, today, "Mia Matchare", null, now));
        db.Add(Features.Matching.MatchingHelpRequest.Ask(open.Id, "Hjälp " + tag, "Kim Coach", now));
        await db.SaveChangesAsync();
        return new FilledPerson(personalNumber, person.Id, tag, closed.CaseRef, open.CaseRef);
    }

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
