using Jobbtorg.Features.Access;

namespace Jobbtorg.Tests.Access;

public sealed class AccessRulesTests
{
    private const int Farsta = 1, Kista = 2, KistaYouth = 3, Eav = 10, Rinkeby = 11;
    private static readonly CaseScope FarstaCase = new(Farsta, Eav, ConsentGiven: false);

    private static AccessPrincipal Staff(string role, int? centre = null, int? district = null, params int[] branches) =>
        new(false, [role], [], centre, branches, district, null, false);

    private static AccessPrincipal Key(int? district, params string[] scopes) => new(true, [], scopes, null, [], null, district, false);

    [Fact]
    public void A_providers_start_page_is_the_attendance_day_view_a_log_reviewers_the_access_log_and_everyone_elses_is_my_work()
    {
        Assert.Equal("/Attendance", AccessRules.StartPageOf(Staff(Roles.Provider)).Path);
        Assert.Equal("/AccessLog/Review", AccessRules.StartPageOf(Staff(Roles.LogReviewer)).Path);
        foreach (var role in Roles.All.Where(r => r is not (Roles.Provider or Roles.LogReviewer)))
            Assert.Equal("/", AccessRules.StartPageOf(Staff(role, Farsta, Eav)).Path);
        Assert.Equal("/", AccessRules.StartPageOf(AccessPrincipal.Nobody).Path);
    }

    [Fact]
    public void A_matcher_reads_the_centres_cases_and_journal_but_changes_nothing()
    {
        var matcher = Staff(Roles.Matcher, Farsta);
        Assert.True(AccessRules.Allows(matcher, Permission.ReadCase, FarstaCase));
        Assert.True(AccessRules.Allows(matcher, Permission.ReadJournal, FarstaCase));
        Assert.False(AccessRules.Allows(matcher, Permission.WriteJournal, FarstaCase));
        Assert.False(AccessRules.Allows(matcher, Permission.BookInfoMeeting, FarstaCase));
        Assert.False(AccessRules.Allows(matcher, Permission.WorkCase, FarstaCase));
    }

    [Fact]
    public void The_districts_case_worker_reads_the_plan_only_while_the_person_consents()
    {
        var caseWorker = Staff(Roles.CaseWorker, district: Eav);
        Assert.False(AccessRules.Allows(caseWorker, Permission.ReadPlan, FarstaCase));
        Assert.True(AccessRules.Allows(caseWorker, Permission.ReadPlan, FarstaCase with { ConsentGiven = true }));
        Assert.False(AccessRules.Allows(caseWorker, Permission.ReadJournal, FarstaCase with { ConsentGiven = true }));
        Assert.False(AccessRules.Allows(Staff(Roles.CaseWorker, district: Rinkeby), Permission.ReadCase, FarstaCase));
    }

    [Fact]
    public void A_centres_manager_reaches_its_branches_and_a_city_wide_manager_everything()
    {
        var kistaManager = Staff(Roles.Manager, Kista, branches: KistaYouth);
        Assert.True(AccessRules.Allows(kistaManager, Permission.WorkCase, new CaseScope(KistaYouth, Rinkeby, false)));
        Assert.True(AccessRules.AllowsAtCentre(kistaManager, Permission.ManageInfoMeetings, KistaYouth));
        Assert.False(AccessRules.Allows(kistaManager, Permission.ReadCase, FarstaCase));
        Assert.True(AccessRules.Allows(Staff(Roles.Manager), Permission.WorkCase, FarstaCase));
        Assert.False(AccessRules.Allows(Staff(Roles.Coach, Kista), Permission.ReadCase, new CaseScope(KistaYouth, Rinkeby, false)));
    }

    [Fact]
    public void The_caseload_per_coach_covers_a_managers_centre_and_branches_and_every_centre_for_analysts()
    {
        Assert.Equal([Kista, KistaYouth], AccessRules.CaseloadCentres(Staff(Roles.Manager, Kista, branches: KistaYouth))!.Order());
        Assert.Null(AccessRules.CaseloadCentres(Staff(Roles.Manager)));
        Assert.Null(AccessRules.CaseloadCentres(Staff(Roles.Analyst)));
        Assert.Null(AccessRules.CaseloadCentres(Staff(Roles.Administrator)));
        Assert.Null(AccessRules.CaseloadCentres(Key(null, Scopes.ReportsRead)));
        Assert.Empty(AccessRules.CaseloadCentres(Key(Eav, Scopes.ReportsRead))!);
        Assert.Empty(AccessRules.CaseloadCentres(Staff(Roles.Coach, Farsta))!);
        Assert.Empty(AccessRules.CaseloadCentres(AccessPrincipal.Nobody)!);
    }

