using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Consent;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;

namespace Jobbtorg.Features.Cases;

/// <summary>
/// A case begins with a district's referral and is worked at a job centre until closure.
/// The rules that protect it live here; use cases and pages only call them. The order of its life (enrolment,
/// plans, pauses, closure) is decided by <see cref="CaseLifecycle"/>, which the import asks too; the case adds what
/// belongs to working it here: today's date, the coach, the draft plan, the closure's sub-reason.
/// </summary>
public class Case
{
    public const int PlanReviewMonths = 3;

    public int Id { get; set; }
    /// <summary>The case's reference: a generated case number for cases made here, the source system's
    /// <c>caseRef</c> for imported ones. Unique; import and export identify a case by it.</summary>
    public required string CaseRef { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    /// <summary>The centre that serves the case: the district's adult centre, or its youth branch for 16–24.</summary>
    public int JobCentreId { get; set; }
    public JobCentre JobCentre { get; set; } = null!;

    // The referral
    /// <summary>The gender as the referral recorded it (domain.md "Settled readings"): a person referred again may carry
    /// another, and the report groups each case by its own. The person shows the latest referral's
    /// (<see cref="Participant.Gender"/>).</summary>
    public Gender Gender { get; set; }
    public TargetGroup TargetGroup { get; set; }
    public bool ReceivesBenefit { get; set; }
    public bool HasChildren { get; set; }
    public bool NewlyUnemployed { get; set; }
    public bool NewlyArrived { get; set; }
    public string? ReferralText { get; set; }
    /// <summary>Whether the person's consent to information exchange stands now: always the latest of <see cref="Consents"/>
    /// (changed only by <see cref="RecordConsent"/> and the referral), kept here because access and messages ask it.</summary>
    public bool ConsentGiven { get; set; }
    /// <summary>The day of the latest change of consent: when it was given, or when it was withdrawn.</summary>
    public DateOnly? ConsentDate { get; set; }
    public DateOnly ReferralDate { get; set; }
    public DateTimeOffset ReferredAt { get; set; }
    public required string ReferredBy { get; set; }
    public ReferralChannel Channel { get; set; }
    /// <summary>The district system's own id; a referral is idempotent on it.</summary>
    public string? DistrictReferralId { get; set; }

    public CaseStatus Status { get; private set; } = CaseStatus.Referred;

    // Enrolment
    public DateOnly? EnrolmentDate { get; private set; }
    public string? CoachId { get; private set; }
    public AppUser? Coach { get; private set; }
    /// <summary>An imported case's coach as the source system names them, when no user here matches.</summary>
    public string? CoachRef { get; private set; }
    public ReportingGroup? ReportingGroup { get; private set; }
    public DateOnly? FirstPlanAgreedOn { get; private set; }

    // Closure
    public DateOnly? ClosureDate { get; private set; }
    public ClosureReason? ClosureReason { get; private set; }
    public ClosureSubReason? ClosureSubReason { get; private set; }
    public string? ClosureNote { get; private set; }
    public string? ClosedBy { get; private set; }

    // Indicator facts: dates derived from the ones above whenever they change, stored so that a report selects the
    // cases of a period through an index instead of reading every case (domain.md, "Indicators — exact definitions").
    /// <summary>Deadline(E, 5) counted as if the case were never paused: the job guarantee's deadline unless a pause
    /// begins on or before it.</summary>
    public DateOnly? FirstPlanDue { get; private set; }
    /// <summary>E + 12 months (clamped to the month's end): the day "self-sufficient within 12 months" is judged.</summary>
    public DateOnly? EnrolmentAnniversary { get; private set; }
    /// <summary>The first day of the calendar month of C + 6 months: the month "still self-supporting" looks at.</summary>
    public DateOnly? FollowUpMonth { get; private set; }
    /// <summary>Whether the person received financial assistance in <see cref="FollowUpMonth"/>, as the district
    /// reported it; null while unreported. Kept from the benefit months by <see cref="FollowUp.FollowUpBenefit"/>, so the
    /// report reads it here instead of joining every benefit month of the period.</summary>
    public bool? FollowUpReceivesBenefit { get; internal set; }
    /// <summary>The day the case was first paused: a pause on or before <see cref="FirstPlanDue"/> moves the job
    /// guarantee's deadline.</summary>
    public DateOnly? FirstPauseOn { get; private set; }
    /// <summary>The day of the first info meeting the person attended: the end of the wait for an info meeting.</summary>
    public DateOnly? FirstAttendedInfoMeeting { get; private set; }

    /// <summary>The day of the case's first assessment, of either instrument: "initial assessment in time" compares it
    /// with the job guarantee's deadline.</summary>
    public DateOnly? FirstAssessmentOn { get; private set; }

    /// <summary>Notes a signed assessment made on <paramref name="day"/> (its row is written beside).</summary>
    public void Assessed(DateOnly day)
    {
        if (!(FirstAssessmentOn <= day)) FirstAssessmentOn = day;
    }

    /// <summary>Notes an info meeting the person attended (its outcome row is written beside).</summary>
    public void AttendedInfoMeeting(DateOnly day)
    {
        if (!(FirstAttendedInfoMeeting <= day)) FirstAttendedInfoMeeting = day;
    }

    /// <summary>Equals <see cref="ParticipantId"/> while the case is open, null once closed; a unique index
    /// on it makes "at most one open case per person" hold under any concurrency.</summary>
    public int? OpenParticipantId { get; private set; }
    public Participant? OpenParticipant { get; private set; }

    /// <summary>Optimistic concurrency: two coaches acting on the same case cannot both win.</summary>
    public int Version { get; private set; }

    public List<CasePause> Pauses { get; private set; } = [];
    public List<PlanVersion> Plans { get; private set; } = [];
    public List<JournalEntry> Journal { get; private set; } = [];
    /// <summary>Every change of consent (load it before asking <see cref="ConsentHistory"/> or recording one).</summary>
    public List<ConsentRecord> Consents { get; private set; } = [];
    /// <summary>Every assessment, drafts included (load it before asking about them).</summary>
    public List<Assessment> Assessments { get; private set; } = [];

    public bool IsOpen => Status != CaseStatus.Closed;
    /// <summary>The coach's name, or for an imported case the source system's name for them.</summary>
    public string? CoachName => Coach?.DisplayName ?? CoachRef;
    public bool IsEnrolled => EnrolmentDate is not null;
    public CasePause? OpenPause => Pauses.FirstOrDefault(p => p.ResumedOn is null);

    public static Case Refer(Participant participant, Gender gender, District district, int jobCentreId, DateOnly referralDate,
        DateTimeOffset now, string referredBy, ReferralChannel channel)
    {
        var c = new Case
        {
            CaseRef = NewCaseRef(),
            Participant = participant,
            ParticipantId = participant.Id,
            Gender = gender,
            District = district,
            DistrictId = district.Id,
            JobCentreId = jobCentreId,
            ReferralDate = referralDate,
            ReferredAt = now,
            ReferredBy = referredBy,
            Channel = channel,
        };
        c.OpenParticipant = participant;
        return c;
    }

    public void Enrol(DateOnly date, AppUser coach, int? personAge, DateOnly today)
    {
        var next = Lifecycle.Enrol(date).OrThrow();
        if (date > today) throw new RuleBrokenException("The enrolment date cannot be in the future.");
        if (coach.JobCentreId != JobCentreId) throw new RuleBrokenException("The coach must work at the case's job centre.");

        AssignCoach(coach);
        ReportingGroup = ReportingGroupFor(personAge);
        Apply(next);
        Touch();
    }

    /// <summary>A case number such as JT-7K3QX9MB: short enough to read out on the phone, random so that it
    /// gives nothing away and never collides with the sequence of another system's references.</summary>
    public static string NewCaseRef()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O, U
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++) code[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        return "JT-" + new string(code);
    }

