using Jobbtorg.Data;
using Jobbtorg.Features.Employers;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Employers;

[Trait("Category", "Http")]
public sealed class DemoEmployersTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    [Fact]
    public async Task The_demo_employers_are_a_staffing_firm_local_businesses_and_two_city_administrations_with_open_vacancies_seeded_once()
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await app.WithDbAsync(async db => { await DemoDataEmployers.SeedAsync(db, clock); return 0; });
        await app.WithDbAsync(async db => { await DemoDataEmployers.SeedAsync(db, clock); return 0; });

        var employers = await app.WithDbAsync(db => db.Set<Employer>().Include(e => e.Contacts).ToListAsync());
        Assert.Equal(6, employers.Count);
        Assert.Equal(2, employers.Count(e => e.IsCityAdministration && e.OrganisationNumber == "2120000142" && e.Unit is not null));
        Assert.Contains(employers, e => e.Industry == Industry.N && e.Name.Contains("bemanning", StringComparison.OrdinalIgnoreCase));
        Assert.All(employers, e => Assert.NotEmpty(e.Contacts));
        Assert.All(employers, e => Assert.Equal(0, EmployerRules.Check(new EmployerRequest
            { OrganisationNumber = e.OrganisationNumber, Name = e.Name, Industry = e.Industry }).Count));
        // Every contact's e-mail is at a reserved example domain: no real mailbox.
        Assert.All(employers.SelectMany(e => e.Contacts), c => Assert.EndsWith(".example", c.Email));

        var vacancies = await app.WithDbAsync(db => db.Set<Vacancy>().ToListAsync());
        var rules = app.Services.GetRequiredService<VacancyRules>();
        Assert.All(employers, e => Assert.Contains(vacancies, v => v.EmployerId == e.Id && v.Status == VacancyStatus.Open));
        Assert.All(vacancies, v => Assert.Equal(0, rules.Check(new VacancyRequest
        {
            EmployerId = v.EmployerId, Title = v.Title, Occupation = v.OccupationCode, Kind = v.Kind, Places = v.Places, HoursPerWeek = v.HoursPerWeek,
            PlaceOfWork = v.PlaceOfWork, StartDate = v.StartDate, LastDayToPropose = v.LastDayToPropose, Language = v.LanguageCode,
            LanguageLevel = v.LanguageLevel, DrivingLicence = v.DrivingLicence, EducationLevel = v.EducationLevel, YearsOfExperience = v.YearsOfExperience,
        }, app.Today).Count));
    }
}