    [Fact]
    public void A_key_holds_only_what_its_scopes_name_within_its_district()
    {
        var reports = Key(null, Scopes.ReportsRead);
        Assert.True(AccessRules.Holds(reports, Permission.ReadReports));
        Assert.False(AccessRules.Holds(reports, Permission.ReadCase));
        Assert.False(AccessRules.Allows(reports, Permission.ReadCase, FarstaCase));

        var eav = Key(Eav, Scopes.ReferralsWrite);
        Assert.True(AccessRules.Allows(eav, Permission.ReadCase, FarstaCase));
        Assert.False(AccessRules.Allows(eav, Permission.ReadCase, new CaseScope(Kista, Rinkeby, false)));
        Assert.False(AccessRules.Allows(eav, Permission.WorkCase, FarstaCase));
        Assert.False(AccessRules.AllowsAtCentre(Key(null, Scopes.All), Permission.ManageInfoMeetings, Farsta));

        var unknownDistrict = new AccessPrincipal(true, [], [Scopes.ReferralsWrite], null, [], null, null, KeyDistrictUnknown: true);
        Assert.False(AccessRules.Allows(unknownDistrict, Permission.ReadCase, FarstaCase));
    }

    [Fact]
    public void A_district_bound_reader_counts_only_its_district_and_is_refused_another()
    {
        Assert.Equal(ReportScope.OfDistrict(Eav), AccessRules.ReportScopeFor(Staff(Roles.CaseWorker, district: Eav)));
        Assert.Equal(ReportScope.OfDistrict(Eav), AccessRules.ReportScopeFor(Staff(Roles.CaseWorker, district: Eav), Eav));
        Assert.Null(AccessRules.ReportScopeFor(Staff(Roles.CaseWorker, district: Eav), Rinkeby));
        Assert.Null(AccessRules.ReportScopeFor(Staff(Roles.CaseWorker)));

        Assert.Equal(ReportScope.OfDistrict(Eav), AccessRules.ReportScopeFor(Key(Eav, Scopes.ReportsRead)));
        Assert.Null(AccessRules.ReportScopeFor(Key(Eav, Scopes.ReportsRead), Rinkeby));
        Assert.Null(AccessRules.ReportScopeFor(Key(Eav, Scopes.ReferralsWrite)));
        var unknownDistrict = new AccessPrincipal(true, [], [Scopes.ReportsRead], null, [], null, null, KeyDistrictUnknown: true);
        Assert.Null(AccessRules.ReportScopeFor(unknownDistrict));
    }

    [Fact]
    public void A_reader_of_the_whole_city_counts_the_city_or_any_district_it_names()
    {
        foreach (var reader in new[] { Staff(Roles.Analyst), Staff(Roles.Manager, Farsta), Staff(Roles.Administrator), Key(null, Scopes.ReportsRead) })
        {
            Assert.Equal(ReportScope.City, AccessRules.ReportScopeFor(reader));
            Assert.Equal(ReportScope.OfDistrict(Rinkeby), AccessRules.ReportScopeFor(reader, Rinkeby));
        }
        Assert.Null(AccessRules.ReportScopeFor(Staff(Roles.Coach, Farsta)));
        Assert.Null(AccessRules.ReportScopeFor(AccessPrincipal.Nobody));
    }

    [Fact]
    public void Nobody_signed_in_holds_nothing_and_an_analyst_only_the_reports_and_the_research_extract()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.False(AccessRules.Holds(AccessPrincipal.Nobody, p)));
        var analyst = Staff(Roles.Analyst);
        Assert.Equal([Permission.ReadReferenceData, Permission.ReadReports, Permission.ProduceResearchExtract],
            Enum.GetValues<Permission>().Where(p => AccessRules.Holds(analyst, p)));
    }
}