    /// <summary>Fixed at enrolment: refugees and newly arrived first, then youth by age on the enrolment date.</summary>
    public ReportingGroup ReportingGroupFor(int? ageOnEnrolment) => ReportingGroupOf(TargetGroup, NewlyArrived, ageOnEnrolment);

    public static ReportingGroup ReportingGroupOf(TargetGroup targetGroup, bool newlyArrived, int? ageOnEnrolment) =>
        targetGroup == TargetGroup.AdultRefugee || newlyArrived ? Cases.ReportingGroup.NewlyArrivedRefugee
        : AgeBands.IsYouth(ageOnEnrolment) ? Cases.ReportingGroup.Youth
        : Cases.ReportingGroup.Other25Plus;

    public void AssignCoach(AppUser coach)
    {
        EnsureOpen();
        if (coach.JobCentreId != JobCentreId) throw new RuleBrokenException("The coach must work at the case's job centre.");
        if (!coach.IsActive) throw new RuleBrokenException("{0} is deactivated and cannot take cases.", coach.DisplayName);
        Coach = coach;
        CoachId = coach.Id;
        CoachRef = null;
        Touch();
    }

    public void Pause(DateOnly date, PauseReason reason, string? note, DateOnly today)
    {
        var next = Lifecycle.Pause(date).OrThrow();
        if (date > today) throw new RuleBrokenException("The pause cannot start in the future.");
        Pauses.Add(new CasePause { PausedOn = date, Reason = reason, Note = note });
        Apply(next);
        Touch();
    }

