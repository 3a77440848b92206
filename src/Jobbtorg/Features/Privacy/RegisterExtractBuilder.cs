using Jobbtorg.Features.Consent;
using Jobbtorg.Data;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.FirstAppointments;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Reminders;
using Jobbtorg.Features.ThreePartyMeetings;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Privacy;

/// <summary>
/// Gathers a person's register extract. One query per kind of data, for all the person's cases at once, whatever the
/// number of cases or rows; nothing is tracked. The page and the API both call <see cref="BuildAsync"/>, and producing
/// an extract names the person in the request's access-log entry (<see cref="AccessLogContext"/>).
/// </summary>
public sealed class RegisterExtractBuilder(JobbtorgDb db, TimeProvider clock, AccessLogContext accessLog)
{
    /// <summary>The section of the extract each stored kind of personal data appears in (the JSON property's name).
    /// A test holds the data model against this list, so a new table tied to a case or a person is not forgotten.</summary>
    public static readonly IReadOnlyDictionary<Type, string> SectionOf = new Dictionary<Type, string>
    {
        [typeof(Participant)] = "person",
        [typeof(Case)] = "cases",
        [typeof(CasePause)] = "cases",
        [typeof(PlanVersion)] = "plans",
        [typeof(PlannedActivity)] = "plans",
        [typeof(Assessments.Assessment)] = "assessments",
        [typeof(JournalEntry)] = "journal",
        [typeof(AttendanceDay)] = "attendance",
        [typeof(InfoMeetingBooking)] = "infoMeetings",
        [typeof(InfoMeetingOutcome)] = "infoMeetings",
        [typeof(InfoMeetingWait)] = "infoMeetings",
        [typeof(ThreePartyMeeting)] = "threePartyMeetings",
        [typeof(FirstAppointment)] = "firstAppointments",
        [typeof(ReminderConsent)] = "reminders",
        [typeof(ConsentRecord)] = "consent",
        [typeof(ReminderMessage)] = "reminders",
        [typeof(DistrictMessage)] = "messages",
        [typeof(BenefitMonth)] = "followUp",
        [typeof(OccupationObservation)] = "followUp",
        [typeof(Placement)] = "placements",
        [typeof(Matching.Proposal)] = "matching",
        [typeof(Matching.MatchingHelpRequest)] = "matching",
        [typeof(Programmes.ProgrammeMembership)] = "programmes",
        [typeof(AccessLogEntry)] = "accessLog",
    };

