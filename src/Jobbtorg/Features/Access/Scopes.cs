namespace Jobbtorg.Features.Access;

public static class Scopes
{
    public const string ReferralsWrite = "referrals:write";
    public const string Import = "import";
    public const string Export = "export";
    public const string ReportsRead = "reports:read";
    /// <summary>The case references behind the report's numbers.</summary>
    public const string ReportsCases = "reports:cases";
    public const string FollowUpWrite = "followup:write";
    /// <summary>The access log, for the authority's own audit tools.</summary>
    public const string AuditRead = "audit:read";
    /// <summary>A person's register extract (GDPR art. 15).</summary>
    public const string PrivacyExtract = "privacy:extract";
    /// <summary>A district's system makes initial assessments and reads results.</summary>
    public const string AssessmentsWrite = "assessments:write";
    /// <summary>The pseudonymised research extract.</summary>
    public const string ResearchExtract = "research:extract";
    /// <summary>Employers and vacancies, read only.</summary>
    public const string EmployersRead = "employers:read";
    /// <summary>Employers, their contact people and vacancies, read and kept.</summary>
    public const string EmployersWrite = "employers:write";
    /// <summary>Record and end placements on cases.</summary>
    public const string PlacementsWrite = "placements:write";
    /// <summary>Candidates for vacancies and vacancies for people; propose, and move proposals on to their outcome.</summary>
    public const string MatchingWrite = "matching:write";
    /// <summary>Read the special programmes and let cases join and leave them.</summary>
    public const string ProgrammesWrite = "programmes:write";
    public static readonly string[] All =
        [ReferralsWrite, Import, Export, ReportsRead, ReportsCases, FollowUpWrite, AuditRead, PrivacyExtract, AssessmentsWrite, ResearchExtract,
         EmployersRead, EmployersWrite, PlacementsWrite, MatchingWrite, ProgrammesWrite];
}
