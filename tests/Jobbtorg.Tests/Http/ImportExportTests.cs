using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ImportExportTests(JobbtorgAppFactory app)
{
    private readonly string prefix = $"T{Guid.NewGuid():N}"[..12] + "-";

    /// <summary>The example of domain.md, with this test's own case reference and person.</summary>
    private string Example(out string caseRef, out string person)
    {
        caseRef = prefix + "K-1";
        person = TestPeople.Adult(new DateOnly(2024, 1, 3));
        return string.Join('\n',
            $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"enskede-arsta-vantor","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","gender":"F","receivesBenefit":true,"hasChildren":true,"newlyUnemployed":false,"newlyArrived":false}""",
            $$"""{"type":"infoMeeting","caseRef":"{{caseRef}}","date":"2024-01-10","attended":true}""",
            $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"2024-01-10","jobCentre":"farsta","coach":"coach-17"}""",
            $$"""{"type":"planAgreed","caseRef":"{{caseRef}}","date":"2024-01-15"}""",
            $$"""{"type":"pause","caseRef":"{{caseRef}}","date":"2024-02-01","reason":"Sickness"}""",
            $$"""{"type":"resume","caseRef":"{{caseRef}}","date":"2024-02-20"}""",
            $$"""{"type":"attendance","caseRef":"{{caseRef}}","date":"2024-02-21","status":"UnexcusedAbsence"}""",
            $$"""{"type":"placement","caseRef":"{{caseRef}}","kind":"MunicipalJob","start":"2024-03-01","end":"2024-08-31","employer":"2120000142"}""",
            $$"""{"type":"closure","caseRef":"{{caseRef}}","date":"2024-09-01","reason":"Work","subReason":"Subsidised"}""",
            $$"""{"type":"benefitMonth","personalNumber":"{{person}}","month":"2025-03","receivesBenefit":false}""",
            $$"""{"type":"occupationStatus","personalNumber":"{{person}}","date":"2024-11-29","status":"Working"}""") + "\n";
    }

    private Task<HttpResponseMessage> ImportAsync(string ndjson, string key = JobbtorgAppFactory.RobotKey) =>
        app.ApiClient(key).PostAsync("/api/import/case-events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

    private async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<int> CasesWithPrefixAsync() => app.WithDbAsync(db => db.Cases.CountAsync(c => c.CaseRef.StartsWith(prefix)));

    [Fact]
    public async Task The_example_stream_is_imported_once_and_skipped_the_second_time()
    {
        var stream = Example(out var caseRef, out _);

        var first = await ImportAsync(stream);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await JsonOf(first);
        Assert.Equal(11, body.GetProperty("imported").GetInt32());
        Assert.Equal(0, body.GetProperty("skipped").GetInt32());

        var again = await JsonOf(await ImportAsync(stream));
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(11, again.GetProperty("skipped").GetInt32());

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Pauses).Include(c => c.Plans).Include(c => c.JobCentre)
            .SingleAsync(c => c.CaseRef == caseRef));
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal(new DateOnly(2024, 1, 10), stored.EnrolmentDate);
        Assert.Equal("farsta", stored.JobCentre.Code);
        Assert.Equal("coach-17", stored.CoachRef);
        Assert.Equal(new DateOnly(2024, 1, 15), stored.FirstPlanAgreedOn);
        Assert.Equal(ClosureReason.Work, stored.ClosureReason);
        Assert.Equal(ClosureSubReason.Subsidised, stored.ClosureSubReason);
        Assert.Equal(ReportingGroup.Other25Plus, stored.ReportingGroup);
        Assert.Null(stored.OpenParticipantId);
        var pause = Assert.Single(stored.Pauses);
        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 20)), (pause.PausedOn, pause.ResumedOn!.Value));
        Assert.Single(stored.Plans);

        // An imported case is a case like any other: the API shows it with its reference and the source's coach.
        var dto = JsonDocument.Parse(await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync($"/api/cases/{stored.Id}")).RootElement;
        Assert.Equal(caseRef, dto.GetProperty("caseRef").GetString());
        Assert.Equal("coach-17", dto.GetProperty("coach").GetString());
        Assert.Equal("Met", dto.GetProperty("jobGuarantee").GetString());
    }

    [Fact]
    public async Task The_export_writes_imported_events_exactly_as_the_format_and_cases_made_here_alongside()
    {
        var stream = Example(out var caseRef, out var person);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(stream)).StatusCode);

        var referred = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = "farsta", targetGroup = "NewApplicant", receivesBenefit = true,
            consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var madeHere = await app.WithDbAsync(db => db.Cases.OrderByDescending(c => c.Id).Select(c => c.CaseRef).FirstAsync());
        Assert.Matches("^JT-[0-9A-Z]{8}$", madeHere);

        var export = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/export/case-events");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The example's own lines come back byte for byte, in the same order.
        var expected = stream.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var mine = lines.Where(l => l.Contains($"\"{caseRef}\"") || l.Contains($"\"{person}\"")).ToArray();
        Assert.Equal(expected, mine);
        Assert.Contains(lines, l => l.StartsWith("{\"type\":\"referral\",\"caseRef\":\"" + madeHere + "\"") && l.Contains("\"district\":\"farsta\""));
    }

    [Fact]
    public async Task A_later_stream_continues_an_imported_case()
    {
        var caseRef = prefix + "K-2";
        var person = TestPeople.Adult(new DateOnly(2024, 1, 3));
        var opening = string.Join('\n',
            $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","receivesBenefit":true}""",
            $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"2024-01-10","jobCentre":"farsta"}""",
            $$"""{"type":"pause","caseRef":"{{caseRef}}","date":"2024-02-01","reason":"ParentalLeave"}""");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(opening)).StatusCode);
        Assert.Equal(CaseStatus.Paused, await app.WithDbAsync(db => db.Cases.Where(c => c.CaseRef == caseRef).Select(c => c.Status).SingleAsync()));

        var later = opening + "\n" + $$"""{"type":"closure","caseRef":"{{caseRef}}","date":"2024-05-02","reason":"Studies"}""";
        var body = await JsonOf(await ImportAsync(later));
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Equal(3, body.GetProperty("skipped").GetInt32());

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Pauses).SingleAsync(c => c.CaseRef == caseRef));
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal(new DateOnly(2024, 5, 2), Assert.Single(stored.Pauses).ResumedOn); // the pause ends with the closure
        Assert.Null(stored.OpenParticipantId);
    }

    [Fact]
    public async Task A_later_stream_may_close_a_stored_open_case_and_refer_the_person_again_on_the_closure_day()
    {
        var (first, second) = (prefix + "K-3", prefix + "K-4");
        var person = TestPeople.Adult(new DateOnly(2024, 1, 3));
        var opening = await ImportAsync(
            $$"""{"type":"referral","caseRef":"{{first}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","receivesBenefit":true}""");
        Assert.True(opening.StatusCode == HttpStatusCode.OK, await opening.Content.ReadAsStringAsync());

        var later = string.Join('\n',
            $$"""{"type":"closure","caseRef":"{{first}}","date":"2024-03-01","reason":"Unknown"}""",
            $$"""{"type":"referral","caseRef":"{{second}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-03-01","receivesBenefit":true}""");
        var response = await ImportAsync(later);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await JsonOf(response)).GetProperty("imported").GetInt32());

        var open = await app.WithDbAsync(db => db.Cases.Where(c => c.Participant.PersonalNumber == person && c.Status != CaseStatus.Closed)
            .Select(c => c.CaseRef).ToListAsync());
        Assert.Equal([second], open);
    }

    [Fact]
    public async Task Every_bad_line_is_listed_with_its_number_and_nothing_is_stored()
    {
        var person = TestPeople.Adult(new DateOnly(2024, 1, 3));
        var other = TestPeople.Adult(new DateOnly(2024, 1, 3));
        var brokenNumber = person[..11] + (char)('0' + (person[11] - '0' + 1) % 10);
        string Ref(int n) => prefix + "R-" + n;
        var lines = new[]
        {
            $$"""{"type":"referral","caseRef":"{{Ref(1)}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","receivesBenefit":true}""", // 1 fine
            """{"type":"referral", "caseRef": """,                                                                                                                                        // 2 malformed JSON
            $$"""{"type":"meeting","caseRef":"{{Ref(1)}}","date":"2024-01-05"}""",                                                                                                    // 3 unknown type
            $$"""{"type":"referral","caseRef":"{{Ref(2)}}","personalNumber":"{{other}}","district":"farsta","targetGroup":"Unemployed","date":"2024-01-03","receivesBenefit":true}""",   // 4 unknown enumeration
            $$"""{"type":"referral","caseRef":"{{Ref(3)}}","personalNumber":"{{brokenNumber}}","district":"farsta","targetGroup":"Youth","date":"2024-01-03","receivesBenefit":true}""", // 5 invalid personal number
            $$"""{"type":"referral","caseRef":"{{Ref(4)}}","personalNumber":"{{other}}","district":"atlantis","targetGroup":"Youth","date":"2024-01-03","receivesBenefit":true}""",     // 6 unknown district
            $$"""{"type":"enrolment","caseRef":"{{Ref(1)}}","date":"2024-01-10","jobCentre":"gotham"}""",                                                                              // 7 unknown job centre
            $$"""{"type":"planAgreed","caseRef":"{{Ref(99)}}","date":"2024-01-15"}""",                                                                                                 // 8 unknown caseRef
            $$"""{"type":"enrolment","caseRef":"{{Ref(1)}}","date":"2024-01-10","jobCentre":"farsta"}""",                                                                              // 9 fine
            $$"""{"type":"planAgreed","caseRef":"{{Ref(1)}}","date":"2024-01-08"}""",                                                                                                  // 10 out of order: before enrolment
            $$"""{"type":"referral","caseRef":"{{Ref(5)}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-02-01","receivesBenefit":true}""", // 11 second open case
            $$"""{"type":"attendance","caseRef":"{{Ref(1)}}","date":"2024-01-11","attended":"yes","status":"Present"}""",                                                             // 12 wrong type
            $$"""{"type":"closure","caseRef":"{{Ref(1)}}","date":"2024-03-01","reason":"Work","subReason":"Moved"}""",                                                               // 13 sub-reason of another reason
            $$"""{"type":"benefitMonth","personalNumber":"{{person}}","month":"2024-13","receivesBenefit":false}""",                                                                   // 14 bad month
        };
        var response = await ImportAsync(string.Join('\n', lines));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await JsonOf(response);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Reason: e.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14], errors.Select(e => e.Line));
        Assert.Equal(12, body.GetProperty("errorCount").GetInt32());
        string ReasonOf(int line) => errors.Single(e => e.Line == line).Reason;
        Assert.Contains("JSON", ReasonOf(2));
        Assert.Contains("meeting", ReasonOf(3));
        Assert.Contains("Unemployed", ReasonOf(4));
        Assert.Contains("check digit", ReasonOf(5));
        Assert.Contains("atlantis", ReasonOf(6));
        Assert.Contains("gotham", ReasonOf(7));
        Assert.Contains(Ref(99), ReasonOf(8));
        Assert.Contains("2024-01-08", ReasonOf(10));
        Assert.Contains(Ref(1), ReasonOf(11));
        Assert.Contains("attended", ReasonOf(12));
        Assert.Contains("Moved", ReasonOf(13));
        Assert.Contains("2024-13", ReasonOf(14));

        Assert.Equal(0, await CasesWithPrefixAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.PersonalNumber == person)));
    }

    [Fact]
    public async Task Only_the_first_thousand_bad_lines_are_listed_but_all_are_counted()
    {
        var lines = Enumerable.Range(1, 1500).Select(i => $$"""{"type":"planAgreed","caseRef":"{{prefix}}none","date":"2024-01-15"}""");
        var body = await JsonOf(await ImportAsync(string.Join('\n', lines)));
        Assert.Equal(1500, body.GetProperty("errorCount").GetInt32());
        Assert.Equal(1000, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(1000, body.GetProperty("errors")[999].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_and_export_need_their_scopes_and_the_format()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().PostAsync("/api/import/case-events", new StringContent("", Encoding.UTF8, "application/x-ndjson"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync("", JobbtorgAppFactory.NoScopeKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(JobbtorgAppFactory.EavKey).GetAsync("/api/export/case-events")).StatusCode);
        var json = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }
}

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ImportPageTests(JobbtorgAppFactory app)
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string ndjson)
    {
        var page = await (await client.GetAsync("/Import")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The upload form carries an antiforgery token.");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "ProgressId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ndjson)), "Upload", "events.ndjson" },
        };
        return await client.PostAsync("/Import", form);
    }

    [Fact]
    public async Task An_administrator_uploads_a_file_and_sees_what_was_stored_or_which_lines_are_wrong()
    {
        var admin = await app.SignInAsNewAsync(Jobbtorg.Features.Access.Roles.Administrator);
        var caseRef = $"P{Guid.NewGuid():N}"[..12];
        var person = TestPeople.Adult(new DateOnly(2024, 1, 3));
        var good = string.Join('\n',
            $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","receivesBenefit":true}""",
            $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"2024-01-10","jobCentre":"farsta"}""");

        var refused = await UploadAsync(admin, good + "\n" + $$"""{"type":"planAgreed","caseRef":"{{caseRef}}","date":"2023-12-01"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"import-refused\"", html);
        Assert.Contains("<td>3</td>", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.CaseRef == caseRef)));

        var stored = await UploadAsync(admin, good);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Contains("2 händelser sparade, 0 fanns redan och hoppades över.", await stored.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.CaseRef == caseRef)));
    }

    [Fact]
    public async Task Only_administrators_may_import()
    {
        var coach = await app.SignInAsNewAsync(Jobbtorg.Features.Access.Roles.Manager, centre: "farsta");
        var response = await coach.GetAsync("/Import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString);
    }
}
