using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Access;

/// <summary>A referral never tells a caller about a case it may not see, and nobody refers where they could not follow
/// the case afterwards.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ReferralVisibilityTests(JobbtorgAppFactory app)
{
    private static object Referral(string personalNumber, string district, string? referralId = null) => new
    {
        personalNumber, district, targetGroup = "UnemployedOnBenefit", receivesBenefit = true, consentGiven = true,
        consentDate = "2026-03-02", districtReferralId = referralId,
    };

    [Fact]
    public async Task A_district_referring_a_person_with_another_districts_open_case_learns_only_that_one_exists()
    {
        var person = TestPeople.Adult(app.Today);
        var rinkeby = await app.SignInAsNewAsync(Roles.CaseWorker, district: "rinkeby-kista");
        var first = await rinkeby.PostAsJsonAsync("/api/referrals", Referral(person, "rinkeby-kista"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var caseRef = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseRef").GetString()!;

        var answer = await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", Referral(person, "enskede-arsta-vantor", "EAV-9"));
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("already has an open case", body);
        Assert.DoesNotContain(caseRef, body);
        Assert.DoesNotContain("rinkeby", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Participant.PersonalNumber == person)));

        // The form says the same, in Swedish, and leads nowhere.
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor");
        var form = await caseWorker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = person, ["Input.FirstName"] = "Testa", ["Input.LastName"] = "Testsson",
            ["Input.District"] = "enskede-arsta-vantor", ["Input.TargetGroup"] = "UnemployedOnBenefit",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Personen har redan ett öppet ärende på jobbtorgen", html);
        Assert.DoesNotContain(caseRef, html);

        // The district that holds the case is led to it as before.
        Assert.Equal(HttpStatusCode.OK, (await rinkeby.PostAsJsonAsync("/api/referrals", Referral(person, "rinkeby-kista"))).StatusCode);
    }

    [Fact]
    public async Task A_centres_manager_refers_only_to_districts_the_centre_serves()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var elsewhere = await manager.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), "rinkeby-kista"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("\"district\"", await elsewhere.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var own = await manager.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), "skarpnack"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var created = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/cases/{created.GetProperty("id").GetInt32()}")).StatusCode);

        var form = await manager.GetStringAsync("/Referrals/New");
        Assert.Contains("value=\"skarpnack\"", form);
        Assert.DoesNotContain("value=\"rinkeby-kista\"", form);
    }

    [Fact]
    public async Task A_centres_manager_sees_its_branches_cases_and_a_coach_only_their_own_centres()
    {
        async Task<int> ReferAsync(string personalNumber, string targetGroup)
        {
            var referred = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
            {
                personalNumber, district = "rinkeby-kista", targetGroup, receivesBenefit = true, consentGiven = true, consentDate = "2026-03-02",
            });
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
            return (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
        var youth = await ReferAsync(TestPeople.Aged(18, 22, app.Today), "Youth");
        var adult = await ReferAsync(TestPeople.Adult(app.Today), "UnemployedOnBenefit");
        async Task<string> CentreOf(int id) => await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.JobCentre.Code).SingleAsync());
        Assert.Equal("kista-ungdom", await CentreOf(youth));
        Assert.Equal("kista", await CentreOf(adult));

        var kistaManager = await app.SignInAsNewAsync(Roles.Manager, centre: "kista");
        Assert.Equal(HttpStatusCode.OK, (await kistaManager.GetAsync($"/api/cases/{youth}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kistaManager.GetAsync($"/api/cases/{adult}")).StatusCode);
        var farstaManager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        Assert.Equal(HttpStatusCode.NotFound, (await farstaManager.GetAsync($"/api/cases/{youth}")).StatusCode);

        var youthCoach = await app.SignInAsNewAsync(Roles.Coach, centre: "kista-ungdom");
        Assert.Equal(HttpStatusCode.OK, (await youthCoach.GetAsync($"/api/cases/{youth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await youthCoach.GetAsync($"/api/cases/{adult}")).StatusCode);
    }
}
