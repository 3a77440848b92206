namespace Jobbtorg.Features.Access;

/// <summary>
/// Who may do what, in one table. A signed-in person holds the permissions of their role, within their reach: a
/// coach or matcher their centre, a centre's manager the centre and its branches, a city-wide manager and an
/// administrator everything, a case worker their district. A system client's API key holds the permissions of its
/// scopes, within its district when it is bound to one. Nothing else grants anything.
/// </summary>
public static class AccessRules
{
    private static readonly Permission[] CoachWork =
    [
        Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.WorkCase, Permission.ReadJournal,
        Permission.WriteJournal, Permission.ReadPlan, Permission.WithdrawReferral, Permission.ReadInfoMeetingTimes,
        Permission.ViewInfoMeetings, Permission.BookInfoMeeting, Permission.RecordInfoMeetingAttendance,
        Permission.BookThreePartyMeeting, Permission.RecordThreePartyNotes, Permission.RegisterAttendance, Permission.ReadAttendanceRates,
        // The first one-to-one appointment is the job centre's: the district's case worker sees it, and is told of it.
        Permission.BookFirstAppointment,
        // The person may give or withdraw consent at the job centre as well as at the district.
        Permission.RecordConsent,
        Permission.ReadAssessment, Permission.ReadAssessmentAnswers, Permission.MakeInitialAssessment, Permission.MakeInDepthAssessment,
        // The follow-up after a case is the job centre's; the district sends its benefit months through its system.
        Permission.WorkFollowUpList,
        // A coach looks up the employers and vacancies the matchers keep, to talk them over with the participant.
        Permission.ReadEmployers,
        // A coach follows the proposals for their participants and asks the matchers for help; the matchers propose.
        Permission.ReadProposals, Permission.AskMatcherForHelp,
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Permission>> ByRole = new Dictionary<string, IReadOnlySet<Permission>>
    {
        // Placements are recorded by the centre's coaches and matchers (who find them); managers and districts read them.
        // A coach places their centre's cases in special programmes and takes them out again.
        [Roles.Coach] = Set([.. CoachWork, Permission.KeepCaseload, Permission.RecordPlacement, Permission.ReadProgrammes, Permission.JoinProgramme]),
        // Matchers read the centre's cases to find candidates; they change nothing on a case.
        // They see an assessment's result (who is available for work), not the person's answers.
        [Roles.Matcher] = Set(Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.ReadJournal, Permission.ReadPlan,
            Permission.ReadInfoMeetingTimes, Permission.ReadAssessment,
            // Employers and vacancies are the matchers' own work.
            Permission.ReadEmployers, Permission.ManageEmployers, Permission.RecordPlacement,
            // Matching is theirs: ranking the centre's participants for a vacancy, proposing them and following up.
            Permission.ProposeCandidates, Permission.ReadProposals),
        // A case worker reads the reports of their own district only (ReportScopeFor).
        [Roles.CaseWorker] = Set(Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.Refer,
            Permission.ReadPlanWithConsent, Permission.WithdrawReferral, Permission.ReadInfoMeetingTimes, Permission.BookInfoMeeting,
            Permission.BookThreePartyMeeting, Permission.ReadInbox, Permission.ReadReports, Permission.ReadReportCases,
            Permission.MarkProtectedIdentity, Permission.RecordConsent,
            // Both sides judge the person from one record: the district makes the initial assessment and sees every result.
            Permission.ReadAssessment, Permission.ReadAssessmentAnswersWithConsent, Permission.MakeInitialAssessment),
        [Roles.Manager] = Set([.. CoachWork, Permission.Refer, Permission.ManageInfoMeetings, Permission.ReadReports, Permission.ReadReportCases, Permission.HandOverCases,
            Permission.OperateReminders, Permission.ManageEmployers, Permission.ProposeCandidates,
            // Managers keep the special programmes and their yearly costs; holding Refer too, they take people into a
            // programme without a district's referral (the intake).
            Permission.ReadProgrammes, Permission.ManageProgrammes, Permission.JoinProgramme]),
        [Roles.Analyst] = Set(Permission.ReadReferenceData, Permission.ReadReports, Permission.ProduceResearchExtract),
        // An administrator may do everything but keeps no caseload of their own.
        [Roles.Administrator] = Set([.. Enum.GetValues<Permission>().Where(p => p != Permission.KeepCaseload)]),
        [Roles.Provider] = Set(Permission.RegisterAttendance),
        // The log reviewer reads the access log, not the cases it names.
        [Roles.LogReviewer] = Set(Permission.ReadReferenceData, Permission.ReadAccessLog, Permission.ReviewAccessLog),
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<Permission>> ByScope = new Dictionary<string, IReadOnlySet<Permission>>
    {
        [Scopes.ReferralsWrite] = Set(Permission.ReadReferenceData, Permission.Refer, Permission.ListCases, Permission.ReadCase,
            Permission.ReadInfoMeetingTimes, Permission.BookInfoMeeting, Permission.MarkProtectedIdentity, Permission.RecordConsent),
        [Scopes.Import] = Set(Permission.ReadReferenceData, Permission.Import),
        [Scopes.Export] = Set(Permission.ReadReferenceData, Permission.Export),
        [Scopes.ReportsRead] = Set(Permission.ReadReferenceData, Permission.ReadReports),
        // The references of the cases behind a number, within the key's district when it is bound to one; never names.
        [Scopes.ReportsCases] = Set(Permission.ReadReferenceData, Permission.ReadReportCases),
        [Scopes.FollowUpWrite] = Set(Permission.ReadReferenceData, Permission.WriteFollowUp),
        [Scopes.AuditRead] = Set(Permission.ReadReferenceData, Permission.ReadAccessLog),
        [Scopes.PrivacyExtract] = Set(Permission.ReadReferenceData, Permission.ProduceRegisterExtract),
        // A district's system makes the initial assessment at referral and reads the results (the answers with consent).
        [Scopes.AssessmentsWrite] = Set(Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.ReadAssessment,
            Permission.ReadAssessmentAnswersWithConsent, Permission.MakeInitialAssessment),
        [Scopes.ResearchExtract] = Set(Permission.ReadReferenceData, Permission.ProduceResearchExtract),
        // A staffing firm's or the city's own system reads, or also keeps, employers and vacancies; never a case.
        [Scopes.EmployersRead] = Set(Permission.ReadReferenceData, Permission.ReadEmployers),
        [Scopes.EmployersWrite] = Set(Permission.ReadReferenceData, Permission.ReadEmployers, Permission.ManageEmployers),
        // A matching or employer system records the placements it found, on the cases within its reach.
        [Scopes.PlacementsWrite] = Set(Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.RecordPlacement),
        // A matching system ranks and proposes the participants within its reach; a hire records the placement.
        [Scopes.MatchingWrite] = Set(Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.ReadEmployers,
            Permission.ProposeCandidates, Permission.ReadProposals, Permission.RecordPlacement),
        // A programme's own system reads the programmes and lets the cases within its reach join and leave them.
        [Scopes.ProgrammesWrite] = Set(Permission.ReadReferenceData, Permission.ListCases, Permission.ReadCase, Permission.ReadProgrammes,
            Permission.JoinProgramme),
    };

    /// <summary>
    /// The start page the principal has: where "/" leads, and where every "back to the start" link points. An external
    /// provider's staff have no "My work": they start at the attendance day view, the only page they may use. Everyone
    /// else (and anyone not signed in, who is sent to sign in first) starts at "My work", but a log reviewer, who has no
    /// cases, at the access log.
    /// </summary>
    public static StartPage StartPageOf(AccessPrincipal who) =>
        who.IsApiKey ? StartPage.MyWork
        : who.Roles.Contains(Roles.Provider) ? StartPage.Attendance
        : who.Roles.Contains(Roles.LogReviewer) ? StartPage.LogReview
        : StartPage.MyWork;

    /// <summary>Whether the principal holds the permission at all (somewhere within its reach).</summary>
    public static bool Holds(AccessPrincipal who, Permission permission) =>
        who.IsApiKey
            ? who.Scopes.Any(s => ByScope.TryGetValue(s, out var granted) && granted.Contains(permission))
            : who.Roles.Any(r => ByRole.TryGetValue(r, out var granted) && granted.Contains(permission));

    /// <summary>Whether the principal may do this to a case: it holds the permission and the case is within reach.
    /// A district's case worker reads the plan and an assessment's answers only while the person's consent stands.</summary>
    public static bool Allows(AccessPrincipal who, Permission permission, CaseScope c) =>
        Grants(who, permission, c)
        || (permission == Permission.ReadPlan && c.ConsentGiven && Grants(who, Permission.ReadPlanWithConsent, c))
        || (permission == Permission.ReadAssessmentAnswers && c.ConsentGiven && Grants(who, Permission.ReadAssessmentAnswersWithConsent, c));

    private static bool Grants(AccessPrincipal who, Permission permission, CaseScope c) =>
        who.IsApiKey
            ? Holds(who, permission) && !who.KeyDistrictUnknown && (who.KeyDistrictId is null || who.KeyDistrictId == c.DistrictId)
            : who.Roles.Any(role => ByRole.TryGetValue(role, out var granted) && granted.Contains(permission) && Reaches(who, role, c));

    /// <summary>
    /// Whether the case is the caller's own caseload, so that reading it needs no reason: a coach's own cases (they are
    /// the coach), a district case worker's cases of their district, a centre manager's cases of the centre and its
    /// branches (a city-wide manager's, every case). Administrators, matchers, and coaches reading a colleague's case
    /// read outside their caseload and give a reason first. An API key's scope is its reason: never outside.
    /// </summary>
    public static bool IsOwnCase(AccessPrincipal who, string? userId, CaseScope c, string? coachId) =>
        who.IsApiKey || who.Roles.Any(role => role switch
        {
            Roles.Coach => coachId is not null && coachId == userId,
            Roles.CaseWorker => who.DistrictId == c.DistrictId,
            Roles.Manager => ReachesCentre(who, role, c.JobCentreId),
            _ => false,
        });

    /// <summary>Whether the principal may act on things of a job centre (its meetings, its quotas).</summary>
    public static bool AllowsAtCentre(AccessPrincipal who, Permission permission, int jobCentreId) =>
        !who.IsApiKey && who.Roles.Any(role => ByRole.TryGetValue(role, out var granted) && granted.Contains(permission)
            && ReachesCentre(who, role, jobCentreId));

    /// <summary>Whether a case of this district can be referred by the principal: only where it may then see the case.</summary>
    public static bool AllowsReferralTo(AccessPrincipal who, int districtId, int servingJobCentreId) =>
        Allows(who, Permission.Refer, new CaseScope(servingJobCentreId, districtId, false));

    /// <summary>
    /// Which cases the principal's reports count, for the district it asks for (null: no district named). A district's
    /// case worker and a key bound to a district count only that district's cases, and asking for another district is
    /// refused; every other reader of reports counts the whole city or the one district it names. Null when refused: the
    /// principal reads neither the reports nor the cases behind them, or is bound to a district that cannot be told.
    /// </summary>
    public static ReportScope? ReportScopeFor(AccessPrincipal who, int? requestedDistrictId = null)
    {
        // The figures and the cases behind them have the same reach (a key may hold only reports:cases).
        static bool ReadsReports(IReadOnlySet<Permission> granted) =>
            granted.Contains(Permission.ReadReports) || granted.Contains(Permission.ReadReportCases);
        if (!Holds(who, Permission.ReadReports) && !Holds(who, Permission.ReadReportCases)) return null;
        int? boundTo;
        if (who.IsApiKey)
        {
            if (who.KeyDistrictUnknown) return null;
            boundTo = who.KeyDistrictId;
        }
        else
        {
            var cityWide = who.Roles.Any(role => role != Roles.CaseWorker
                                                 && ByRole.TryGetValue(role, out var granted) && ReadsReports(granted));
            if (cityWide) boundTo = null;
            else if (who.DistrictId is { } district) boundTo = district;
            else return null;
        }
        if (boundTo is { } own)
            return requestedDistrictId is null || requestedDistrictId == own ? ReportScope.OfDistrict(own) : null;
        return requestedDistrictId is { } requested ? ReportScope.OfDistrict(requested) : ReportScope.City;
    }

    /// <summary>
    /// The job centres whose cases the reports' caseload per coach counts for the principal; null for every centre. A
    /// centre's manager sees the centre and its branches, as with its cases; a city-wide manager, an analyst, an
    /// administrator and an unbound report key see every centre (a caseload names coaches and counts, no person); anyone
    /// else, a district's case worker or key among them, none.
    /// </summary>
    public static IReadOnlySet<int>? CaseloadCentres(AccessPrincipal who)
    {
        var none = new HashSet<int>();
        if (!Holds(who, Permission.ReadReports)) return none;
        if (who.IsApiKey) return who.KeyDistrictId is null && !who.KeyDistrictUnknown ? null : none;
        var centres = new HashSet<int>();
        foreach (var role in who.Roles.Where(r => ByRole.TryGetValue(r, out var granted) && granted.Contains(Permission.ReadReports)))
        {
            switch (role)
            {
                case Roles.Administrator or Roles.Analyst:
                case Roles.Manager when who.JobCentreId is null:
                    return null;
                case Roles.Manager:
                    centres.Add(who.JobCentreId!.Value);
                    centres.UnionWith(who.BranchIds);
                    break;
            }
        }
        return centres;
    }

    /// <summary>
    /// Whether the principal sees the name, personal number and contact details of a person with protected identity
    /// (skyddade personuppgifter) on this case: the case's own coach, the case workers of the case's district,
    /// administrators, and an API key bound to the case's district. Everyone else — other coaches and matchers, managers,
    /// providers, analysts, log reviewers, unbound keys and other districts' keys — sees a neutral placeholder. A person
    /// without the marking is shown to anyone who may see the case at all.
    /// </summary>
    public static bool SeesProtectedIdentity(AccessPrincipal who, CaseScope c, bool isCoachOfCase)
    {
        if (who.IsApiKey) return !who.KeyDistrictUnknown && who.KeyDistrictId is { } keyDistrict && keyDistrict == c.DistrictId;
        return who.Roles.Contains(Roles.Administrator)
               || (who.Roles.Contains(Roles.CaseWorker) && who.DistrictId == c.DistrictId)
               || isCoachOfCase;
    }

    /// <summary>The same rule as <see cref="SeesProtectedIdentity"/>, as a filter the database applies: the cases whose
    /// person the principal (a user with id <paramref name="userId"/>) sees, the unmarked ones and those the rule allows.</summary>
    public static System.Linq.Expressions.Expression<Func<Cases.Case, bool>> SeesPersonOf(AccessPrincipal who, string? userId)
    {
        if (who.IsApiKey)
        {
            int? keyDistrict = who.KeyDistrictUnknown ? null : who.KeyDistrictId;
            return c => !c.Participant.ProtectedIdentity || (keyDistrict != null && c.DistrictId == keyDistrict);
        }
        if (who.Roles.Contains(Roles.Administrator)) return c => true;
        int? district = who.Roles.Contains(Roles.CaseWorker) ? who.DistrictId : null;
        return c => !c.Participant.ProtectedIdentity || (userId != null && c.CoachId == userId) || (district != null && c.DistrictId == district);
    }

    private static bool Reaches(AccessPrincipal who, string role, CaseScope c) => role switch
    {
        Roles.Administrator => true,
        Roles.CaseWorker => who.DistrictId == c.DistrictId,
        Roles.Coach or Roles.Matcher or Roles.Manager => ReachesCentre(who, role, c.JobCentreId),
        _ => false,
    };

    private static bool ReachesCentre(AccessPrincipal who, string role, int jobCentreId) => role switch
    {
        Roles.Administrator => true,
        Roles.Manager => who.JobCentreId is null || who.JobCentreId == jobCentreId || who.BranchIds.Contains(jobCentreId),
        Roles.Coach or Roles.Matcher => who.JobCentreId == jobCentreId,
        _ => false,
    };

    private static IReadOnlySet<Permission> Set(params Permission[] permissions) => permissions.ToHashSet();
}
