using Jobbtorg.Features.Access;

namespace Jobbtorg.Tests.ProtectedIdentity;

/// <summary>Who sees a protected person: the case's coach, the district's case workers and key, administrators; no one else.</summary>
public sealed class ProtectedIdentityRuleTests
{
    private const int Farsta = 1, Kista = 2, Eav = 10, Rinkeby = 11;
    private static readonly CaseScope FarstaCase = new(Farsta, Eav, ConsentGiven: true);

    private static AccessPrincipal Staff(string role, int? centre = null, int? district = null) =>
        new(false, [role], [], centre, [], district, null, false);

    private static AccessPrincipal Key(int? district, params string[] scopes) => new(true, [], scopes, null, [], null, district, false);

    [Fact]
    public void Only_the_cases_coach_the_districts_case_workers_and_key_and_administrators_see_the_person()
    {
        Assert.True(AccessRules.SeesProtectedIdentity(Staff(Roles.Coach, Farsta), FarstaCase, isCoachOfCase: true));
        Assert.True(AccessRules.SeesProtectedIdentity(Staff(Roles.CaseWorker, district: Eav), FarstaCase, isCoachOfCase: false));
        Assert.True(AccessRules.SeesProtectedIdentity(Staff(Roles.Administrator), FarstaCase, isCoachOfCase: false));
        Assert.True(AccessRules.SeesProtectedIdentity(Key(Eav, Scopes.ReferralsWrite), FarstaCase, isCoachOfCase: false));

        var others = new[]
        {
            Staff(Roles.Coach, Farsta), Staff(Roles.Coach, Kista), Staff(Roles.Matcher, Farsta), Staff(Roles.Manager, Farsta), Staff(Roles.Manager),
            Staff(Roles.Analyst), Staff(Roles.Provider), Staff(Roles.LogReviewer), Staff(Roles.CaseWorker, district: Rinkeby), AccessPrincipal.Nobody,
        };
        foreach (var who in others)
            Assert.False(AccessRules.SeesProtectedIdentity(who, FarstaCase, isCoachOfCase: false), string.Join(",", who.Roles));
        foreach (var key in new[] { Key(null, Scopes.All), Key(Rinkeby, Scopes.ReferralsWrite), Key(null, Scopes.Export), Key(null, Scopes.ReportsCases) })
            Assert.False(AccessRules.SeesProtectedIdentity(key, FarstaCase, isCoachOfCase: false));
        // A key bound to a district code that does not exist sees no one.
        Assert.False(AccessRules.SeesProtectedIdentity(new AccessPrincipal(true, [], [Scopes.ReferralsWrite], null, [], null, Eav, true), FarstaCase, false));
    }

    [Fact]
    public void The_search_filter_finds_a_protected_person_exactly_for_those_the_rule_lets_see_them()
    {
        const string coachId = "coach-of-the-case";
        var participant = new Jobbtorg.Features.Cases.Participant { PersonalNumber = "198501012382" };
        participant.MarkProtectedIdentity(true, "test", DateTimeOffset.UnixEpoch);
        var district = new Jobbtorg.Features.Organisation.District { Id = Eav, Code = "eav", Name = "Enskede-Årsta-Vantör" };
        var c = Jobbtorg.Features.Cases.Case.Refer(participant, Jobbtorg.Features.Cases.Gender.F, district, Farsta, new DateOnly(2026, 3, 2),
            DateTimeOffset.UnixEpoch, "test", Jobbtorg.Features.Cases.ReferralChannel.Api);
        c.AssignCoach(new AppUser { Id = coachId, DisplayName = "Coach", JobCentreId = Farsta });

        var principals = new (AccessPrincipal Who, string? UserId)[]
        {
            (Staff(Roles.Coach, Farsta), coachId), (Staff(Roles.Coach, Farsta), "a-colleague"), (Staff(Roles.Matcher, Farsta), "a-matcher"),
            (Staff(Roles.Manager, Farsta), "a-manager"), (Staff(Roles.CaseWorker, district: Eav), "here"), (Staff(Roles.CaseWorker, district: Rinkeby), "there"),
            (Staff(Roles.Administrator), "admin"), (Staff(Roles.Analyst), "analyst"), (Staff(Roles.LogReviewer), "reviewer"),
            (Key(Eav, Scopes.ReferralsWrite), null), (Key(Rinkeby, Scopes.ReferralsWrite), null), (Key(null, Scopes.All), null),
        };
        foreach (var (who, userId) in principals)
        {
            var rule = AccessRules.SeesProtectedIdentity(who, new CaseScope(c.JobCentreId, c.DistrictId, false), isCoachOfCase: !who.IsApiKey && userId == coachId);
            var filter = AccessRules.SeesPersonOf(who, userId).Compile()(c);
            Assert.True(rule == filter, $"{string.Join(",", who.Roles)}{(who.IsApiKey ? " key" : "")} {userId}: rule {rule}, filter {filter}");
        }
    }
}
