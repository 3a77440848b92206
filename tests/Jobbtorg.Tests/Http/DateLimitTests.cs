using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// Every date that comes in lies in 1900-01-01 … 2099-12-31; what has happened is never after today and what is planned
/// lies at most two years ahead. A refused date is named (field, form field or import line) in the user's language and
/// nothing is stored. Today is Tue 10 March 2026.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class DateLimitTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The first error for a field; the use cases name fields as the request type does (ReferralDate), the JSON
    /// reader as the body does (referralDate).</summary>
    private static string ErrorOf(JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateObject().Single(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString()!;

    private Task<int> CountAsync<T>() where T : class => app.WithDbAsync(db => db.Set<T>().CountAsync());

    private async Task<(int Id, HttpClient Coach, string CoachId)> EnrolledCaseAsync()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        var referral = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName = "Datum", lastName = "Gränsson", district = District, targetGroup = "UnemployedOnBenefit",
        });
        var id = int.Parse(referral.Headers.Location!.OriginalString.Split('/').Last());
        var enrol = await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = "2026-03-10", ["CoachId"] = coachUser.Id });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        return (id, coach, coachUser.Id);
    }

    [Theory]
    [InlineData("referralDate", "0001-01-01", "The date 0001-01-01 is outside the dates the system accepts, 1900-01-01 to 2099-12-31.")]
    [InlineData("referralDate", "9999-12-31", "The date 9999-12-31 is outside the dates the system accepts, 1900-01-01 to 2099-12-31.")]
    [InlineData("referralDate", "2026-03-11", "The referral date cannot be in the future.")]
    [InlineData("referralDate", "2023-02-29", "There is no such date: 2023-02-29.")]
    [InlineData("consentDate", "0001-01-01", "The date 0001-01-01 is outside the dates the system accepts, 1900-01-01 to 2099-12-31.")]
    [InlineData("consentDate", "2099-12-31", "The consent date cannot be in the future.")]
    public async Task A_referral_date_out_of_bounds_is_refused_naming_the_field_and_nothing_is_stored(string field, string date, string message)
    {
        var before = await CountAsync<Features.Cases.Case>();
        var body = new Dictionary<string, object?>
        {
            ["personalNumber"] = TestPeople.Adult(app.Today), ["district"] = District, ["targetGroup"] = "UnemployedOnBenefit",
            ["consentGiven"] = true, ["consentDate"] = "2026-03-01", [field] = date,
        };
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, ErrorOf(await JsonOf(response), field));
        Assert.Equal(before, await CountAsync<Features.Cases.Case>());
    }

    [Fact]
    public async Task A_referral_dated_before_the_person_was_born_says_so_instead_of_a_negative_age()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", referralDate = "1900-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonOf(response);
        Assert.Equal("The referral date 1900-01-01 is before the person was born.", ErrorOf(problem, "referralDate"));
        Assert.DoesNotContain("-", problem.GetProperty("errors").GetRawText().Replace("1900-01-01", ""));
    }

    [Fact]
    public async Task The_api_names_a_refused_date_in_swedish_when_asked()
    {
        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        var response = await client.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", referralDate = "9999-12-31",
        });
        Assert.Equal("Datumet 9999-12-31 ligger utanför de datum systemet tar emot, 1900-01-01 till 2099-12-31.", ErrorOf(await JsonOf(response), "referralDate"));
    }

    [Theory]
    [InlineData("9999-12-31", 52)]
    [InlineData("2028-03-11", 1)]   // one day more than two years ahead
    [InlineData("2028-01-04", 52)]  // starts in time, but the series runs past two years ahead
    public async Task Info_meetings_are_scheduled_at_most_two_years_ahead(string date, int weeks)
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var before = await CountAsync<Features.InfoMeetings.InfoMeeting>();
        var response = await admin.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date, time = "09:30", durationMinutes = 90, room = "Sal 1", capacity = 15, language = "svenska", weeks,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date", (await JsonOf(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(before, await CountAsync<Features.InfoMeetings.InfoMeeting>());
    }

    [Fact]
    public async Task Info_meeting_lists_refuse_a_period_outside_the_range_naming_each_end()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/info-meetings?from=0001-01-01&to=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonOf(response);
        Assert.Contains("0001-01-01", ErrorOf(problem, "from"));
        Assert.Contains("9999-12-31", ErrorOf(problem, "to"));
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/info-meetings?from=2099-12-01&to=2099-12-31")).StatusCode);
    }

    [Fact]
    public async Task Pages_name_a_period_outside_the_range_in_swedish_instead_of_failing()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var meetings = await manager.GetAsync("/InfoMeetings?from=9999-12-31");
        Assert.Equal(HttpStatusCode.OK, meetings.StatusCode);
        Assert.Contains("Datumet 9999-12-31 ligger utanför de datum systemet tar emot", await meetings.Content.ReadAsStringAsync());

        var rates = await manager.GetAsync("/Attendance/Rates?from=9999-01-01&to=9999-12-31");
        Assert.Equal(HttpStatusCode.OK, rates.StatusCode);
        Assert.Contains("Datumet 9999-01-01 ligger utanför de datum systemet tar emot", await rates.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Follow_up_facts_dated_before_1900_are_refused_by_item()
    {
        var person = TestPeople.Adult(app.Today);
        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var months = await client.PostAsJsonAsync("/api/follow-up/benefit-months", new[] { new { personalNumber = person, month = "0001-01", receivesBenefit = false } });
        Assert.Equal(HttpStatusCode.BadRequest, months.StatusCode);
        Assert.Equal("The date 0001-01-01 is before 1900-01-01, the earliest date the system accepts.", ErrorOf(await JsonOf(months), "[0].month"));

        var statuses = await client.PostAsJsonAsync("/api/follow-up/occupation-status", new[] { new { personalNumber = person, date = "0001-01-01", status = "Working" } });
        Assert.Equal(HttpStatusCode.BadRequest, statuses.StatusCode);
        Assert.Contains("0001-01-01", ErrorOf(await JsonOf(statuses), "[0].date"));
    }

    [Fact]
    public async Task Case_forms_refuse_dates_out_of_bounds_with_a_swedish_field_error_and_store_nothing()
    {
        var (id, coach, _) = await EnrolledCaseAsync();

        var note = await coach.SubmitFormAsync($"/Cases/Details/{id}", new() { ["Note.Date"] = "0001-01-01", ["Note.Text"] = "Forntida." }, $"/Cases/Details/{id}?handler=Note");
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Contains("Datumet 0001-01-01 ligger utanför de datum systemet tar emot", await note.Content.ReadAsStringAsync());

        var pause = await coach.SubmitFormAsync($"/Cases/Pause/{id}", new() { ["PauseDate"] = "9999-12-31", ["Reason"] = "Sickness" });
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Contains("Datumet 9999-12-31 ligger utanför", await pause.Content.ReadAsStringAsync());

        var meeting = await coach.SubmitFormAsync($"/Cases/ThreePartyMeeting/{id}", new()
        {
            ["Input.Date"] = "9999-12-31", ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60", ["Input.Form"] = "Phone", ["Input.Place"] = "Telefon",
        });
        Assert.Equal(HttpStatusCode.OK, meeting.StatusCode);
        Assert.Contains("Datumet 9999-12-31 ligger utanför", await meeting.Content.ReadAsStringAsync());

        var tooFar = await coach.SubmitFormAsync($"/Cases/ThreePartyMeeting/{id}", new()
        {
            ["Input.Date"] = "2029-01-10", ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60", ["Input.Form"] = "Phone", ["Input.Place"] = "Telefon",
        });
        Assert.Contains("Ett möte bokas högst 2 år framåt, till och med 2028-03-10.", await tooFar.Content.ReadAsStringAsync());

        await coach.SubmitFormAsync($"/Plans/Edit/{id}", new(), $"/Plans/Edit/{id}?handler=Start");
        var activityType = await app.WithDbAsync(db => db.ActivityTypes.Where(a => a.Code == "active-job-search").Select(a => a.Id).SingleAsync());
        var activity = await coach.SubmitFormAsync($"/Plans/Edit/{id}", new()
        {
            ["Activity.ActivityTypeId"] = activityType.ToString(), ["Activity.StartDate"] = "2026-03-10", ["Activity.EndDate"] = "2029-12-31",
            ["Activity.HoursPerWeek"] = "20",
        }, $"/Plans/Edit/{id}?handler=Add");
        Assert.Contains("Datumet 2029-12-31 ligger för långt fram; planera högst 2 år framåt, till och med 2028-03-10.", await activity.Content.ReadAsStringAsync());

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Journal).Include(c => c.Pauses).Include(c => c.Plans).ThenInclude(p => p.Activities)
            .AsSplitQuery().SingleAsync(c => c.Id == id));
        Assert.Empty(stored.Journal);
        Assert.Empty(stored.Pauses);
        Assert.Empty(stored.Plans.SelectMany(p => p.Activities));
        Assert.Equal(0, await app.WithDbAsync(db => db.ThreePartyMeetings.CountAsync(m => m.CaseId == id)));
    }

    [Fact]
    public async Task An_import_refuses_events_after_today_and_placements_more_than_two_years_ahead_naming_the_lines()
    {
        var person = TestPeople.Adult(app.Today);
        var caseRef = $"D{Guid.NewGuid():N}"[..10];
        string[] lines =
        [
            $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2025-01-07","receivesBenefit":true}""",
            $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"9999-12-31","jobCentre":"farsta"}""",                                  // 2 far future
            $$"""{"type":"placement","caseRef":"{{caseRef}}","kind":"MunicipalJob","start":"2025-02-01","end":"9999-12-31"}""",               // 3 end too far ahead
            $$"""{"type":"benefitMonth","personalNumber":"{{person}}","month":"2026-04","receivesBenefit":false}""",                          // 4 next month
            $$"""{"type":"occupationStatus","personalNumber":"{{person}}","date":"0001-01-01","status":"Working"}""",                          // 5 before 1900
            $$"""{"type":"closure","caseRef":"{{caseRef}}","date":"2023-02-29","reason":"Unknown"}""",                                        // 6 no such date
        ];
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events",
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await JsonOf(response)).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.GetProperty("reason").GetString()!);
        Assert.Equal([2, 3, 4, 5, 6], errors.Keys.Order());
        Assert.Equal("The field date is refused: The date 9999-12-31 is in the future.", errors[2]);
        Assert.Equal("The field end is refused: The date 9999-12-31 is too far ahead; plan at most 2 years ahead, up to 2028-03-10.", errors[3]);
        Assert.Contains("2026-04-01 is in the future", errors[4]);
        Assert.Contains("before 1900-01-01", errors[5]);
        Assert.Equal("The field date has no such date: '2023-02-29'.", errors[6]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.CaseRef == caseRef)));
    }

    [Fact]
    public async Task An_imported_placement_may_end_up_to_two_years_ahead()
    {
        var person = TestPeople.Adult(app.Today);
        var caseRef = $"D{Guid.NewGuid():N}"[..10];
        string[] lines =
        [
            $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2025-01-07","receivesBenefit":true}""",
            $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"2025-01-13","jobCentre":"farsta"}""",
            $$"""{"type":"placement","caseRef":"{{caseRef}}","kind":"MunicipalJob","start":"2025-02-01","end":"2028-03-10"}""",
        ];
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events",
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
