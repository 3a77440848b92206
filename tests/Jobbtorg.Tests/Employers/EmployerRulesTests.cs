using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Placements;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.Employers;

public sealed class EmployerRulesTests
{
    private static EmployerRequest Employer(string? number) =>
        new() { OrganisationNumber = number, Name = "Testföretaget AB", Industry = Industry.G };

    [Theory]
    [InlineData("5599002010")]
    [InlineData("559900-2010")]
    [InlineData("165599002010")]
    [InlineData("2120000142")]
    public void A_valid_organisation_number_is_accepted_in_the_usual_forms(string number) =>
        Assert.Equal(0, EmployerRules.Check(Employer(number)).Count);

    [Theory]
    [InlineData(null, "An organisation number is required.")]
    [InlineData("55990020", "Write the organisation number as NNNNNN-NNNN (10 digits).")]
    [InlineData("559900201X", "Write the organisation number as NNNNNN-NNNN (10 digits).")]
    [InlineData("5599002011", "The check digit of the organisation number is wrong; please check for typing errors.")]
    public void A_malformed_organisation_number_is_refused_saying_what_is_wrong(string? number, string message)
    {
        var errors = EmployerRules.Check(Employer(number));
        var refused = Assert.Single(errors);
        Assert.Equal(nameof(EmployerRequest.OrganisationNumber), refused.Key);
        Assert.Equal(message, refused.Value.Single().ToString());
    }

    [Fact]
    public void A_personal_identity_number_in_its_place_is_refused_as_one()
    {
        var person = TestPeople.Adult(new DateOnly(2026, 3, 10))[2..];
        var errors = EmployerRules.Check(Employer(person));
        Assert.Equal("This is a personal identity number, not an organisation number.", errors.Single().Value.Single().ToString());
    }

    [Fact]
    public void Name_and_industry_are_required_and_every_problem_is_named_at_once()
    {
        var errors = EmployerRules.Check(new EmployerRequest { OrganisationNumber = "5599002010", Unit = new string('x', 201) });
        Assert.True(errors.Has("Name") && errors.Has("Industry") && errors.Has("Unit"));
    }

    [Theory]
    [InlineData("08-508 00 000", "anna@example.se", true)]
    [InlineData("+46 70 123 45 67", null, true)]
    [InlineData("ring mig", null, false)]
    [InlineData(null, "anna.example.se", false)]
    [InlineData(null, "anna@example", false)]
    public void A_contact_persons_phone_and_email_are_checked(string? phone, string? email, bool valid) =>
        Assert.Equal(valid, EmployerRules.Check(new ContactRequest { Name = "Anna Exempel", Phone = phone, Email = email }).Count == 0);
}

public sealed class VacancyRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly VacancyRules Rules = new(new OccupationCatalogue(), new LanguageCatalogue(), new EducationLevelCatalogue());

    private static VacancyRequest Valid() => new()
    {
        EmployerId = 1, Title = "Lagerarbetare", Occupation = "9332", Kind = PlacementKind.Employment, Places = 2, HoursPerWeek = 40,
        PlaceOfWork = "Årsta", StartDate = Today.AddDays(30), LastDayToPropose = Today.AddDays(14),
        Language = "sv", LanguageLevel = "B1", DrivingLicence = "b", EducationLevel = "31", YearsOfExperience = 1,
    };

    [Fact]
    public void A_complete_vacancy_breaks_no_rule() => Assert.Equal(0, Rules.Check(Valid(), Today).Count);

    [Fact]
    public void An_unknown_occupation_is_refused_by_name()
    {
        var r = Valid();
        r.Occupation = "9999";
        var errors = Rules.Check(r, Today);
        Assert.Equal("9999 is not an SSYK 2012 occupation group.", errors.Single(e => e.Key == "Occupation").Value.Single().ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void Places_lie_between_one_and_five_hundred(int places)
    {
        var r = Valid();
        r.Places = places;
        Assert.True(Rules.Check(r, Today).Has("Places"));
    }

    [Fact]
    public void The_last_day_to_propose_lies_between_today_and_the_start()
    {
        var r = Valid();
        r.LastDayToPropose = r.StartDate!.Value.AddDays(1);
        Assert.True(Rules.Check(r, Today).Has("LastDayToPropose"));
        r.LastDayToPropose = Today.AddDays(-1);
        Assert.True(Rules.Check(r, Today).Has("LastDayToPropose"));
        r.LastDayToPropose = r.StartDate;
        Assert.False(Rules.Check(r, Today).Has("LastDayToPropose"));
    }

    [Fact]
    public void The_start_lies_between_today_and_two_years_ahead()
    {
        var r = Valid();
        r.StartDate = Today.AddYears(2).AddDays(1);
        Assert.True(Rules.Check(r, Today).Has("StartDate"));
        r.StartDate = Today.AddDays(-1);
        Assert.True(Rules.Check(r, Today).Has("StartDate"));
    }

    [Fact]
    public void Requirements_are_checked_against_the_catalogues()
    {
        var r = Valid();
        r.Language = "xx";
        r.LanguageLevel = "D7";
        r.DrivingLicence = "Z";
        r.EducationLevel = "99";
        r.YearsOfExperience = 41;
        var errors = Rules.Check(r, Today);
        Assert.True(errors.Has("Language") && errors.Has("LanguageLevel") && errors.Has("DrivingLicence") && errors.Has("EducationLevel")
                    && errors.Has("YearsOfExperience"));
    }

    [Fact]
    public void A_withdrawn_or_filled_vacancy_cannot_be_withdrawn_again()
    {
        var v = Vacancy.Register(Valid(), "Matchare", DateTimeOffset.UnixEpoch);
        Assert.Equal(VacancyStatus.Open, v.Status);
        v.Withdraw("Tjänsten drogs in", "Matchare", DateTimeOffset.UnixEpoch);
        Assert.Equal(VacancyStatus.Withdrawn, v.Status);
        Assert.Throws<Jobbtorg.Features.Shared.RuleBrokenException>(() => v.MarkFilled("Matchare", DateTimeOffset.UnixEpoch));
        Assert.True(VacancyRules.Check(new WithdrawVacancyRequest { Reason = " " }).Has("Reason"));
    }
}
