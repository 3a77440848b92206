using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Matching;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Matching.MatchingApp;

namespace Jobbtorg.Tests.Matching;

/// <summary>Matching through the API: ranked candidates with reasons, vacancies that fit a person, proposals moved to their
/// outcome, a hire that records the placement, and the last place never given twice.</summary>
[Trait("Category", "Http")]
public sealed class MatchingApiTests(MatchingApp fixture) : IClassFixture<MatchingApp>
{
    [Fact]
    public async Task Candidates_are_ranked_with_their_reasons_and_those_unavailable_holding_a_job_or_in_another_field_are_left_out()
    {
        var vacancy = await fixture.VacancyAsync("5321", language: "sv", level: "B1");
        var same = await fixture.PersonAsync(Availability.Available, ("goal_occupation", "5321"), ("swedish_level", "B2"));
        var related = await fixture.PersonAsync(Availability.Available, ("experienced_occupation", "5322"), ("swedish_level", "B1"));
        var weakSwedish = await fixture.PersonAsync(Availability.Available, ("goal_occupation", "5321"), ("experienced_occupation", "5321"), ("swedish_level", "A2"));
        var unavailable = await fixture.PersonAsync(Availability.NotAvailable, ("goal_occupation", "5321"), ("swedish_level", "B2"));
        var elsewhere = await fixture.PersonAsync(Availability.Available, ("goal_occupation", "2512"), ("swedish_level", "C1"));
        var working = await fixture.PersonAsync(Availability.Available, ("goal_occupation", "5321"), ("swedish_level", "B2"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.PostAsJsonAsync($"/api/cases/{working}/placements", new
        {
            kind = "Employment", start = Iso(fixture.Today), employerName = "Vårdbolaget AB", hoursPerWeek = 40, wageForm = "CollectiveAgreement",
        })).StatusCode);

        var candidates = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/vacancies/{vacancy}/candidates")).EnumerateArray().ToList();
        var order = candidates.Select(c => c.GetProperty("caseId").GetInt32()).ToList();

        Assert.True(order.IndexOf(same) < order.IndexOf(related), "the same occupation before a related one");
        Assert.True(order.IndexOf(related) < order.IndexOf(weakSwedish), "a requirement not met ranks below those who meet them all");
        Assert.DoesNotContain(unavailable, order);
        Assert.DoesNotContain(elsewhere, order);
        Assert.DoesNotContain(working, order);
        var first = candidates.Single(c => c.GetProperty("caseId").GetInt32() == same);
        Assert.Equal("Same", first.GetProperty("occupation").GetString());
        Assert.Contains(first.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!),
            r => r.StartsWith("Goal occupation 5321 Undersköterskor") && r.EndsWith(": the same occupation."));
        Assert.Contains("Language sv below level B1.", candidates.Single(c => c.GetProperty("caseId").GetInt32() == weakSwedish)
            .GetProperty("gaps").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("personalNumber", candidates[0].GetRawText());

        // The person's side: the vacancy fits, and once proposed neither list offers it again.
        var fitting = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{same}/vacancies")).EnumerateArray()
            .Select(v => v.GetProperty("vacancy").GetProperty("id").GetInt32()).ToList();
        Assert.Contains(vacancy, fitting);
        await fixture.ProposedAsync(vacancy, same);
        Assert.DoesNotContain(vacancy, (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{same}/vacancies")).EnumerateArray()
            .Select(v => v.GetProperty("vacancy").GetProperty("id").GetInt32()));
        Assert.DoesNotContain(same, (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/vacancies/{vacancy}/candidates")).EnumerateArray()
            .Select(c => c.GetProperty("caseId").GetInt32()));
    }

    [Fact]
    public async Task A_proposal_goes_from_presented_to_interview_to_hired_and_the_hire_records_a_matched_placement_and_fills_the_vacancy()
    {
        var vacancy = await fixture.VacancyAsync("9332");
        var person = await fixture.PersonAsync(Availability.Available);
        var proposal = await fixture.ProposedAsync(vacancy, person);

        Assert.Equal(HttpStatusCode.OK, (await fixture.StepAsync(proposal, new { status = "Presented", on = Iso(fixture.Today) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.StepAsync(proposal, new { status = "Interview", on = Iso(fixture.Today.AddDays(7)) })).StatusCode);
        var noWage = await ErrorsOf(await fixture.StepAsync(proposal, new { status = "Hired", on = Iso(fixture.Today) }));
        Assert.Equal("Choose the wage form.", noWage["wageForm"]);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Placements.CountAsync(p => p.CaseId == person)));

        var hired = await fixture.StepAsync(proposal, new { status = "Hired", on = Iso(fixture.Today), placementStart = Iso(fixture.Today.AddDays(30)), wageForm = "CollectiveAgreement" });
        Assert.Equal(HttpStatusCode.OK, hired.StatusCode);
        var body = await JsonOf(hired);
        Assert.Equal("Hired", body.GetProperty("status").GetString());
        var placementId = body.GetProperty("placementId").GetInt32();

        var placement = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/cases/{person}/placements")).EnumerateArray().Single();
        Assert.Equal(placementId, placement.GetProperty("id").GetInt32());
        Assert.True(placement.GetProperty("matched").GetBoolean());
        Assert.Equal(vacancy, placement.GetProperty("vacancyId").GetInt32());
        Assert.Equal("Employment", placement.GetProperty("kind").GetString());
        Assert.Equal(Iso(fixture.Today.AddDays(30)), placement.GetProperty("start").GetString());
        var (status, held, employerId) = await fixture.App.WithDbAsync(async db =>
        {
            var v = await db.Set<Vacancy>().SingleAsync(x => x.Id == vacancy);
            return (v.Status, v.PlacesHeld, v.EmployerId);
        });
        Assert.Equal((VacancyStatus.Filled, 1), (status, held));
        Assert.Equal(employerId, placement.GetProperty("employerId").GetInt32());
        Assert.True(await fixture.App.WithDbAsync(db => db.DistrictMessages.AnyAsync(m => m.CaseId == person && m.Kind == MessageKind.PlacementStarted)));
        // The employer's history counts the outcome, naming no one.
        var employerPage = await fixture.MatcherClient.GetStringAsync($"/Employers/Details/{employerId}");
        Assert.Contains("Anställd: 1", employerPage);

        // The outcome is final, and the filled vacancy takes no one else.
        Assert.Equal("The proposal already has its outcome.",
            (await ErrorsOf(await fixture.StepAsync(proposal, new { status = "Withdrawn", on = Iso(fixture.Today), note = "Ångrat" })))["status"]);
        var other = await fixture.PersonAsync(Availability.Available);
        var refused = await fixture.ProposeAsync(vacancy, other);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("The vacancy is filled", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_matchers_proposing_for_the_last_place_at_once_one_gets_it_and_the_other_is_told()
    {
        for (var round = 0; round < 4; round++)
        {
            var vacancy = await fixture.VacancyAsync("9332", places: 1);
            var first = await fixture.PersonAsync(Availability.Available);
            var second = await fixture.PersonAsync(Availability.Available);

            var answers = await Task.WhenAll(fixture.ProposeAsync(vacancy, first, fixture.App.ApiClient(MatchingKey)),
                fixture.ProposeAsync(vacancy, second, fixture.App.ApiClient(MatchingKey)));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            Assert.Contains("1 place is taken by a proposal under way", await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
            var (proposals, held) = await fixture.App.WithDbAsync(async db => (await db.Set<Proposal>().CountAsync(p => p.VacancyId == vacancy),
                await db.Set<Vacancy>().Where(v => v.Id == vacancy).Select(v => v.PlacesHeld).SingleAsync()));
            Assert.Equal((1, 1), (proposals, held));
        }
    }

    [Fact]
    public async Task The_same_person_proposed_twice_at_once_makes_one_proposal()
    {
        var vacancy = await fixture.VacancyAsync("9332", places: 5);
        var person = await fixture.PersonAsync(Availability.Available);
        var answers = await Task.WhenAll(fixture.ProposeAsync(vacancy, person, fixture.App.ApiClient(MatchingKey)),
            fixture.ProposeAsync(vacancy, person, fixture.App.ApiClient(MatchingKey)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal((1, 1), await fixture.App.WithDbAsync(async db => (await db.Set<Proposal>().CountAsync(p => p.VacancyId == vacancy),
            await db.Set<Vacancy>().Where(v => v.Id == vacancy).Select(v => v.PlacesHeld).SingleAsync())));
    }

    [Fact]
    public async Task Not_selected_gives_the_place_back_to_the_next_candidate_and_withdrawing_the_vacancy_ends_the_proposals_under_way()
    {
        var vacancy = await fixture.VacancyAsync("9332", places: 1);
        var (first, second) = (await fixture.PersonAsync(Availability.Available), await fixture.PersonAsync(Availability.Available));
        var proposal = await fixture.ProposedAsync(vacancy, first);
        Assert.Equal(HttpStatusCode.Conflict, (await fixture.ProposeAsync(vacancy, second)).StatusCode);

        Assert.Equal("Say why the person was not selected: OtherCandidateChosen, RequirementsNotMet, NoShowAtInterview, ParticipantDeclined, VacancyClosed, Other.",
            (await ErrorsOf(await fixture.StepAsync(proposal, new { status = "NotSelected", on = Iso(fixture.Today) })))["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await fixture.StepAsync(proposal, new { status = "NotSelected", on = Iso(fixture.Today), reason = "NoShowAtInterview" })).StatusCode);
        var next = await fixture.ProposedAsync(vacancy, second);

        var withdrawn = await fixture.App.ApiClient(EmployersKey).PostAsJsonAsync($"/api/vacancies/{vacancy}/withdraw", new { reason = "Arbetsgivaren drog tillbaka annonsen." });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var ended = await fixture.App.WithDbAsync(db => db.Set<Proposal>().SingleAsync(p => p.Id == next));
        Assert.Equal((ProposalStatus.NotSelected, NotSelectedReason.VacancyClosed), (ended.Status, ended.NotSelectedReason));
        var third = await fixture.PersonAsync(Availability.Available);
        Assert.Contains("The vacancy is withdrawn", await (await fixture.ProposeAsync(vacancy, third)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_case_closed_by_an_imported_closure_withdraws_its_proposals_under_way_and_frees_their_places()
    {
        var vacancy = await fixture.VacancyAsync("9332", places: 1);
        var person = await fixture.PersonAsync(Availability.Available);
        var proposal = await fixture.ProposedAsync(vacancy, person);

        await fixture.CloseAsync(person);

        var stored = await fixture.App.WithDbAsync(async db => (await db.Set<Proposal>().Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync(),
            await db.Set<Vacancy>().Where(v => v.Id == vacancy).Select(v => v.PlacesHeld).SingleAsync()));
        Assert.Equal((ProposalStatus.Withdrawn, 0), stored);
        await fixture.ProposedAsync(vacancy, await fixture.PersonAsync(Availability.Available));
    }

    [Fact]
    public async Task A_closed_case_a_passed_last_day_or_a_hire_the_placement_rules_refuse_store_nothing()
    {
        var vacancy = await fixture.VacancyAsync("9332", places: 3);
        var closed = await fixture.PersonAsync(Availability.Available);
        await fixture.CloseAsync(closed);
        var refused = await fixture.ProposeAsync(vacancy, closed);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("The case is closed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ProposeAsync(999_999, closed)).StatusCode);
        Assert.Equal("Give the case to propose.", (await ErrorsOf(await fixture.Api.PostAsJsonAsync($"/api/vacancies/{vacancy}/proposals", new { })))["caseId"]);

        var person = await fixture.PersonAsync(Availability.Available);
        var proposal = await fixture.ProposedAsync(vacancy, person);
        var early = await ErrorsOf(await fixture.StepAsync(proposal, new
        {
            status = "Hired", on = Iso(fixture.Today), placementStart = Iso(fixture.Today.AddDays(-1)), wageForm = "AgreedWage",
        }));
        Assert.StartsWith("The placement cannot start before the case was enrolled", early["placementStart"]);
        var stored = await fixture.App.WithDbAsync(async db => (await db.Set<Proposal>().Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync(),
            await db.Placements.CountAsync(p => p.CaseId == person),
            await db.DistrictMessages.CountAsync(m => m.CaseId == person && m.Kind == MessageKind.PlacementStarted)));
        Assert.Equal((ProposalStatus.Proposed, 0, 0), stored);
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.Set<Vacancy>().Where(v => v.Id == vacancy).Select(v => v.PlacesHeld).SingleAsync()));

        // A vacancy whose last day to propose was yesterday (registered a day earlier: the shared clock stands still).
        var passed = await fixture.VacancyAsync("9332", lastDay: 0);
        var yesterday = fixture.Today.AddDays(-1);
        await fixture.App.WithDbAsync(db => db.Set<Vacancy>().Where(v => v.Id == passed).ExecuteUpdateAsync(s => s.SetProperty(v => v.LastDayToPropose, yesterday)));
        var other = await fixture.PersonAsync(Availability.Available);
        var late = await fixture.ProposeAsync(passed, other);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("The last day to propose was", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.VacancyId == passed)));
    }
}
