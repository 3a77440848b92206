using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Matching;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Matching.MatchingApp;

namespace Jobbtorg.Tests.Matching;

/// <summary>Matching on the pages: the matcher ranks, proposes and records the hire; the coach asks for help and follows the
/// proposals on the case page; and who may open which page or endpoint.</summary>
[Trait("Category", "Http")]
public sealed class MatchingPageTests(MatchingApp fixture) : IClassFixture<MatchingApp>
{
    private static string Row(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{testId} is not on the page");
        // Up to the next marked element: the row, item or section with its cells.
        var next = html.IndexOf("data-testid=", at + 12, StringComparison.Ordinal);
        return html[at..(next < 0 ? html.Length : next)];
    }

    [Fact]
    public async Task A_coach_asks_for_help_the_matcher_takes_it_proposes_from_the_candidates_and_records_the_hire_the_coach_sees_it_all()
    {
        var vacancy = await fixture.VacancyAsync("5321", places: 2);
        var person = await fixture.PersonAsync(Availability.Available, ("goal_occupation", "5321"));
        var name = (await fixture.App.WithDbAsync(db => db.Cases.Include(c => c.Participant).SingleAsync(c => c.Id == person))).Participant.DisplayName;

        var asked = await fixture.CoachClient.SubmitFormAsync($"/Cases/Matching/{person}/Ask", new() { ["Note"] = "Söker praktik inom vården." });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var start = await fixture.MatcherClient.GetStringAsync("/");
        Assert.Contains("Söker praktik inom vården.", start);
        var help = await fixture.App.WithDbAsync(db => db.Set<MatchingHelpRequest>().SingleAsync(h => h.CaseId == person));
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.MatcherClient.SubmitFormAsync("/", new(), $"/Matching/Help/{help.Id}?handler=Take")).StatusCode);
        Assert.Equal(HelpRequestStatus.Taken, await fixture.App.WithDbAsync(db => db.Set<MatchingHelpRequest>().Where(h => h.Id == help.Id).Select(h => h.Status).SingleAsync()));

        var candidates = await fixture.MatcherClient.GetStringAsync($"/Matching/Vacancy/{vacancy}");
        Assert.Contains(name, Row(candidates, $"candidate-{person}"));
        Assert.Contains("Yrkesmål 5321", candidates);
        var proposed = await fixture.MatcherClient.SubmitFormAsync($"/Matching/Vacancy/{vacancy}", new() { ["caseId"] = person.ToString() },
            $"/Matching/Vacancy/{vacancy}?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var proposal = await fixture.App.WithDbAsync(db => db.Set<Proposal>().SingleAsync(p => p.CaseId == person));
        // Proposing answers the coach's request.
        Assert.Equal(HelpRequestStatus.Done, await fixture.App.WithDbAsync(db => db.Set<MatchingHelpRequest>().Where(h => h.Id == help.Id).Select(h => h.Status).SingleAsync()));
        Assert.Contains(name, Row(await fixture.MatcherClient.GetStringAsync("/"), $"my-proposal-{proposal.Id}"));

        // A bad step is named on the form and changes nothing.
        var bad = await fixture.MatcherClient.SubmitFormAsync($"/Matching/Proposal/{proposal.Id}", new()
        {
            ["Input.Status"] = "NotSelected", ["Input.On"] = Iso(fixture.Today),
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ange varför personen inte valdes", await bad.Content.ReadAsStringAsync());
        var hired = await fixture.MatcherClient.SubmitFormAsync($"/Matching/Proposal/{proposal.Id}", new()
        {
            ["Input.Status"] = "Hired", ["Input.On"] = Iso(fixture.Today), ["Input.PlacementStart"] = Iso(fixture.Today),
            ["Input.WageForm"] = "AgreedWage",
        });
        Assert.Equal(HttpStatusCode.Redirect, hired.StatusCode);

        var casePage = await fixture.CoachClient.GetStringAsync($"/Cases/Details/{person}");
        Assert.Contains("Anställd", Row(casePage, $"case-proposal-{proposal.Id}"));
        var placement = await fixture.App.WithDbAsync(db => db.Placements.SingleAsync(p => p.CaseId == person));
        Assert.Equal((true, proposal.VacancyId), (placement.Matched, placement.VacancyId));
        Assert.Contains("Anställning", Row(casePage, $"placement-{placement.Id}"));
        // The job under way suggests closing the case to work.
        Assert.Contains("/Cases/Close/" + person + "?reason=Work", Row(casePage, "closure-suggestion"));
    }

    [Fact]
    public async Task Closing_a_case_withdraws_its_proposals_under_way_and_frees_their_places()
    {
        var vacancy = await fixture.VacancyAsync("9332", places: 1);
        var person = await fixture.PersonAsync(Availability.Available);
        var proposal = await fixture.ProposedAsync(vacancy, person);

        var closed = await fixture.CoachClient.SubmitFormAsync($"/Cases/Close/{person}", new()
        {
            ["ClosureDate"] = Iso(fixture.Today), ["Reason"] = "Other", ["SubReason"] = "Moved",
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(ProposalStatus.Withdrawn, await fixture.App.WithDbAsync(db => db.Set<Proposal>().Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync()));
        await fixture.ProposedAsync(vacancy, await fixture.PersonAsync(Availability.Available));
    }

    /// <summary>A page refused to a signed-in person leads to the access-denied page.</summary>
    private static async Task DeniedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Who_may_rank_propose_and_read_proposals_on_the_pages_and_the_api()
    {
        var vacancy = await fixture.VacancyAsync("9332", places: 5);
        var person = await fixture.PersonAsync(Availability.Available);
        await fixture.ProposedAsync(vacancy, person);
        var caseWorker = await fixture.App.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor");
        var matcherElsewhere = await fixture.App.SignInAsNewAsync(Roles.Matcher, centre: "kista");
        var manager = await fixture.App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var other = await fixture.PersonAsync(Availability.Available);

        // Matcher and manager of the centre rank and propose; the coach reads the proposals but does not propose.
        Assert.Equal(HttpStatusCode.OK, (await fixture.MatcherClient.GetAsync($"/Matching/Vacancy/{vacancy}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Matching/Vacancy/{vacancy}")).StatusCode);
        await DeniedAsync(fixture.CoachClient, $"/Matching/Vacancy/{vacancy}");
        await DeniedAsync(caseWorker, $"/Matching/Vacancy/{vacancy}");
        Assert.Equal(HttpStatusCode.OK, (await fixture.CoachClient.GetAsync($"/api/cases/{person}/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.CoachClient.PostAsJsonAsync($"/api/vacancies/{vacancy}/proposals", new { caseId = other })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseWorker.GetAsync($"/api/cases/{person}/proposals")).StatusCode);
        await DeniedAsync(fixture.CoachClient, $"/Matching/Case/{person}");

        // A matcher of another centre sees neither the case nor the proposal, and cannot propose it.
        Assert.Equal(HttpStatusCode.NotFound, (await matcherElsewhere.PostAsJsonAsync($"/api/vacancies/{vacancy}/proposals", new { caseId = other })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await matcherElsewhere.GetAsync($"/api/cases/{person}/proposals")).StatusCode);
        Assert.Empty((await matcherElsewhere.GetFromJsonAsync<JsonElement>($"/api/vacancies/{vacancy}/proposals")).EnumerateArray());
        Assert.DoesNotContain(await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == person).Select(c => c.CaseRef).SingleAsync()),
            await matcherElsewhere.GetStringAsync($"/api/vacancies/{vacancy}/candidates"));

        // Keys: only matching:write ranks and proposes; the employer scopes reach no case.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync($"/api/vacancies/{vacancy}/candidates")).StatusCode);
        foreach (var key in new[] { EmployersKey, EmployersReadKey, Http.JobbtorgAppFactory.NoScopeKey, Http.JobbtorgAppFactory.EavKey })
        {
            var client = fixture.App.ApiClient(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/vacancies/{vacancy}/candidates")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/vacancies/{vacancy}/proposals", new { caseId = other })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/cases/{person}/proposals")).StatusCode);
        }
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.VacancyId == vacancy)));
    }
}