    /// <summary>The extract of the person with this 12-digit personal number; null when Jobbtorg holds nothing about them.</summary>
    public async Task<RegisterExtract?> BuildAsync(string personalNumber, CancellationToken ct)
    {
        var person = await db.Participants.AsNoTracking().Where(p => p.PersonalNumber == personalNumber)
            .Select(p => new { p.Id, Person = new ExtractPerson(p.PersonalNumber, p.FirstName, p.LastName, p.Gender, p.ProtectedIdentity) })
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;

        var cases = await db.Cases.AsNoTracking().Where(c => c.ParticipantId == person.Id)
            .Select(c => new
            {
                c.Id, c.CaseRef, c.Status, District = c.District.Name, JobCentre = c.JobCentre.Name,
                Coach = c.Coach != null ? c.Coach.DisplayName : c.CoachRef, c.ReferralDate, c.EnrolmentDate, c.ReportingGroup, c.FirstPlanAgreedOn,
                c.ClosureDate, c.ClosureReason, c.ClosureSubReason, c.ClosureNote, c.ClosedBy,
                Referral = new ExtractReferral(c.CaseRef, c.ReferralDate, c.ReferredAt, c.ReferredBy, c.Channel, c.DistrictReferralId, c.Gender,
                    c.TargetGroup, c.ReceivesBenefit, c.HasChildren, c.NewlyUnemployed, c.NewlyArrived, c.ReferralText),
                c.ConsentGiven, c.ConsentDate, c.ReferredAt,
            })
            .ToListAsync(ct);
        cases = [.. cases.OrderBy(c => c.ReferralDate).ThenBy(c => c.Id)];
        var ids = cases.Select(c => c.Id).ToList();
        var refOf = cases.ToDictionary(c => c.Id, c => c.CaseRef);
        string Ref(int caseId) => refOf[caseId];

        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct))
            .OrderBy(p => p.PausedOn).ThenBy(p => p.Id).ToLookup(p => p.CaseId);

        var activityNames = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.NameSv, ct);
        var plans = await db.PlanVersions.AsNoTracking().Where(p => ids.Contains(p.CaseId))
            .Select(p => new
            {
                p.CaseId, p.Number, p.Status, p.GoalSsykCode, p.GoalTitle, p.Summary, p.CreatedAt, p.CreatedBy, p.AgreedOn, p.AgreementRecordedBy,
                Activities = p.Activities.Select(a => new
                {
                    a.Id, a.ActivityTypeId, Provider = a.Provider != null ? a.Provider.Name : null, a.StartDate, a.EndDate, a.HoursPerWeek, a.Note,
                }).ToList(),
            })
            .ToListAsync(ct);

        var journal = await db.JournalEntries.AsNoTracking().Where(j => ids.Contains(j.CaseId)).ToListAsync(ct);
        var attendance = await db.AttendanceDays.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync(ct);
        var bookings = await db.InfoMeetingBookings.AsNoTracking().Where(b => ids.Contains(b.CaseId))
            .Select(b => new
            {
                b.Id, b.CaseId, b.Meeting.StartsAt, JobCentre = b.Meeting.JobCentre.Name, b.Meeting.Room, b.Status, b.BookedAt, b.BookedBy,
                b.OutcomeAt, b.OutcomeBy, b.CancellationReason,
            })
            .ToListAsync(ct);
        var outcomes = await db.InfoMeetingOutcomes.AsNoTracking().Where(o => ids.Contains(o.CaseId)).ToListAsync(ct);
        var waits = await db.InfoMeetingWaits.AsNoTracking().Where(w => ids.Contains(w.CaseId))
            .Select(w => new { w.Id, w.CaseId, w.Kind, w.Since }).ToListAsync(ct);
        var threeParty = await db.ThreePartyMeetings.AsNoTracking().Where(m => ids.Contains(m.CaseId))
            .Select(m => new
            {
                m.Id, m.CaseId, m.StartsAt, m.EndsAt, m.Form, m.Place, m.Status, m.BookedBy, m.BookedAt, m.CancelledAt, m.CancelledBy, m.NotesEntryId,
            })
            .ToListAsync(ct);
        var appointments = await db.FirstAppointments.AsNoTracking().Where(a => ids.Contains(a.CaseId))
            .Select(a => new
            {
                a.Id, a.CaseId, a.StartsAt, a.EndsAt, Coach = a.Coach.DisplayName, a.Status, a.BookedBy, a.BookedAt, a.Moves, a.CancelledAt,
                a.CancelledBy, a.CancelReason, a.OutcomeAt, a.OutcomeBy,
            })
            .ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.InstrumentVersion).Where(a => ids.Contains(a.CaseId))
            .ToListAsync(ct);
        List<ExtractAnswer> AnswersOf(Assessments.Assessment a) =>
            [.. a.AnswerMap.Select(x => new ExtractAnswer(a.InstrumentVersion?.Parsed.Find(x.Key)?.Text.Sv ?? x.Key, x.Value))];
        var reminderConsents = await db.ReminderConsents.AsNoTracking().Where(r => ids.Contains(r.CaseId)).ToListAsync(ct);
        var consentChanges = (await db.ConsentRecords.AsNoTracking().Where(r => ids.Contains(r.CaseId)).ToListAsync(ct))
            .ToLookup(r => r.CaseId);
        // As the case page shows it: a case consented at referral before changes were kept has its referral's consent as the first.
        List<ExtractConsentChange> ConsentHistory(int caseId, bool given, DateOnly date, string referredBy, DateTimeOffset referredAt) =>
            consentChanges[caseId].Any()
                ? [.. consentChanges[caseId].OrderBy(r => r.Id).Select(r => new ExtractConsentChange(r.Given, r.Date, r.RecordedBy, r.RecordedAt, r.Source))]
                : given ? [new ExtractConsentChange(true, date, referredBy, referredAt, ConsentSource.Referral)] : [];
        var reminderMessages = await db.ReminderMessages.AsNoTracking().Where(r => ids.Contains(r.CaseId))
            .Select(r => new { r.Id, r.CaseId, r.Appointment, r.Kind, r.Channel, r.StartsAt, r.Subject, r.Body, r.CreatedAt, r.State, r.SentAt })
            .ToListAsync(ct);
        var districtNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var messages = await db.DistrictMessages.AsNoTracking().Where(m => ids.Contains(m.CaseId))
            .Select(m => new { m.Id, m.CaseId, m.DistrictId, m.Kind, m.CreatedAt, m.State, m.HasDetails, m.DeliveredAt, m.ReadAt, m.ReadBy, m.Body })
            .ToListAsync(ct);
        var benefitMonths = await db.BenefitMonths.AsNoTracking().Where(m => m.ParticipantId == person.Id).ToListAsync(ct);
        var occupations = await db.OccupationObservations.AsNoTracking().Where(o => o.ParticipantId == person.Id).ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct);
        var proposals = await db.Set<Matching.Proposal>().AsNoTracking().Where(p => ids.Contains(p.CaseId))
            .Select(p => new { p.Id, p.CaseId, Vacancy = p.Vacancy.Title, Employer = p.Vacancy.Employer.Name, p.Status, p.ProposedOn, p.ProposedBy,
                p.PresentedOn, p.InterviewOn, p.OutcomeOn, p.NotSelectedReason, p.OutcomeNote })
            .ToListAsync(ct);
        var helpRequests = await db.Set<Matching.MatchingHelpRequest>().AsNoTracking().Where(h => ids.Contains(h.CaseId)).ToListAsync(ct);
        var programmes = await db.Set<Programmes.ProgrammeMembership>().AsNoTracking().Include(m => m.Programme)
            .Where(m => ids.Contains(m.CaseId)).ToListAsync(ct);
        var accesses = await db.AccessLog.AsNoTracking()
            .Where(e => e.ParticipantId == person.Id || (e.CaseId != null && ids.Contains(e.CaseId.Value)))
            .Select(e => new { e.Id, e.At, e.PrincipalKind, e.Principal, e.CaseRef, e.Kind, e.Action, e.Path, e.Reason })
            .ToListAsync(ct);

        var extract = new RegisterExtract(
            clock.GetUtcNow(),
            person.Person,
            [.. cases.Select(c => new ExtractCase(c.CaseRef, c.Status, c.District, c.JobCentre, c.Coach, c.ReferralDate, c.EnrolmentDate, c.ReportingGroup,
                c.FirstPlanAgreedOn, c.ClosureDate, c.ClosureReason, c.ClosureSubReason, c.ClosureNote, c.ClosedBy,
                [.. pauses[c.Id].Select(p => new ExtractPause(p.PausedOn, p.ResumedOn, p.Reason, p.Note))]))],
            [.. cases.Select(c => c.Referral)],
            [.. plans.OrderBy(p => Ref(p.CaseId)).ThenBy(p => p.Number).Select(p => new ExtractPlan(Ref(p.CaseId), p.Number, p.Status, p.GoalSsykCode,
                p.GoalTitle, p.Summary, p.CreatedAt, p.CreatedBy, p.AgreedOn, p.AgreementRecordedBy,
                [.. p.Activities.OrderBy(a => a.StartDate).ThenBy(a => a.Id).Select(a => new ExtractActivity(
                    activityNames.GetValueOrDefault(a.ActivityTypeId, "–"), a.Provider, a.StartDate, a.EndDate, a.HoursPerWeek, a.Note))]))],
            [.. assessments.OrderBy(a => Ref(a.CaseId)).ThenBy(a => a.StartedAt).ThenBy(a => a.Id).Select(a => new ExtractAssessment(Ref(a.CaseId),
                a.Instrument, a.InstrumentVersion?.Version, a.Status, a.AssessedOn, a.Availability, a.NeedCategory, a.SuggestedAvailability,
                a.SuggestedNeedCategory, a.OverrideReason, a.StartedBy, a.StartedAt, a.SignedBy, a.SignedAt, a.ByDistrict, a.Imported, AnswersOf(a)))],
            [.. journal.OrderBy(j => j.EventDate).ThenBy(j => j.WrittenAt).ThenBy(j => j.Id)
                .Select(j => new ExtractJournalEntry(Ref(j.CaseId), j.Id, j.EventDate, j.WrittenAt, j.AuthorName, j.Text, j.CorrectsEntryId))],
            [.. attendance.OrderBy(a => a.Date).ThenBy(a => a.Id).Select(a => new ExtractAttendanceDay(Ref(a.CaseId), a.Date, a.Status,
                a.ActivityTypeId is { } t ? activityNames.GetValueOrDefault(t) : null, a.Reason, a.RecordedBy, a.RecordedAt))],
            new ExtractInfoMeetings(
                [.. bookings.OrderBy(b => b.StartsAt).ThenBy(b => b.Id).Select(b => new ExtractInfoMeetingBooking(Ref(b.CaseId), b.StartsAt, b.JobCentre,
                    b.Room, b.Status, b.BookedAt, b.BookedBy, b.OutcomeAt, b.OutcomeBy, b.CancellationReason))],
                [.. outcomes.OrderBy(o => o.Date).ThenBy(o => o.Id).Select(o => new ExtractInfoMeetingOutcome(Ref(o.CaseId), o.Date, o.Attended))],
                [.. waits.OrderBy(w => w.Since).ThenBy(w => w.Id).Select(w => new ExtractInfoMeetingWait(Ref(w.CaseId), w.Kind, w.Since))]),
            [.. threeParty.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Select(m => new ExtractThreePartyMeeting(Ref(m.CaseId), m.StartsAt, m.EndsAt,
                m.Form, m.Place, m.Status, m.BookedBy, m.BookedAt, m.CancelledAt, m.CancelledBy, m.NotesEntryId))],
            [.. appointments.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Select(a => new ExtractFirstAppointment(Ref(a.CaseId), a.StartsAt, a.EndsAt,
                a.Coach, a.Status, a.BookedBy, a.BookedAt, a.Moves, a.CancelledAt, a.CancelledBy, a.CancelReason, a.OutcomeAt, a.OutcomeBy))],
            new ExtractReminders(
                [.. reminderConsents.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(r => new ExtractReminderConsent(Ref(r.CaseId), r.BySms, r.Phone,
                    r.ByEmail, r.Email, r.RecordedAt, r.RecordedBy))],
                [.. reminderMessages.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new ExtractReminderMessage(Ref(r.CaseId), r.Appointment,
                    r.Kind, r.Channel, r.StartsAt, r.Subject, r.Body, r.CreatedAt, r.State, r.SentAt))]),
            [.. messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new ExtractMessage(Ref(m.CaseId),
                districtNames.GetValueOrDefault(m.DistrictId, "–"), m.Kind, m.CreatedAt, m.State, m.HasDetails, m.DeliveredAt, m.ReadAt, m.ReadBy, m.Body))],
            new ExtractFollowUp(
                [.. benefitMonths.OrderBy(m => m.Month).Select(m => new ExtractBenefitMonth(m.Month, m.ReceivesBenefit, m.Source, m.InformedOn, m.RecordedBy, m.RecordedAt))],
                [.. occupations.OrderBy(o => o.Date).Select(o => new ExtractOccupation(o.Date, o.Status, o.Source, o.RecordedBy, o.RecordedAt))]),
            [.. placements.OrderBy(p => p.StartDate).ThenBy(p => p.Id).Select(p => new ExtractPlacement(Ref(p.CaseId), p.Kind, p.StartDate, p.EndDate,
                p.FollowUpOn, p.EmployerOrganisationNumber, p.EmployerName, p.HoursPerWeek, p.WageForm, p.Subsidy, p.Matched, p.Note, p.RecordedBy,
                p.RecordedAt, p.EndedBy, p.EndedAt))],
            new ExtractMatching(
                [.. proposals.OrderBy(p => p.ProposedOn).ThenBy(p => p.Id).Select(p => new ExtractProposal(Ref(p.CaseId), p.Vacancy, p.Employer, p.Status,
                    p.ProposedOn, p.ProposedBy, p.PresentedOn, p.InterviewOn, p.OutcomeOn, p.NotSelectedReason, p.OutcomeNote))],
                [.. helpRequests.OrderBy(h => h.AskedAt).ThenBy(h => h.Id).Select(h => new ExtractHelpRequest(Ref(h.CaseId), h.AskedAt, h.AskedBy, h.Note,
                    h.Status, h.TakenBy))]),
            [.. programmes.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Select(m => new ExtractProgrammeMembership(Ref(m.CaseId), m.Programme.Name,
                m.JoinedOn, m.LeftOn, m.TakenInByProgramme, m.JoinedBy, m.JoinedAt, m.LeftBy, m.LeftAt))],
            [.. cases.Select(c => new ExtractConsent(c.CaseRef, c.ConsentGiven, c.ConsentDate, ConsentHistory(c.Id, c.ConsentGiven, c.ConsentDate ?? c.ReferralDate, c.Referral.ReferredBy, c.ReferredAt)))],
            [.. accesses.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new ExtractAccess(e.At, e.PrincipalKind, e.Principal,
                e.CaseRef, e.Kind, e.Action, e.Path, e.Reason))]);

        accessLog.ConcernsPerson(person.Id, person.Person.ProtectedIdentity);
        return extract;
    }
}
