using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Features.Staff;

namespace Jobbtorg.Tests.Staff;

public class StaffRulesTests
{
    private static readonly StaffBinding Centre = new(1, null, null);
    private static readonly StaffBinding District = new(null, 2, null);
    private static readonly StaffBinding Provider = new(null, null, 3);
    private static readonly StaffBinding None = StaffBinding.None;

    private static AppUser User(int? centre = null, DateTimeOffset? deactivatedAt = null) =>
        new() { Id = "u1", DisplayName = "Anna Lindqvist", JobCentreId = centre, DeactivatedAt = deactivatedAt };

    private static string Refusal(Action action) => Assert.Throws<RuleBrokenException>(action).Template;

    public static TheoryData<string, StaffBinding> Fitting => new()
    {
        { Roles.Coach, Centre }, { Roles.Matcher, Centre }, { Roles.Manager, Centre }, { Roles.Manager, None },
        { Roles.CaseWorker, District }, { Roles.Provider, Provider }, { Roles.Analyst, None }, { Roles.Administrator, None },
    };

    public static TheoryData<string, StaffBinding> NotFitting => new()
    {
        { Roles.Coach, None }, { Roles.Coach, District }, { Roles.Matcher, Provider }, { Roles.Manager, District },
        { Roles.CaseWorker, None }, { Roles.CaseWorker, Centre }, { Roles.Provider, None }, { Roles.Provider, Centre },
        { Roles.Analyst, Centre }, { Roles.Administrator, District }, { Roles.Administrator, Provider },
    };

    [Theory]
    [MemberData(nameof(Fitting))]
    public void Each_role_has_the_binding_it_needs(string role, StaffBinding binding) => StaffRules.EnsureBindingFits(role, binding);

    [Theory]
    [MemberData(nameof(NotFitting))]
    public void A_role_without_its_binding_or_with_another_roles_binding_is_refused(string role, StaffBinding binding) =>
        Assert.Throws<RuleBrokenException>(() => StaffRules.EnsureBindingFits(role, binding));

    [Theory]
    [InlineData(null)]
    [InlineData("Superuser")]
    public void An_unknown_role_is_refused(string? role) =>
        Assert.Equal("Choose a role.", Refusal(() => StaffRules.EnsureBindingFits(role, None)));

    [Fact]
    public void A_coach_with_open_cases_cannot_be_deactivated_until_they_are_handed_over()
    {
        Assert.Contains("open cases", Refusal(() => StaffRules.EnsureMayDeactivate(User(1), Roles.Coach, isSelf: false, openCases: 3, 1)));
        StaffRules.EnsureMayDeactivate(User(1), Roles.Coach, isSelf: false, openCases: 0, 1);
    }

    [Fact]
    public void Nobody_deactivates_themselves_or_the_last_administrator_or_a_deactivated_user()
    {
        Assert.Equal("You cannot deactivate your own account.", Refusal(() => StaffRules.EnsureMayDeactivate(User(), Roles.Administrator, true, 0, 3)));
        Assert.Equal("At least one active administrator must remain.", Refusal(() => StaffRules.EnsureMayDeactivate(User(), Roles.Administrator, false, 0, 0)));
        Assert.Equal("The user is already deactivated.",
            Refusal(() => StaffRules.EnsureMayDeactivate(User(deactivatedAt: DateTimeOffset.UnixEpoch), Roles.Analyst, false, 0, 1)));
    }

    [Fact]
    public void A_coach_with_open_cases_keeps_the_role_and_the_centre_but_the_last_administrator_stays_one()
    {
        Assert.Contains("open cases", Refusal(() => StaffRules.EnsureMayChangeRole(User(1), Roles.Coach, Roles.Coach, new(5, null, null), 2, 1)));
        Assert.Contains("open cases", Refusal(() => StaffRules.EnsureMayChangeRole(User(1), Roles.Coach, Roles.Manager, Centre, 2, 1)));
        StaffRules.EnsureMayChangeRole(User(1), Roles.Coach, Roles.Manager, Centre, 0, 1);
        Assert.Equal("At least one active administrator must remain.",
            Refusal(() => StaffRules.EnsureMayChangeRole(User(), Roles.Administrator, Roles.Analyst, None, 0, 0)));
    }

    [Fact]
    public void A_deactivated_user_is_reactivated_before_the_role_changes_and_an_active_one_cannot_be_reactivated()
    {
        Assert.Equal("Reactivate the user before changing the role.",
            Refusal(() => StaffRules.EnsureMayChangeRole(User(deactivatedAt: DateTimeOffset.UnixEpoch), Roles.Analyst, Roles.Administrator, None, 0, 1)));
        Assert.Equal("The user is active.", Refusal(() => StaffRules.EnsureMayReactivate(User())));
    }

    [Fact]
    public void A_deactivated_coach_cannot_take_a_case()
    {
        var c = new Builders.CaseBuilder().ReferredOn(new DateOnly(2024, 4, 22)).EnrolledOn(new DateOnly(2024, 4, 29)).Build();
        var gone = Builders.CaseBuilder.Coach("coach-9", "Sara Holm");
        gone.DeactivatedAt = DateTimeOffset.UnixEpoch;
        Assert.Equal("{0} is deactivated and cannot take cases.", Refusal(() => c.AssignCoach(gone)));
    }

    [Fact]
    public void Every_role_has_a_label_in_both_languages()
    {
        foreach (var language in new[] { "sv", "en" })
        {
            var texts = Jobbtorg.Features.Shared.Texts.Load(language);
            foreach (var role in Roles.All)
                Assert.True(texts.ContainsKey($"Role.{role}"), $"The {language} translations have no Role.{role}");
        }
    }
}
