using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// Text comes in as text (no NUL, nothing that failed to decode, no half surrogate pair) and a request of the wrong
/// shape is told what is wrong and where, in the API and on the pages, in the user's language.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class TextAndShapeInputTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor";

    private HttpClient Robot => app.ApiClient(JobbtorgAppFactory.RobotKey);

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static ByteArrayContent JsonBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    [Theory]
    [InlineData("\"a referral\"", "The request body must be a JSON object.")]
    [InlineData("[{\"personalNumber\":\"x\"}]", "The request body must be a JSON object.")]
    [InlineData("42", "The request body must be a JSON object.")]
    public async Task A_body_of_the_wrong_shape_is_told_what_it_must_be(string body, string detail)
    {
        var problem = await ProblemOf(await Robot.PostAsync("/api/referrals", Json(body)));
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/referrals", "{\"personalNumber\":{\"value\":\"19\"}}", "personalNumber", "'personalNumber' must be text.")]
    [InlineData("/api/referrals", "{\"receivesBenefit\":\"yes\"}", "receivesBenefit", "'receivesBenefit' must be true or false.")]
    [InlineData("/api/referrals", "{\"consentDate\":[2026,3,1]}", "consentDate", "'consentDate' must be a date written yyyy-MM-dd.")]
    [InlineData("/api/follow-up/benefit-months", "{\"personalNumber\":\"x\"}", "", "The request body must be a JSON array.")]
    [InlineData("/api/follow-up/benefit-months", "[\"199001012385\"]", "[0]", "'[0]' must be a JSON object.")]
    [InlineData("/api/follow-up/occupation-status", "[{\"status\":[\"Working\"]}]", "[0].status", "'[0].status' must be text.")]
    [InlineData("/api/info-meetings", "{\"capacity\":\"many\"}", "capacity", "'capacity' must be a whole number.")]
    [InlineData("/api/info-meetings", "{\"time\":\"half past nine\"}", "time", "'time' must be a time written HH:mm.")]
    public async Task A_value_of_the_wrong_kind_is_named_by_its_path_with_what_it_must_be(string url, string body, string field, string message)
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var client = url.StartsWith("/api/info-meetings", StringComparison.Ordinal) ? admin : Robot;
        var problem = await ProblemOf(await client.PostAsync(url, Json(body)));
        if (field.Length == 0) Assert.Equal(message, problem.GetProperty("detail").GetString());
        else Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Broken_json_says_where_and_a_body_that_is_not_json_is_415_in_swedish_when_asked()
    {
        var problem = await ProblemOf(await Robot.PostAsync("/api/referrals", Json("{\"personalNumber\": \"19\",\n \"district\" \"farsta\"}")));
        Assert.Equal("The request body is not valid JSON: the first error is on line 2, at position 13.", problem.GetProperty("detail").GetString());

        var swedish = app.ApiClient(JobbtorgAppFactory.RobotKey);
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var text = await ProblemOf(await swedish.PostAsync("/api/referrals", new StringContent("personalNumber=19", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Skicka anropets innehåll som JSON, med Content-Type: application/json.", text.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_nul_a_lone_surrogate_or_bytes_that_are_not_utf8_in_a_json_text_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var person = TestPeople.Adult(app.Today);
        string Body(string firstName) =>
            $$"""{"personalNumber":"{{person}}","firstName":"{{firstName}}","district":"{{District}}","targetGroup":"UnemployedOnBenefit"}""";

        var nul = await ProblemOf(await Robot.PostAsync("/api/referrals", Json(Body("An\\u0000na"))));
        Assert.Equal("The text contains a NUL character, which is not allowed.", nul.GetProperty("errors").GetProperty("firstName")[0].GetString());

        var surrogate = await ProblemOf(await Robot.PostAsync("/api/referrals", Json(Body("An\\ud800na"))));
        Assert.Equal("'firstName' must be text.", surrogate.GetProperty("errors").GetProperty("firstName")[0].GetString());

        var bytes = Encoding.UTF8.GetBytes(Body("AnXna"));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xFF;
        var invalid = await ProblemOf(await Robot.PostAsync("/api/referrals", JsonBytes(bytes)));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("firstName", out _), invalid.GetRawText());

        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Theory]
    [InlineData("/api/info-meetings?jobCentre=far%00sta", "jobCentre")]
    [InlineData("/api/info-meetings/next-free?district=%00", "district")]
    [InlineData("/api/cases?districtReferralId=E%00AV", "districtReferralId")]
    [InlineData("/api/districts/skarpnack/quotas?%00=1", "query")]
    public async Task A_query_or_route_value_with_a_nul_or_undecodable_bytes_is_refused_naming_the_parameter(string url, string parameter)
    {
        var problem = await ProblemOf(await Robot.GetAsync(url));
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    private async Task<(int Id, HttpClient Coach)> EnrolledCaseAsync()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        var referral = await Robot.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName = "Text", lastName = "Testsson", district = District, targetGroup = "UnemployedOnBenefit",
        });
        var id = int.Parse(referral.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = "2026-03-10", ["CoachId"] = coachUser.Id })).StatusCode);
        return (id, coach);
    }

    [Fact]
    public async Task A_journal_note_that_is_too_long_or_holds_a_nul_is_a_swedish_field_error_and_is_not_saved()
    {
        var (id, coach) = await EnrolledCaseAsync();
        async Task<string> NoteAsync(string text)
        {
            var response = await coach.SubmitFormAsync($"/Cases/Details/{id}", new() { ["Note.Date"] = "2026-03-10", ["Note.Text"] = text }, $"/Cases/Details/{id}?handler=Note");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Anteckningen får vara högst 8000 tecken.", await NoteAsync(new string('a', 100_000)));
        Assert.Contains("Texten innehåller ett NUL-tecken, vilket inte är tillåtet.", await NoteAsync("Före\0efter"));
        Assert.Contains("Texten innehåller tecken som inte kunde läsas; skicka den som UTF-8.", await NoteAsync("Trasig \uFFFD text"));
        Assert.Equal(0, await app.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.CaseId == id)));
    }

    [Fact]
    public async Task Every_text_field_of_a_form_refuses_a_nul_and_nothing_is_stored()
    {
        var (id, coach) = await EnrolledCaseAsync();
        var pause = await coach.SubmitFormAsync($"/Cases/Pause/{id}", new() { ["PauseDate"] = "2026-03-10", ["Reason"] = "Other", ["Note"] = "a\0b" });
        Assert.Contains("Texten innehåller ett NUL-tecken", await pause.Content.ReadAsStringAsync());

        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var referral = await caseWorker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = TestPeople.Adult(app.Today), ["Input.FirstName"] = "Nul\0l", ["Input.LastName"] = "Testsson",
            ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit",
        });
        Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        Assert.Contains("Texten innehåller ett NUL-tecken", await referral.Content.ReadAsStringAsync());

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Pauses).SingleAsync(c => c.Id == id));
        Assert.Empty(stored.Pauses);
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.FirstName!.StartsWith("Nul"))));
    }

    [Fact]
    public async Task A_search_longer_than_any_name_is_refused_instead_of_reaching_the_database()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var response = await admin.GetAsync("/Cases?q=" + new string('x', 100_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sökningen får vara högst 100 tecken.", await response.Content.ReadAsStringAsync());
    }

    private static ByteArrayContent RawForm(string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    [Fact]
    public async Task A_checkbox_or_a_time_that_the_framework_would_misread_is_a_field_error()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var page = await (await caseWorker.GetAsync("/Referrals/New")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var person = TestPeople.Adult(app.Today);
        var referral = await caseWorker.PostAsync("/Referrals/New", RawForm(
            $"Input.PersonalNumber={person}&Input.FirstName=Kryss&Input.LastName=Rutan&Input.District={District}&Input.TargetGroup=UnemployedOnBenefit" +
            $"&Input.ReceivesBenefit=maybe&__RequestVerificationToken={Uri.EscapeDataString(token)}"));
        Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        Assert.Contains("”maybe” är inte ett giltigt värde.", await referral.Content.ReadAsStringAsync());

        // Time and number parsing would overlook a trailing NUL and store 10:00.
        var (id, coach) = await EnrolledCaseAsync();
        var meeting = await coach.SubmitFormAsync($"/Cases/ThreePartyMeeting/{id}", new()
        {
            ["Input.Date"] = "2026-03-12", ["Input.Time"] = "10:00\0", ["Input.DurationMinutes"] = "60\0", ["Input.Form"] = "Phone", ["Input.Place"] = "Telefon",
        });
        Assert.Equal(HttpStatusCode.OK, meeting.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.PersonalNumber == person)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ThreePartyMeetings.CountAsync(m => m.CaseId == id)));
    }
}
