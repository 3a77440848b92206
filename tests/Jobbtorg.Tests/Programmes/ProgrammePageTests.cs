using System.Net;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Programmes;

/// <summary>Who may see and do what on the programme pages, and the pages' forms.</summary>
[Trait("Category", "Http")]
public sealed class ProgrammePageTests(ProgrammesApp fixture) : IClassFixture<ProgrammesApp>
{
    private Task<HttpClient> StaffAsync(string role, string centre = "farsta") => role switch
    {
        Roles.CaseWorker => fixture.App.SignInAsNewAsync(role, district: "enskede-arsta-vantor"),
        Roles.Coach or Roles.Matcher or Roles.Manager => fixture.App.SignInAsNewAsync(role, centre: centre),
        _ => fixture.App.SignInAsNewAsync(role),
    };

    private static readonly string[] Readers = [Roles.Coach, Roles.Manager, Roles.Administrator];
    private static readonly string[] Keepers = [Roles.Manager, Roles.Administrator];
    private static readonly string[] ReportReaders = [Roles.CaseWorker, Roles.Manager, Roles.Analyst, Roles.Administrator];

    [Fact]
    public async Task Each_role_reaches_the_programme_pages_and_the_report_as_the_rules_say()
    {
        var programme = await fixture.ProgrammeAsync();
        foreach (var role in Roles.All)
        {
            var client = await StaffAsync(role);
            foreach (var page in new[] { "/Programmes", $"/Programmes/Details/{programme}" })
            {
                var response = await client.GetAsync(page);
                Assert.True(Readers.Contains(role) == (response.StatusCode == HttpStatusCode.OK), $"{role} GET {page}: {response.StatusCode}");
            }
            var report = await client.GetAsync("/Programmes/Report?year=2026");
            Assert.True(ReportReaders.Contains(role) == (report.StatusCode == HttpStatusCode.OK), $"{role} GET report: {report.StatusCode}");
            var intake = await client.GetAsync($"/Programmes/Intake/{programme}");
            Assert.True(Keepers.Contains(role) == (intake.StatusCode == HttpStatusCode.OK), $"{role} GET intake: {intake.StatusCode}");
            if (Readers.Contains(role))
            {
                var name = $"Ny insats {role} {Guid.NewGuid():N}"[..40];
                var created = await client.SubmitFormAsync("/Programmes", new() { ["Input.Name"] = name, ["Input.Kind"] = "Youth", ["Input.Description"] = "" });
                var stored = await fixture.App.WithDbAsync(db => db.Set<Programme>().AnyAsync(p => p.Name == name));
                Assert.True(Keepers.Contains(role) == stored, $"{role} POST /Programmes: {created.StatusCode}, stored: {stored}");
                if (Keepers.Contains(role)) Assert.Contains("/Programmes/Details/", created.Headers.Location!.ToString());
            }
        }
    }

