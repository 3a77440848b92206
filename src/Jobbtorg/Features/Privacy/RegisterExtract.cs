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

namespace Jobbtorg.Features.Privacy;

/// <summary>
/// Everything Jobbtorg holds about one person (GDPR art. 15), one property per kind of data. The page prints it in
/// Swedish and the API returns it as JSON; both are made by <see cref="RegisterExtractBuilder"/>. Rows tied to a case
/// name the case by its reference.
/// </summary>
public sealed record RegisterExtract(
    DateTimeOffset ProducedAt,
    ExtractPerson Person,
    IReadOnlyList<ExtractCase> Cases,
    IReadOnlyList<ExtractReferral> Referrals,
    IReadOnlyList<ExtractPlan> Plans,
    IReadOnlyList<ExtractAssessment> Assessments,
    IReadOnlyList<ExtractJournalEntry> Journal,
    IReadOnlyList<ExtractAttendanceDay> Attendance,
    ExtractInfoMeetings InfoMeetings,
    IReadOnlyList<ExtractThreePartyMeeting> ThreePartyMeetings,
    IReadOnlyList<ExtractFirstAppointment> FirstAppointments,
    ExtractReminders Reminders,
    IReadOnlyList<ExtractMessage> Messages,
    ExtractFollowUp FollowUp,
    IReadOnlyList<ExtractPlacement> Placements,
    ExtractMatching Matching,
    IReadOnlyList<ExtractProgrammeMembership> Programmes,
    IReadOnlyList<ExtractConsent> Consent,
    IReadOnlyList<ExtractAccess> AccessLog);

public sealed record ExtractPerson(string PersonalNumber, string? FirstName, string? LastName, Gender Gender, bool ProtectedIdentity);

public sealed record ExtractPause(DateOnly PausedOn, DateOnly? ResumedOn, PauseReason Reason, string? Note);

public sealed record ExtractCase(
    string CaseRef, CaseStatus Status, string District, string JobCentre, string? Coach, DateOnly ReferralDate, DateOnly? EnrolmentDate,
    ReportingGroup? ReportingGroup, DateOnly? FirstPlanAgreedOn, DateOnly? ClosureDate, ClosureReason? ClosureReason,
    ClosureSubReason? ClosureSubReason, string? ClosureNote, string? ClosedBy, IReadOnlyList<ExtractPause> Pauses);

public sealed record ExtractReferral(
    string CaseRef, DateOnly ReferralDate, DateTimeOffset ReferredAt, string ReferredBy, ReferralChannel Channel, string? DistrictReferralId,
    Gender Gender, TargetGroup TargetGroup, bool ReceivesBenefit, bool HasChildren, bool NewlyUnemployed, bool NewlyArrived, string? Text);

public sealed record ExtractActivity(string ActivityType, string? Provider, DateOnly StartDate, DateOnly? EndDate, decimal HoursPerWeek, string? Note);

public sealed record ExtractPlan(
    string CaseRef, int Number, PlanStatus Status, string? GoalSsykCode, string? GoalTitle, string? Summary, DateTimeOffset CreatedAt,
    string CreatedBy, DateOnly? AgreedOn, string? AgreementRecordedBy, IReadOnlyList<ExtractActivity> Activities);

/// <summary>One answer of an assessment: the question as the assessment's version asked it (in Swedish) and the answer as
/// stored (a choice's value, an SSYK or SUN code, a language with its level, the person's own words).</summary>
public sealed record ExtractAnswer(string Question, string Answer);

/// <summary>An assessment: a draft or signed, with its result, the suggestion, the reason for another result, and its answers.</summary>
public sealed record ExtractAssessment(
    string CaseRef, Assessments.Instrument Instrument, int? InstrumentVersion, Assessments.AssessmentStatus Status, DateOnly? AssessedOn,
    Assessments.Availability? Availability, Assessments.NeedCategory? NeedCategory, Assessments.Availability? SuggestedAvailability,
    Assessments.NeedCategory? SuggestedNeedCategory, string? OverrideReason, string StartedBy, DateTimeOffset StartedAt, string? SignedBy,
    DateTimeOffset? SignedAt, bool ByDistrict, bool Imported, IReadOnlyList<ExtractAnswer> Answers);

/// <summary>A journal note as written. A correction is a note of its own that names the note it corrects.</summary>
public sealed record ExtractJournalEntry(string CaseRef, int Id, DateOnly EventDate, DateTimeOffset WrittenAt, string Author, string Text, int? CorrectsId);

public sealed record ExtractAttendanceDay(
    string CaseRef, DateOnly Date, AttendanceStatus Status, string? Activity, AbsenceReason? Reason, string? RecordedBy, DateTimeOffset? RecordedAt);

public sealed record ExtractInfoMeetings(
    IReadOnlyList<ExtractInfoMeetingBooking> Bookings, IReadOnlyList<ExtractInfoMeetingOutcome> Outcomes, IReadOnlyList<ExtractInfoMeetingWait> WaitingList)
{
    [System.Text.Json.Serialization.JsonIgnore] public int Count => Bookings.Count + Outcomes.Count + WaitingList.Count;
}

public sealed record ExtractInfoMeetingBooking(
    string CaseRef, DateTimeOffset StartsAt, string JobCentre, string Room, BookingStatus Status, DateTimeOffset BookedAt, string BookedBy,
    DateTimeOffset? OutcomeAt, string? OutcomeBy, CancellationReason? CancellationReason);