    public void Resume(DateOnly date, DateOnly today)
    {
        var next = Lifecycle.Resume(date).OrThrow();
        if (date > today) throw new RuleBrokenException("The resume date cannot be in the future.");
        OpenPause!.ResumedOn = date;
        Apply(next);
        Touch();
    }

    /// <param name="latestRecorded">The latest date of what other features record on the case (attendance, a placement's
    /// start, an info meeting): the closure may not come before it either, or the case's export would not read back.</param>
    public void Close(DateOnly date, ClosureReason reason, ClosureSubReason? subReason, string? note, string closedBy, DateOnly today,
        DateOnly? latestRecorded = null)
    {
        var life = Lifecycle;
        if (latestRecorded > life.Latest) life = life with { Latest = latestRecorded.Value };
        var next = life.Close(date, reason, subReason).OrThrow();
        if (date > today) throw new RuleBrokenException("The closure date cannot be in the future.");
        // A sub-reason is required here; the case-event format leaves it optional, so this stays with the form.
        var allowed = ClosureReasons.SubReasonsFor(reason);
        if (allowed.Count > 0 && (subReason is null || !allowed.Contains(subReason.Value)))
            throw new RuleBrokenException("Choose a sub-reason for the closure reason.");
        if (allowed.Count == 0 && subReason is not null)
            throw new RuleBrokenException("This closure reason has no sub-reasons.");
        if (OpenPause is { } pause) pause.ResumedOn = date;

        Apply(next);
        ClosureNote = note;
        ClosedBy = closedBy;
        Touch();
    }

    /// <summary>The latest dated step of the case so far; a closure cannot come before it.</summary>
    public DateOnly LatestEventDate => new[] { ReferralDate, EnrolmentDate ?? ReferralDate }
        .Concat(Plans.Where(p => p.AgreedOn is not null).Select(p => p.AgreedOn!.Value))
        .Concat(Pauses.Select(p => p.ResumedOn ?? p.PausedOn))
        .Max();

    /// <summary>Where the case stands in its life, read from its own fields.</summary>
    public CaseLifecycle Lifecycle => new()
    {
        Status = Status,
        ReferralDate = ReferralDate,
        Enrolment = EnrolmentDate,
        FirstPlan = FirstPlanAgreedOn,
        LastPlan = LatestAgreedPlan?.AgreedOn,
        OpenPauseStart = OpenPause?.PausedOn,
        FirstPause = FirstPauseOn,
        LastResume = Pauses.Max(p => p.ResumedOn),
        FirstAssessment = FirstAssessmentOn,
        Latest = LatestEventDate,
        Closure = ClosureDate,
        ClosureReason = ClosureReason,
        ClosureSubReason = ClosureSubReason,
    };

    /// <summary>The fields the lifecycle decides, set from its state. The pauses and plans are rows of their own and
    /// are kept by the methods that change them.</summary>
    private void Apply(CaseLifecycle state)
    {
        Status = state.Status;
        EnrolmentDate = state.Enrolment;
        FirstPlanAgreedOn = state.FirstPlan;
        ClosureDate = state.Closure;
        ClosureReason = state.ClosureReason;
        ClosureSubReason = state.ClosureSubReason;
        FirstPauseOn = state.FirstPause;
        FirstAssessmentOn = state.FirstAssessment;
        FirstPlanDue = EnrolmentDate is { } enrolled ? Cases.JobGuarantee.Deadline(enrolled, []) : null;
        EnrolmentAnniversary = EnrolmentDate is { } e ? Dates.PlusMonths(e, 12) : null;
        FollowUpMonth = ClosureDate is { } closed ? FollowUp.FollowUpDue.BenefitCheckMonth(closed) : null;
        if (state.IsClosed)
        {
            OpenParticipant = null;
            OpenParticipantId = null;
        }
    }

    /// <summary>The properties <see cref="ImportState"/> sets beside the version: what a later stream may change on a
    /// case already stored.</summary>
    internal static readonly string[] ImportedStateProperties =
    [
        nameof(Status), nameof(JobCentreId), nameof(EnrolmentDate), nameof(CoachId), nameof(CoachRef), nameof(ReportingGroup),
        nameof(FirstPlanAgreedOn), nameof(ClosureDate), nameof(ClosureReason), nameof(ClosureSubReason), nameof(ClosedBy),
        nameof(OpenParticipantId), nameof(FirstPlanDue), nameof(EnrolmentAnniversary), nameof(FollowUpMonth), nameof(FirstAttendedInfoMeeting), nameof(FirstPauseOn),
        nameof(FirstAssessmentOn),
    ];

