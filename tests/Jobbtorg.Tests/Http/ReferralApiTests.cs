using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ReferralApiTests(JobbtorgAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private object Referral(string personalNumber, string district = "enskede-arsta-vantor", string? districtId = null, string targetGroup = "UnemployedOnBenefit") => new
    {
        personalNumber, district, targetGroup, receivesBenefit = true, hasChildren = true, newlyUnemployed = false, newlyArrived = false,
        text = "Söker arbete inom lager.", consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"), districtReferralId = districtId,
    };

    private async Task<int> CountCasesAsync(string personalNumber) =>
        await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Participant.PersonalNumber == personalNumber));

    [Fact]
    public async Task A_district_system_refers_a_person_and_gets_the_new_case()
    {
        var pn = TestPeople.Adult(app.Today);
        var response = await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", Referral(pn, districtId: "EAV-1001"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<CaseDto>(Json);
        Assert.NotNull(created);
        Assert.Equal(CaseStatus.Referred, created.Status);
        Assert.Equal("enskede-arsta-vantor", created.District);
        Assert.Equal("EAV-1001", created.DistrictReferralId);
        Assert.Equal($"/api/cases/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(pn, await response.Content.ReadAsStringAsync());

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.JobCentre).Include(c => c.Participant).SingleAsync(c => c.Id == created.Id));
        Assert.Equal("farsta", stored.JobCentre.Code);
        Assert.True(stored.ConsentGiven);
        Assert.Equal(ReferralChannel.Api, stored.Channel);
        Assert.Equal((pn[10] - '0') % 2 == 1 ? Gender.M : Gender.F, stored.Participant.Gender); // from the number's sex digit
    }

    [Fact]
    public async Task The_same_district_referral_id_twice_returns_the_same_case()
    {
        var client = app.ApiClient(JobbtorgAppFactory.EavKey);
        var first = await client.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), districtId: "EAV-2002"));
        var again = await client.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), districtId: "EAV-2002"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id, (await again.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.DistrictReferralId == "EAV-2002")));
    }

    [Fact]
    public async Task A_second_referral_for_a_person_with_an_open_case_answers_with_that_case()
    {
        var pn = TestPeople.Adult(app.Today);
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var first = await robot.PostAsJsonAsync("/api/referrals", Referral(pn));
        var second = await robot.PostAsJsonAsync("/api/referrals", Referral(pn, district: "farsta"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id, (await second.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id);
        Assert.Equal(1, await CountCasesAsync(pn));
    }

    [Fact]
    public async Task Parallel_referrals_for_one_person_create_exactly_one_case()
    {
        var pn = TestPeople.Adult(app.Today);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(pn))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountCasesAsync(pn));
    }

    [Theory]
    [InlineData("wrong check digit", "check digit")]
    [InlineData("no such date", "date of birth")]
    [InlineData("abc", "YYYYMMDD-NNNN")]
    [InlineData("", "Enter the person's personal identity number")]
    public async Task An_invalid_personal_number_is_refused_by_field_and_nothing_is_stored(string input, string expected)
    {
        // Broken numbers are derived from an official test number so no other real-looking number appears in the code.
        var official = TestPeople.Adult(app.Today);
        var personalNumber = input switch
        {
            "wrong check digit" => TestPeople.WithWrongCheckDigit(official),
            "no such date" => official[..4] + "1332" + official[8..],
            _ => input,
        };
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(personalNumber));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("personalNumber")[0].GetString();
        Assert.Contains(expected, message);
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_district_is_refused_by_field()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), district: "atlantis"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("atlantis", problem.GetProperty("errors").GetProperty("district")[0].GetString());
    }

    [Fact]
    public async Task A_person_under_sixteen_is_refused()
    {
        var pn = TestPeople.Aged(12, 15, app.Today);
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(pn, targetGroup: "Youth"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("from 16", problem.GetProperty("errors").GetProperty("personalNumber")[0].GetString());
        Assert.Equal(0, await CountCasesAsync(pn));
    }

    [Fact]
    public async Task A_youth_is_served_by_the_youth_branch()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(TestPeople.Aged(18, 22, app.Today), targetGroup: "Youth"));
        var created = await response.Content.ReadFromJsonAsync<CaseDto>(Json);
        var centre = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == created!.Id).Select(c => c.JobCentre.Code).SingleAsync());
        Assert.Equal("kista-ungdom", centre);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_a_problem_and_nothing_stored()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/referrals",
            new StringContent("{\"personalNumber\": \"19", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The request body is not valid JSON: the first error is on line 1, at position 23.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_target_group_is_refused()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), targetGroup: "Astronaut"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("targetGroup", problem.GetProperty("errors").GetProperty("targetGroup")[0].GetString());
    }

    [Fact]
    public async Task Consent_without_a_date_is_refused()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = "farsta", targetGroup = "UnemployedOnBenefit", consentGiven = true,
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("consentDate", out _));
    }

    [Fact]
    public async Task A_key_bound_to_one_district_cannot_refer_for_another()
    {
        var pn = TestPeople.Adult(app.Today);
        var response = await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", Referral(pn, district: "bromma"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("own district", problem.GetProperty("errors").GetProperty("district")[0].GetString());
        Assert.Equal(0, await CountCasesAsync(pn));
    }

    [Fact]
    public async Task A_key_without_the_referral_scope_is_forbidden_and_an_unknown_key_unauthorised()
    {
        var forbidden = await app.ApiClient(JobbtorgAppFactory.NoScopeKey).PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today)));
        var unknown = await app.ApiClient("not-a-key").PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task A_district_system_reads_its_own_cases_but_not_another_districts()
    {
        var own = await (await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today))))
            .Content.ReadFromJsonAsync<CaseDto>(Json);
        var other = await (await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), district: "bromma")))
            .Content.ReadFromJsonAsync<CaseDto>(Json);

        var eav = app.ApiClient(JobbtorgAppFactory.EavKey);
        Assert.Equal(HttpStatusCode.OK, (await eav.GetAsync($"/api/cases/{own!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eav.GetAsync($"/api/cases/{other!.Id}")).StatusCode);
        var list = await eav.GetFromJsonAsync<List<CaseDto>>("/api/cases", Json);
        Assert.Contains(list!, c => c.Id == own.Id);
        Assert.All(list!, c => Assert.Equal("enskede-arsta-vantor", c.District));
    }
}