public sealed record ExtractInfoMeetingOutcome(string CaseRef, DateOnly Date, bool Attended);

public sealed record ExtractInfoMeetingWait(string CaseRef, Organisation.MeetingKind Kind, DateTimeOffset Since);

public sealed record ExtractThreePartyMeeting(
    string CaseRef, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ThreePartyMeetingForm Form, string Place, ThreePartyMeetingStatus Status,
    string BookedBy, DateTimeOffset BookedAt, DateTimeOffset? CancelledAt, string? CancelledBy, int? NotesJournalId);

public sealed record ExtractFirstAppointment(
    string CaseRef, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Coach, FirstAppointmentStatus Status, string BookedBy, DateTimeOffset BookedAt,
    int Moves, DateTimeOffset? CancelledAt, string? CancelledBy, string? CancelReason, DateTimeOffset? OutcomeAt, string? OutcomeBy);

public sealed record ExtractReminders(IReadOnlyList<ExtractReminderConsent> Consents, IReadOnlyList<ExtractReminderMessage> Messages)
{
    [System.Text.Json.Serialization.JsonIgnore] public int Count => Consents.Count + Messages.Count;
}

public sealed record ExtractReminderConsent(string CaseRef, bool BySms, string? Phone, bool ByEmail, string? Email, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ExtractReminderMessage(
    string CaseRef, AppointmentKind Appointment, ReminderKind Kind, ReminderChannel Channel, DateTimeOffset StartsAt, string Subject, string Body,
    DateTimeOffset CreatedAt, ReminderState State, DateTimeOffset? SentAt);

/// <summary>A message to the district about the case; the body is the message as it was sent.</summary>
public sealed record ExtractMessage(
    string CaseRef, string District, MessageKind Kind, DateTimeOffset CreatedAt, DeliveryState State, bool HasDetails, DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt, string? ReadBy, string Body);

public sealed record ExtractFollowUp(IReadOnlyList<ExtractBenefitMonth> BenefitMonths, IReadOnlyList<ExtractOccupation> Occupations)
{
    [System.Text.Json.Serialization.JsonIgnore] public int Count => BenefitMonths.Count + Occupations.Count;
}

/// <summary>A benefit month, with where it came from; who entered it and when, for one entered by hand.</summary>
public sealed record ExtractBenefitMonth(DateOnly Month, bool ReceivesBenefit, FollowUpSource Source, DateOnly? InformedOn, string? RecordedBy,
    DateTimeOffset? RecordedAt);

public sealed record ExtractOccupation(DateOnly Date, OccupationStatus Status, FollowUpSource Source, string? RecordedBy, DateTimeOffset? RecordedAt);

/// <summary>The person's proposals for vacancies, and the coaches' requests for a matcher's help on their cases.</summary>
public sealed record ExtractMatching(IReadOnlyList<ExtractProposal> Proposals, IReadOnlyList<ExtractHelpRequest> HelpRequests);

public sealed record ExtractProposal(string CaseRef, string Vacancy, string Employer, Matching.ProposalStatus Status, DateOnly ProposedOn, string ProposedBy,
    DateOnly? PresentedOn, DateOnly? InterviewOn, DateOnly? OutcomeOn, Matching.NotSelectedReason? NotSelectedReason, string? OutcomeNote);

public sealed record ExtractHelpRequest(string CaseRef, DateTimeOffset AskedAt, string AskedBy, string Note, Matching.HelpRequestStatus Status, string? TakenBy);

public sealed record ExtractPlacement(string CaseRef, PlacementKind Kind, DateOnly StartDate, DateOnly? EndDate, DateOnly? FollowUpOn, string? EmployerOrganisationNumber,
    string? EmployerName = null, int? HoursPerWeek = null, WageForm? WageForm = null, PlacementSubsidy? Subsidy = null, bool Matched = false,
    string? Note = null, string? RecordedBy = null, DateTimeOffset? RecordedAt = null, string? EndedBy = null, DateTimeOffset? EndedAt = null);

/// <summary>A case's time in a special programme, and whether the programme took the person in without a referral.</summary>
public sealed record ExtractProgrammeMembership(string CaseRef, string Programme, DateOnly JoinedOn, DateOnly? LeftOn, bool TakenInByProgramme,
    string JoinedBy, DateTimeOffset JoinedAt, string? LeftBy, DateTimeOffset? LeftAt);

/// <summary>The consent to information exchange with the district, as the case holds it now.</summary>
public sealed record ExtractConsent(string CaseRef, bool ConsentGiven, DateOnly? ConsentDate, IReadOnlyList<ExtractConsentChange> History);

/// <summary>One change of consent, oldest first: given or withdrawn on <see cref="Date"/>, recorded by whom and when.</summary>
public sealed record ExtractConsentChange(bool Given, DateOnly Date, string RecordedBy, DateTimeOffset RecordedAt, Consent.ConsentSource Source);

/// <summary>Who read or changed the person's data: when, who, what and why.</summary>
public sealed record ExtractAccess(
    DateTimeOffset At, PrincipalKind PrincipalKind, string Principal, string? CaseRef, AccessKind Kind, string Action, string Path, string? Reason);