    [Fact]
    public async Task A_managers_yearly_cost_with_funding_above_the_cost_is_refused_on_its_field_and_nothing_is_stored()
    {
        var programme = await fixture.ProgrammeAsync();
        var manager = await StaffAsync(Roles.Manager);
        var refused = await manager.SubmitFormAsync($"/Programmes/Details/{programme}", new()
            { ["Year.Year"] = "2023", ["Year.Cost"] = "100000", ["Year.ExternalFunding"] = "200000" }, $"/Programmes/Details/{programme}?handler=Year");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Year.ExternalFunding\"", html);
        Assert.Contains("kostnaden", html); // in the user's language
        var outOfBounds = await manager.SubmitFormAsync($"/Programmes/Details/{programme}", new()
            { ["Year.Year"] = "1999", ["Year.Cost"] = "100000" }, $"/Programmes/Details/{programme}?handler=Year");
        Assert.Equal(HttpStatusCode.OK, outOfBounds.StatusCode);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Set<ProgrammeYear>().CountAsync(y => y.ProgrammeId == programme)));

        var saved = await manager.SubmitFormAsync($"/Programmes/Details/{programme}", new()
            { ["Year.Year"] = "2023", ["Year.Cost"] = "2150000", ["Year.ExternalFunding"] = "0" }, $"/Programmes/Details/{programme}?handler=Year");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2_150_000, await fixture.App.WithDbAsync(db => db.Set<ProgrammeYear>().Where(y => y.ProgrammeId == programme).Select(y => y.Cost).SingleAsync()));
    }

    [Fact]
    public async Task A_programme_name_is_taken_once_whatever_the_letter_case()
    {
        await fixture.ProgrammeAsync("Welcome House Test");
        var manager = await StaffAsync(Roles.Manager);
        var again = await manager.SubmitFormAsync("/Programmes", new() { ["Input.Name"] = " welcome house test ", ["Input.Kind"] = "NewlyArrived" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-valmsg-for=\"Input.Name\"", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.Set<Programme>().CountAsync(p => p.NameKey == "WELCOME HOUSE TEST")));
    }

    [Fact]
    public async Task A_coach_joins_their_centres_case_but_another_centres_coach_does_not_see_it()
    {
        var programme = await fixture.ProgrammeAsync("Sida-insats");
        var coach = await fixture.App.CreateUserAsync(Roles.Coach, centre: "farsta");
        var caseId = await StaffKit.OpenCaseAsync(fixture.App, coach, consent: true);
        var own = await fixture.App.SignInAsync(coach);
        var joined = await own.SubmitFormAsync($"/Cases/Programmes/{caseId}/Join", new()
            { ["Input.ProgrammeId"] = programme.ToString(), ["Input.JoinedOn"] = fixture.Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var membership = await fixture.App.WithDbAsync(db => db.Set<ProgrammeMembership>().SingleAsync(m => m.CaseId == caseId));

        var stranger = await StaffAsync(Roles.Coach, centre: "kista");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Cases/Programmes/{caseId}/Join")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Cases/Programmes/Leave/{membership.Id}")).StatusCode);
        // The programme's page lists only the members the reader may see.
        Assert.DoesNotContain($"/Cases/Details/{caseId}\"", await stranger.GetStringAsync($"/Programmes/Details/{programme}"));
        Assert.Contains($"/Cases/Details/{caseId}\"", await own.GetStringAsync($"/Programmes/Details/{programme}"));

        var beforeJoin = await own.SubmitFormAsync($"/Cases/Programmes/Leave/{membership.Id}", new()
            { ["Input.LeftOn"] = fixture.Today.AddDays(-1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, beforeJoin.StatusCode);
        Assert.Contains("data-valmsg-for=\"Input.LeftOn\"", await beforeJoin.Content.ReadAsStringAsync());
        Assert.Null(await fixture.App.WithDbAsync(db => db.Set<ProgrammeMembership>().Where(m => m.Id == membership.Id).Select(m => m.LeftOn).SingleAsync()));
    }

    [Fact]
    public async Task A_manager_takes_a_person_in_without_a_referral_as_an_ordinary_case_of_their_district_flagged_in_the_programme()
    {
        var programme = await fixture.ProgrammeAsync("Intagsinsats");
        var manager = await StaffAsync(Roles.Manager);
        var person = TestPeople.Adult(fixture.Today);
        var taken = await manager.SubmitFormAsync($"/Programmes/Intake/{programme}", new()
        {
            ["Input.PersonalNumber"] = person, ["Input.FirstName"] = "Ida", ["Input.LastName"] = "Intag", ["Input.District"] = "enskede-arsta-vantor",
            ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ConsentGiven"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var (c, m) = await fixture.App.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.District).SingleAsync(x => x.Participant.PersonalNumber == person && x.Status != CaseStatus.Closed);
            return (c, await db.Set<ProgrammeMembership>().SingleAsync(x => x.CaseId == c.Id));
        });
        Assert.Equal("enskede-arsta-vantor", c.District!.Code);
        Assert.Equal(ReferralChannel.Form, c.Channel);
        Assert.True(m.TakenInByProgramme);
        Assert.Equal(programme, m.ProgrammeId);
        Assert.Equal(c.ReferralDate, m.JoinedOn);

        // A bad form stores neither a case nor a membership.
        var before = await fixture.App.WithDbAsync(db => db.Set<ProgrammeMembership>().CountAsync());
        var bad = await manager.SubmitFormAsync($"/Programmes/Intake/{programme}", new()
        {
            ["Input.PersonalNumber"] = "123", ["Input.FirstName"] = "Ida", ["Input.LastName"] = "Intag", ["Input.District"] = "enskede-arsta-vantor",
            ["Input.TargetGroup"] = "UnemployedOnBenefit",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(before, await fixture.App.WithDbAsync(db => db.Set<ProgrammeMembership>().CountAsync()));

        // The report counts the person as taken in without a referral.
        var report = await (await StaffAsync(Roles.Analyst)).GetStringAsync($"/Programmes/Report?year={fixture.Today.Year}");
        Assert.Contains($"data-testid=\"programme-report-{programme}\"", report);
        var bounds = await (await StaffAsync(Roles.Analyst)).GetAsync("/Programmes/Report?year=1990&tertial=5");
        Assert.Equal(HttpStatusCode.OK, bounds.StatusCode);
        var boundsHtml = await bounds.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Year\"", boundsHtml);
        Assert.DoesNotContain("data-testid=\"programme-report\"", boundsHtml);
    }
}
