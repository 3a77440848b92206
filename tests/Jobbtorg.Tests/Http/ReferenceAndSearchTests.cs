using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ReferenceAndSearchTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task Reference_data_lists_stockholms_districts_centres_activities_and_occupations()
    {
        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var districts = await client.GetFromJsonAsync<JsonElement[]>("/api/districts");
        Assert.Equal(14, districts!.Length);
        Assert.Contains(districts, d => d.GetProperty("code").GetString() == "enskede-arsta-vantor"
                                        && d.GetProperty("adultJobCentre").GetString() == "farsta"
                                        && d.GetProperty("youthJobCentre").GetString() == "kista-ungdom");
        var centres = await client.GetFromJsonAsync<JsonElement[]>("/api/job-centres");
        Assert.Contains(centres!, c => c.GetProperty("code").GetString() == "lunda" && c.GetProperty("parent").GetString() == "kista");
        var activities = await client.GetFromJsonAsync<JsonElement[]>("/api/activity-types");
        Assert.Contains(activities!, a => a.GetProperty("code").GetString() == "sfi" && a.GetProperty("externalProvider").GetBoolean());
        var occupations = await client.GetFromJsonAsync<JsonElement[]>("/api/occupations?q=5223");
        Assert.Equal("5223", Assert.Single(occupations!).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Case_search_finds_a_person_by_personal_number_or_name_within_the_centre()
    {
        var pn = TestPeople.Adult(app.Today);
        await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = pn, firstName = "Sökbar", lastName = "Person", district = "farsta", targetGroup = "UnemployedOnBenefit",
        });
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Contains("Sökbar Person", await coach.GetStringAsync($"/Cases?q={pn[..8]}-{pn[8..]}"));
        Assert.Contains("Sökbar Person", await coach.GetStringAsync("/Cases?q=s%C3%B6kbar"));
        var elsewhere = await app.SignInAsNewAsync(Roles.Coach, centre: "kista");
        Assert.DoesNotContain("Sökbar Person", await elsewhere.GetStringAsync("/Cases?q=s%C3%B6kbar"));
    }

    [Fact]
    public async Task Every_plan_version_stays_readable_after_a_review()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName = "Plan", lastName = "Läsare", district = "farsta", targetGroup = "UnemployedOnBenefit",
        });
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var coach = await app.SignInAsync(coachUser);
        await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = "2026-03-10", ["CoachId"] = coachUser.Id });
        var activity = await app.WithDbAsync(db => db.ActivityTypes.Select(a => a.Id).FirstAsync());
        async Task WritePlan(string goal)
        {
            await coach.SubmitFormAsync($"/Plans/Edit/{id}", new(), $"/Plans/Edit/{id}?handler=Start");
            await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["Goal"] = goal }, $"/Plans/Edit/{id}?handler=Goal");
            await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["Activity.ActivityTypeId"] = activity.ToString(), ["Activity.StartDate"] = "2026-03-10", ["Activity.HoursPerWeek"] = "10" }, $"/Plans/Edit/{id}?handler=Add");
            await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["AgreedOn"] = "2026-03-10", ["ParticipantAgrees"] = "true" }, $"/Plans/Edit/{id}?handler=Agree");
        }
        await WritePlan("5223");
        await WritePlan("4321");

        var versions = await app.WithDbAsync(db => db.PlanVersions.Where(p => p.CaseId == id).OrderBy(p => p.Number).ToListAsync());
        Assert.Equal(["5223", "4321"], versions.Select(v => v.GoalSsykCode));
        Assert.Contains("5223", await coach.GetStringAsync($"/Plans/Version/{id}/1"));
        Assert.Contains("4321", await coach.GetStringAsync($"/Plans/Version/{id}/2"));
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/Plans/Version/{id}/3")).StatusCode);

        // An agreement without the participant's confirmation is refused by field.
        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new(), $"/Plans/Edit/{id}?handler=Start");
        var refused = await coach.SubmitFormAsync($"/Plans/Edit/{id}", new() { ["AgreedOn"] = "2026-03-10" }, $"/Plans/Edit/{id}?handler=Agree");
        Assert.Contains("validation-summary-errors", await refused.Content.ReadAsStringAsync());
        var latest = await app.WithDbAsync(db => db.PlanVersions.Where(p => p.CaseId == id).OrderBy(p => p.Number).LastAsync());
        Assert.Equal(Jobbtorg.Features.Plans.PlanStatus.Draft, latest.Status);
    }
}
