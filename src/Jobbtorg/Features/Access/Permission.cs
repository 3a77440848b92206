namespace Jobbtorg.Features.Access;

/// <summary>Everything someone may be allowed to do, each named once. Pages, API endpoints and views ask for one of
/// these; <see cref="AccessRules"/> is the only place that says who holds it.</summary>
public enum Permission
{
    // Not tied to one case
    /// <summary>Districts, job centres, activity types, occupations.</summary>
    ReadReferenceData,
    /// <summary>The case list and the case API (each case still within reach).</summary>
    ListCases,
    Refer,
    /// <summary>Meeting times, next free time, the waiting list.</summary>
    ReadInfoMeetingTimes,
    /// <summary>The meeting pages of a centre: schedule, attendee lists.</summary>
    ViewInfoMeetings,
    ManageInfoMeetings,
    /// <summary>The attendance day view (a provider's staff: their own activities only).</summary>
    RegisterAttendance,
    ReadAttendanceRates,
    ReadReports,
    /// <summary>The cases behind a number of the report (each case still within reach; the rest only counted).</summary>
    ReadReportCases,
    ReadInbox,
    OperateMessageQueue,
    /// <summary>Reminders to participants that could not be sent, and sending them again.</summary>
    OperateReminders,
    Import,
    Export,
    WriteFollowUp,
    /// <summary>Staff administration: create users, change their role and binding, deactivate, reset passwords.</summary>
    ManageStaff,
    /// <summary>The job centres' visiting addresses, phone numbers and directions, as the invitations print them.</summary>
    ManageJobCentres,
    /// <summary>Move a coach's open cases to other coaches of the centre (a centre's manager: within their reach).</summary>
    HandOverCases,
    /// <summary>Keep a caseload of one's own (a coach): the start page lists one's own cases and what they need.</summary>
    KeepCaseload,
    /// <summary>Search the access log: who read or changed which person's data, when and why.</summary>
    ReadAccessLog,
    /// <summary>Mark the month's sample of the access log as reviewed, with a note.</summary>
    ReviewAccessLog,
    /// <summary>Everything held about one person (GDPR art. 15), as a document and as JSON.</summary>
    ProduceRegisterExtract,
    /// <summary>The retention round's runs: when it ran and how much it deleted (administrators).</summary>
    ReadRetentionRuns,
    /// <summary>Publish a new version of an assessment instrument (its questions and suggestion rules).</summary>
    PublishInstruments,
    /// <summary>The pseudonymised research extract of assessments and outcomes: no names, no personal numbers.</summary>
    ProduceResearchExtract,
    /// <summary>Employers, their contact people and vacancies, and the placements counted at an employer.</summary>
    ReadEmployers,
    /// <summary>Register employers, keep their contact people, register, fill and withdraw vacancies.</summary>
    ManageEmployers,
    /// <summary>The special programmes and their members (of the cases within reach).</summary>
    ReadProgrammes,
    /// <summary>Create and change special programmes, close them, and keep their yearly cost and external funding.</summary>
    ManageProgrammes,

    // Tied to one case (and allowed only for cases within reach)
    ReadCase,
    /// <summary>Enrol, plan, pause, resume, close, assign a coach, register a participant's attendance.</summary>
    WorkCase,
    ReadJournal,
    WriteJournal,
    ReadPlan,
    /// <summary>The district reads the plan only while the person's consent stands.</summary>
    ReadPlanWithConsent,
    /// <summary>A district closes its own referral before enrolment.</summary>
    WithdrawReferral,
    BookInfoMeeting,
    RecordInfoMeetingAttendance,
    BookThreePartyMeeting,
    RecordThreePartyNotes,
    /// <summary>Book, move and cancel the first one-to-one appointment with a coach, and record whether the person came.</summary>
    BookFirstAppointment,
    /// <summary>Record a placement (internship, employment, subsidised employment, municipal job) on the case, and end it.</summary>
    RecordPlacement,
    /// <summary>Rank the case among a vacancy's candidates, propose the person for a vacancy and move the proposal on.</summary>
    ProposeCandidates,
    /// <summary>The case's proposals for vacancies and its requests for a matcher's help.</summary>
    ReadProposals,
    /// <summary>Ask the centre's matchers for help with the case (an employer, an internship, a job).</summary>
    AskMatcherForHelp,
    /// <summary>Mark or unmark a person as having protected personal data (the Tax Agency's marking).</summary>
    MarkProtectedIdentity,
    /// <summary>Record that the person gave, or withdrew, consent to information exchange with the district.</summary>
    RecordConsent,
    /// <summary>An assessment's result: availability and need category, who signed it and when.</summary>
    ReadAssessment,
    /// <summary>An assessment's answers, the person's own words among them.</summary>
    ReadAssessmentAnswers,
    /// <summary>The district reads the answers only while the person's consent stands.</summary>
    ReadAssessmentAnswersWithConsent,
    /// <summary>Fill in and sign an initial assessment (the district may, also before enrolment).</summary>
    MakeInitialAssessment,
    /// <summary>Fill in and sign an in-depth assessment (the job centre).</summary>
    MakeInDepthAssessment,
    /// <summary>The follow-up worklist of the centre's closed cases and ended municipal jobs, and recording what a call,
    /// a letter or a register said (the job centre the case was at).</summary>
    WorkFollowUpList,
    /// <summary>Let the case join a special programme and leave it; with <see cref="Refer"/>, take a person into a
    /// programme without a district's referral.</summary>
    JoinProgramme,
}