    /// <summary>
    /// A case as an import of its events leaves it, after the caller has set the referral's facts: the state its
    /// lifecycle reached through the same transitions the methods above take, and the enrolment's centre, coach and
    /// reporting group. The import writes the columns of this object, so its rows hold what a case here would.
    /// </summary>
    internal void ImportState(CaseLifecycle state, int jobCentreId, string? coachId, string? coachRef, ReportingGroup? reportingGroup,
        DateOnly? firstAttendedInfoMeeting, string importedBy)
    {
        FirstAttendedInfoMeeting = firstAttendedInfoMeeting;
        JobCentreId = jobCentreId;
        CoachId = coachId;
        CoachRef = coachRef;
        ReportingGroup = reportingGroup;
        OpenParticipantId = ParticipantId;
        Apply(state);
        ClosedBy = state.IsClosed ? importedBy : null;
        Version = 1;
    }

    public PlanVersion? CurrentDraft => Plans.FirstOrDefault(p => p.Status == PlanStatus.Draft);
    public PlanVersion? LatestAgreedPlan => Plans.Where(p => p.Status == PlanStatus.Agreed).MaxBy(p => p.Number);

    /// <summary>Starts the first plan, or a review of the agreed one (a new version that starts as a copy).</summary>
    public PlanVersion StartPlanVersion(string createdBy, DateTimeOffset now)
    {
        EnsureOpen();
        if (!IsEnrolled) throw new RuleBrokenException("The case must be enrolled before a plan is written.");
        if (CurrentDraft is { } draft) return draft;
        var basis = LatestAgreedPlan;
        var version = new PlanVersion
        {
            Number = Plans.Count == 0 ? 1 : Plans.Max(p => p.Number) + 1,
            GoalSsykCode = basis?.GoalSsykCode,
            GoalTitle = basis?.GoalTitle,
            Summary = basis?.Summary,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        if (basis is not null)
            version.Activities.AddRange(basis.Activities.Select(a => a.Copy()));
        Plans.Add(version);
        Touch();
        return version;
    }

    public void AgreePlan(DateOnly agreedOn, string recordedBy, DateOnly today)
    {
        EnsureOpen();
        var draft = CurrentDraft ?? throw new RuleBrokenException("There is no draft plan to agree.");
        var next = Lifecycle.AgreePlan(agreedOn).OrThrow();
        if (agreedOn > today) throw new RuleBrokenException("The agreement date cannot be in the future.");
        draft.Agree(agreedOn, recordedBy);
        Apply(next);
        Touch();
    }

    /// <summary>The plan must be reviewed at the latest three months after it was agreed.</summary>
    public DateOnly? PlanReviewDue => LatestAgreedPlan?.AgreedOn is { } agreed ? Dates.PlusMonths(agreed, PlanReviewMonths) : null;

    /// <summary>Deadline for the first agreed plan: five working days after enrolment, paused days not counted; null
    /// while an open pause stops the clock.</summary>
    public DateOnly? JobGuaranteeDeadline => EnrolmentDate is { } e ? Cases.JobGuarantee.Deadline(e, PausePeriods) : null;

    /// <summary>The job-guarantee state seen on <paramref name="today"/>, as the indicator report counts it (see
    /// <see cref="Cases.JobGuarantee"/>): an open pause leaves the case pending, and the page shows the stopped clock
    /// beside it.</summary>
    public JobGuaranteeState JobGuarantee(DateOnly today) =>
        Cases.JobGuarantee.StateOf(EnrolmentDate, FirstPlanAgreedOn, PausePeriods, ClosureDate, today);

    /// <summary>What needs doing on the case on <paramref name="today"/> (see <see cref="CaseNeeds"/>).</summary>
    public CaseNeeds NeedsOn(DateOnly today) => CaseNeeds.Of(this, today);

    private IEnumerable<PausePeriod> PausePeriods => Pauses.Select(p => new PausePeriod(p.PausedOn, p.ResumedOn));

    public JournalEntry WriteJournal(DateOnly eventDate, string text, AppUser author, DateTimeOffset now, JournalEntry? corrects, DateOnly today)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(text)) throw new RuleBrokenException("Write the note's text.");
        EnsureAccepted(eventDate);
        if (eventDate > today) throw new RuleBrokenException("The note's date cannot be in the future.");
        if (corrects is not null && corrects.CaseId != Id) throw new RuleBrokenException("A correction must refer to a note in the same case.");
        var entry = new JournalEntry
        {
            EventDate = eventDate,
            Text = text.Trim(),
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
            WrittenAt = now,
            CorrectsEntryId = corrects?.Id,
        };
        Journal.Add(entry);
        return entry;
    }

    /// <summary>The changes of consent, oldest first. A case stored before the history was kept, and consented at its
    /// referral, has no row: its referral's consent stands in as the first, and is stored with the next change.</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IReadOnlyList<ConsentRecord> ConsentHistory =>
        Consents.Count == 0 && ConsentGiven
            ? [new ConsentRecord { CaseId = Id, Given = true, Date = ConsentDate ?? ReferralDate, RecordedBy = ReferredBy, RecordedAt = ReferredAt, Source = ConsentSource.Referral }]
            // Append-only and in date order: the stored order is the order of events; unsaved rows come last.
            : Consents.OrderBy(r => r.Id == 0).ThenBy(r => r.Id).ToList();

    /// <summary>What refuses a change of consent, by field (<c>Given</c>, <c>Date</c>): giving consent that stands or
    /// withdrawing consent that does not; a date in the future, before the referral, or before the latest change.</summary>
    public FieldErrors ConsentChangeProblems(bool given, DateOnly date, DateOnly today)
    {
        var errors = new FieldErrors();
        if (given && ConsentGiven) errors.Refuse("Given", "Consent is already given.");
        if (!given && !ConsentGiven) errors.Refuse("Given", "There is no consent to withdraw.");
        if (date > today) errors.Refuse("Date", "The date cannot be in the future.");
        else if (date < ReferralDate) errors.Refuse("Date", "The date cannot be before the referral date, {0}.", ReferralDate);
        else if (ConsentHistory.LastOrDefault() is { } latest && date < latest.Date)
            errors.Refuse("Date", "The date cannot be before the latest change of consent, {0}.", latest.Date);
        return errors;
    }

    /// <summary>The person gave (or withdrew) consent on <paramref name="date"/>: a new row of the history, and the case's
    /// current state with it. Allowed on a closed case too: a withdrawal still stops the district reading the plan.</summary>
    public ConsentRecord RecordConsent(bool given, DateOnly date, string recordedBy, DateTimeOffset now, ConsentSource source, DateOnly today)
    {
        foreach (var (_, problems) in ConsentChangeProblems(given, date, today))
            throw new RuleBrokenException(problems[0].Template, problems[0].Args!);
        if (Consents.Count == 0 && ConsentGiven) Consents.Add(ConsentHistory[0]);
        var record = AddConsent(given, date, recordedBy, now, source);
        Touch();
        return record;
    }

    /// <summary>The consent a referral carries, dated as the district recorded it (the person may have given it before).</summary>
    public ConsentRecord ConsentAtReferral(DateOnly date, string recordedBy, DateTimeOffset now) =>
        AddConsent(true, date, recordedBy, now, ConsentSource.Referral);

    private ConsentRecord AddConsent(bool given, DateOnly date, string recordedBy, DateTimeOffset now, ConsentSource source)
    {
        var record = new ConsentRecord
        {
            CaseId = Id, Given = given, Date = date, RecordedAt = now, Source = source,
            RecordedBy = recordedBy.Length > ConsentRecord.MaxRecordedByLength ? recordedBy[..ConsentRecord.MaxRecordedByLength] : recordedBy,
        };
        Consents.Add(record);
        ConsentGiven = given;
        ConsentDate = date;
        return record;
    }

    /// <summary>Something booked or recorded on the case elsewhere (a three-party meeting): bumps the version so that two
    /// such changes at the same moment cannot both be saved.</summary>
    public void RecordChange()
    {
        EnsureOpen();
        Touch();
    }

    /// <summary>No date before the system's earliest (see <see cref="Dates"/>); each rule refuses the future itself.</summary>
    private static void EnsureAccepted(DateOnly date)
    {
        if (CaseLifecycle.Accepts(date) is { } early) throw early.ToException();
    }

    private void EnsureOpen()
    {
        if (Status == CaseStatus.Closed) throw CaseLifecycle.ClosedCase.ToException();
    }

    private void Touch() => Version++;
}

public class CasePause
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly PausedOn { get; set; }
    public DateOnly? ResumedOn { get; set; }
    public PauseReason Reason { get; set; }
    public string? Note { get; set; }
}

/// <summary>A dated, signed note. Never edited: a correction is a new note that points at the old one.</summary>
public class JournalEntry
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly EventDate { get; set; }
    public required string Text { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public int? CorrectsEntryId { get; set; }
}
