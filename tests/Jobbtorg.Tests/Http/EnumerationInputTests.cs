using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// Enumerations are given by name only, in any letter case: numbers (5, "5"), unknown names and combinations ("Adult,
/// Youth") are refused with a 400 or a field error naming the field, so nothing but a defined value is stored and the
/// export can always be imported again.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class EnumerationInputTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor";

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
    }

    private StringContent Referral(string targetGroupJson) => new(
        $$"""{"personalNumber":"{{TestPeople.Adult(app.Today)}}","district":"{{District}}","targetGroup":{{targetGroupJson}},"receivesBenefit":true}""",
        Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("5")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\"Astronaut\"")]
    [InlineData("\"AdultRefugee, Youth\"")]
    [InlineData("\"NewApplicant,SfiStudent\"")]
    [InlineData("true")]
    public async Task A_target_group_that_is_not_one_of_the_names_is_refused_naming_the_field(string value)
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var errors = await ErrorsOf(await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/referrals", Referral(value)));
        Assert.Equal("'targetGroup' must be one of: UnemployedOnBenefit, NewApplicant, SfiStudent, AdultRefugee, Youth.",
            errors.GetProperty("targetGroup")[0].GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_name_in_another_letter_case_is_the_same_name()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/referrals", Referral("\"unemployedonbenefit\""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(Features.Cases.TargetGroup.UnemployedOnBenefit, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.TargetGroup).SingleAsync()));
    }

    [Fact]
    public async Task A_meeting_kind_or_an_attendance_outcome_sent_as_a_number_is_refused()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var meetings = await app.WithDbAsync(db => db.InfoMeetings.CountAsync());
        var meeting = await admin.PostAsync("/api/info-meetings", new StringContent(
            """{"jobCentre":"farsta","kind":7,"date":"2026-04-01","time":"09:30","durationMinutes":90,"room":"Sal 1","capacity":15,"language":"svenska","weeks":1}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal("'kind' must be one of: Adult, Youth.", (await ErrorsOf(meeting)).GetProperty("kind")[0].GetString());
        Assert.Equal(meetings, await app.WithDbAsync(db => db.InfoMeetings.CountAsync()));

        var created = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/referrals", Referral("\"UnemployedOnBenefit\""));
        var caseId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var outcome = await admin.PostAsync($"/api/cases/{caseId}/info-meeting/attendance", new StringContent("""{"outcome":9}""", Encoding.UTF8, "application/json"));
        Assert.Equal("'outcome' must be one of: Booked, Attended, NoShow, Cancelled.", (await ErrorsOf(outcome)).GetProperty("outcome")[0].GetString());
    }

    [Theory]
    [InlineData("/api/info-meetings?kind=7", "kind")]
    [InlineData("/api/info-meetings?kind=1", "kind")]
    [InlineData("/api/info-meetings/waiting-list?kind=Adult,Youth", "kind")]
    [InlineData("/api/info-meetings/next-free?district=farsta&kind=0", "kind")]
    [InlineData("/api/cases?status=1", "status")]
    [InlineData("/api/cases?status=Gone", "status")]
    public async Task A_query_string_enumeration_that_is_not_a_name_is_refused_naming_the_parameter(string url, string parameter)
    {
        var errors = await ErrorsOf(await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(url));
        Assert.Contains(parameter, errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_quota_for_a_kind_given_as_a_number_is_refused_and_not_stored()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var quotas = await app.WithDbAsync(db => db.DistrictQuotas.CountAsync());
        foreach (var kind in new[] { "7", "1", "Adult,Youth" })
        {
            var errors = await ErrorsOf(await admin.PutAsJsonAsync($"/api/districts/skarpnack/quotas/{kind}", new { placesPerWeek = 5 }));
            Assert.Contains("kind", errors.EnumerateObject().Select(e => e.Name));
        }
        Assert.Equal(quotas, await app.WithDbAsync(db => db.DistrictQuotas.CountAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/districts/skarpnack/quotas/youth", new { placesPerWeek = 8 })).StatusCode);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("Sickness,Other")]
    public async Task A_form_value_that_is_not_a_name_is_a_swedish_field_error_and_nothing_is_stored(string reason)
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        var created = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/referrals", Referral("\"UnemployedOnBenefit\""));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = "2026-03-10", ["CoachId"] = coachUser.Id })).StatusCode);

        var pause = await coach.SubmitFormAsync($"/Cases/Pause/{id}", new() { ["PauseDate"] = "2026-03-10", ["Reason"] = reason });
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Contains($"”{reason}” är inte ett av valen.", await pause.Content.ReadAsStringAsync());
        var close = await coach.SubmitFormAsync($"/Cases/Close/{id}", new() { ["ClosureDate"] = "2026-03-10", ["Reason"] = reason, ["SubReason"] = reason });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Pauses).SingleAsync(c => c.Id == id));
        Assert.Empty(stored.Pauses);
        Assert.True(stored.IsOpen);
    }

    [Fact]
    public async Task The_api_reference_still_describes_texts_dates_and_enumerations()
    {
        var document = JsonDocument.Parse(await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var referral = schemas.GetProperty("ReferralRequest").GetProperty("properties");
        Assert.Contains("string", referral.GetProperty("personalNumber").GetProperty("type").GetRawText());
        Assert.Equal("date", referral.GetProperty("referralDate").GetProperty("format").GetString());
        Assert.Equal(["UnemployedOnBenefit", "NewApplicant", "SfiStudent", "AdultRefugee", "Youth"],
            schemas.GetProperty("TargetGroup").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
