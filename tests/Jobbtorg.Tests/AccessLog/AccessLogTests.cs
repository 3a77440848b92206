using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobbtorg.Tests.AccessLog;

/// <summary>The access log as a reader of people's data meets it: one entry per request that showed or changed someone's
/// data (found by enumerating every endpoint, so a new page cannot forget), the reason asked for outside one's own
/// caseload, and the log read back through the API.</summary>
[Trait("Category", "Http")]
public sealed partial class AccessLogTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta
    private JobbtorgAppFactory app = null!;

    public async Task InitializeAsync()
    {
        app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string> { ["Jobbtorg:AccessLog:AskForReason"] = "true" });
        await app.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private IEnumerable<RouteEndpoint> Endpoints =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private Task FlushAsync() => app.Services.GetRequiredService<AccessLogWriter>().FlushAsync();

    private async Task<List<AccessLogEntry>> EntriesAfterAsync(long sequence)
    {
        await FlushAsync();
        return await app.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync());
    }

    private async Task<long> LastSequenceAsync()
    {
        await FlushAsync();
        return await app.WithDbAsync(async db => await db.AccessLog.MaxAsync(e => e.Sequence) ?? 0);
    }

    private async Task<(int Id, int Participant, string Person)> ReferAsync(HttpClient client)
    {
        var person = TestPeople.Adult(app.Today);
        var response = await client.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = person, firstName = "Logga", lastName = "Loggsson", district = District, targetGroup = "UnemployedOnBenefit",
            receivesBenefit = true, consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var participant = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.ParticipantId).SingleAsync());
        return (id, participant, person);
    }

    private async Task EnrolAsync(HttpClient client, int caseId, string coachId)
    {
        var enrolled = await client.SubmitFormAsync($"/Cases/Enrol/{caseId}",
            new() { ["EnrolmentDate"] = app.Today.ToString("yyyy-MM-dd"), ["CoachId"] = coachId });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
    }

    private static async Task GiveReasonAsync(HttpClient client, int caseId, string choice = "JointPlanning", string text = "Samordning")
    {
        var response = await client.SubmitFormAsync($"/AccessLog/Reason?caseId={caseId}", new()
        {
            ["CaseId"] = caseId.ToString(), ["ReturnUrl"] = $"/Cases/Details/{caseId}", ["Choice"] = choice, ["Text"] = text,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Cases/Details/{caseId}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Every_endpoint_says_whether_it_shows_personal_data()
    {
        var unmarked = Endpoints.Where(e => e.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is null && e.Metadata.GetMetadata<NoPersonalDataAttribute>() is null)
            .Select(e => e.DisplayName).ToList();
        Assert.True(unmarked.Count == 0, "Endpoints marked neither [ShowsPersonalData] nor [NoPersonalData]:\n" + string.Join("\n", unmarked));
        var both = Endpoints.Where(e => e.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is not null && e.Metadata.GetMetadata<NoPersonalDataAttribute>() is not null)
            .Select(e => e.DisplayName).ToList();
        Assert.True(both.Count == 0, "Endpoints marked both ways:\n" + string.Join("\n", both));
        // The case pages are among those logged, with their case.
        Assert.Contains(Endpoints, e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/Cases/Details"
                                        && e.Metadata.GetMetadata<ShowsPersonalDataAttribute>()?.CaseRoute == "id");
    }

    [GeneratedRegex(@"\{([^}:?]+)(:[^}?]*)?(\?)?\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task Every_request_that_shows_personal_data_writes_exactly_one_entry_and_a_refused_one_none()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Logg");
        var (caseId, participant, person) = await ReferAsync(admin);
        await GiveReasonAsync(admin, caseId);
        await EnrolAsync(admin, caseId, coach.Id);
        var meeting = await admin.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date = app.Today.AddDays(7).ToString("yyyy-MM-dd"), time = "09:30", durationMinutes = 90,
            room = "Sal L", capacity = 30, language = "svenska", weeks = 1,
        });
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt32();

        string Fill(string pattern) => "/" + RouteParameter().Replace(pattern.TrimStart('/'), m => m.Groups[1].Value switch
        {
            _ when m.Groups[3].Success => "",
            "code" => District,
            "kind" => "Adult",
            "number" or "entryId" => "1",
            "id" when pattern.Contains("Handover") => coach.Id,
            "id" when pattern.Contains("nfo-meetings/{id") || pattern.Contains("InfoMeetings/Meeting") || pattern.Contains("InfoMeetings/Invitation") => meetingId.ToString(),
            _ => caseId.ToString(),
        }).TrimEnd('/');

        var queries = new Dictionary<string, string>
        {
            ["/api/access-log"] = $"?personalNumber={person}",
            ["/api/reports/indicators/cases"] = "?from=2026-01-01&to=2026-03-31&groupBy=reportingGroup&group=unassigned&measure=closedBeforeEnrolment",
            ["/Reports/Cases"] = "?period=custom&from=2026-01-01&to=2026-03-31&groupBy=reportingGroup&group=unassigned&measure=closedBeforeEnrolment",
        };
        var marked = Endpoints.Select(e => (Endpoint: e, Marking: e.Metadata.GetMetadata<ShowsPersonalDataAttribute>())).Where(x => x.Marking is not null).ToList();
        var shown = new List<string>();
        var wrong = new List<string>();
        foreach (var (endpoint, marking) in marked.Where(x => x.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is null or ["GET"]))
        {
            var url = Fill(endpoint.RoutePattern.RawText ?? "");
            if (url == "") url = "/";
            url += queries.GetValueOrDefault(url, "");
            var before = await LastSequenceAsync();
            using var response = await admin.GetAsync(url);
            var entries = await EntriesAfterAsync(before);
            var status = (int)response.StatusCode;
            var expected = status < 400 && !marking!.ChangesOnly ? 1 : 0;
            if (entries.Count != expected) wrong.Add($"GET {url}: {status}, {entries.Count} entries (expected {expected})");
            else if (expected == 1)
            {
                shown.Add($"GET {url}");
                var entry = entries[0];
                if (marking!.CaseRoute is not null && (entry.CaseId != caseId || entry.ParticipantId != participant))
                    wrong.Add($"GET {url}: the entry names case {entry.CaseId} and person {entry.ParticipantId}, not {caseId} and {participant}");
                if (entry.PrincipalKind != PrincipalKind.User || entry.UserId is null) wrong.Add($"GET {url}: not the user's entry");
                if (entry.Path.Contains(person) || entry.Path.Contains(person[2..])) wrong.Add($"GET {url}: the path holds the personal number");
                if (entry.Kind != (marking.NamedKind ?? AccessKind.Read)) wrong.Add($"GET {url}: kind {entry.Kind}");
            }
        }
        // Changes: a referral, a pause, and a request the API refuses for its bad input (nothing shown, nothing logged).
        async Task ChangeAsync(string what, Func<Task<HttpResponseMessage>> send, int expected, int? expectedCase = null)
        {
            var before = await LastSequenceAsync();
            using var response = await send();
            var entries = await EntriesAfterAsync(before);
            if (entries.Count != expected || entries.Any(e => e.Kind != AccessKind.Change || (expectedCase is not null && e.CaseId != expectedCase)))
                wrong.Add($"{what}: {(int)response.StatusCode}, {entries.Count} entries (expected {expected}), {string.Join(", ", entries.Select(e => $"{e.Kind} case {e.CaseId}"))}");
            else if (expected == 1) shown.Add(what);
        }
        await ChangeAsync("POST /api/cases/{id}/pause", () => admin.PostAsJsonAsync($"/api/cases/{caseId}/pause",
            new { date = app.Today.ToString("yyyy-MM-dd"), reason = "Other", note = "Paus" }), 1, caseId);
        await ChangeAsync("POST /api/cases/{id}/resume with a bad date", () => admin.PostAsJsonAsync($"/api/cases/{caseId}/resume", new { date = "igår" }), 0);
        var token = await admin.AntiforgeryTokenAsync($"/Cases/Details/{caseId}");
        await ChangeAsync("POST /Cases/Details Note", () => admin.PostAsync($"/Cases/Details/{caseId}?handler=Note", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Note.Date"] = app.Today.ToString("yyyy-MM-dd"), ["Note.Text"] = "Anteckning", ["__RequestVerificationToken"] = token })), 1, caseId);
        await ChangeAsync("POST /api/referrals/", async () => { await ReferAsync(admin); return new HttpResponseMessage(HttpStatusCode.Created); }, 1);

        output.WriteLine($"{shown.Count} requests logged once each:\n" + string.Join("\n", shown));
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        foreach (var page in new[] { "GET /", $"GET /Cases/Details/{caseId}", "GET /Cases", $"GET /Plans/Edit/{caseId}", $"GET /Attendance/Case/{caseId}",
                     $"GET /api/cases/{caseId}", "GET /api/cases", $"GET /api/access-log?personalNumber={person}", $"GET /InfoMeetings/CaseBooking/{caseId}" })
            Assert.Contains(page, shown);
        Assert.True(shown.Count > 20, $"Only {shown.Count} requests showed data.");
        // No entry holds a personal number anywhere.
        await FlushAsync();
        var all = await app.WithDbAsync(db => db.AccessLog.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(all, e => (e.Path + e.Action + e.Reason + e.CaseRef).Contains(person[2..8]) && (e.Path + e.Action).Contains(person[8..]));
    }

    [Fact]
    public async Task A_coach_opening_a_colleagues_case_gives_a_reason_first_and_it_is_kept_with_every_entry()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var own = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Egen Coach");
        var colleague = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Kollega Coach");
        var (caseId, _, _) = await ReferAsync(app.ApiClient(JobbtorgAppFactory.RobotKey));
        await GiveReasonAsync(admin, caseId);
        await EnrolAsync(admin, caseId, own.Id);

        // The case's own coach: no question asked.
        var ownClient = await app.SignInAsync(own);
        var before = await LastSequenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await ownClient.GetAsync($"/Cases/Details/{caseId}")).StatusCode);
        var entry = Assert.Single(await EntriesAfterAsync(before));
        Assert.False(entry.OutsideCaseload);
        Assert.Null(entry.Reason);
        Assert.Equal("Egen Coach", entry.Principal);

        // A colleague at the same centre is asked why, and sees nothing of the case (not even the name) until answering.
        var other = await app.SignInAsync(colleague);
        before = await LastSequenceAsync();
        var asked = await other.GetAsync($"/Plans/Edit/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith($"/AccessLog/Reason?caseId={caseId}", asked.Headers.Location!.OriginalString);
        var prompt = await other.GetStringAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("Varför öppnar du det här ärendet?", prompt);
        Assert.DoesNotContain("Loggsson", prompt);
        Assert.Empty(await EntriesAfterAsync(before));

        // Without a choice: a clear error, nothing remembered.
        var token = await other.AntiforgeryTokenAsync(asked.Headers.Location!.OriginalString);
        var refused = await other.PostAsync("/AccessLog/Reason", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CaseId"] = caseId.ToString(), ["ReturnUrl"] = $"/Plans/Edit/{caseId}", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Välj varför du öppnar ärendet.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/Cases/Details/{caseId}")).StatusCode);

        // With a reason: back to the page asked for, and every entry of the case carries the reason and the flag.
        var given = await other.PostAsync("/AccessLog/Reason", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CaseId"] = caseId.ToString(), ["ReturnUrl"] = $"/Plans/Edit/{caseId}", ["Choice"] = "CoveringForColleague",
            ["Text"] = "Egen Coach är sjuk", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal($"/Plans/Edit/{caseId}", given.Headers.Location!.OriginalString);
        before = await LastSequenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Plans/Edit/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Cases/Details/{caseId}")).StatusCode);
        var entries = await EntriesAfterAsync(before);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.True(e.OutsideCaseload);
            Assert.Equal("Jag vikarierar för ärendets coach: Egen Coach är sjuk", e.Reason);
            Assert.Equal(caseId, e.CaseId);
            Assert.Equal("Kollega Coach", e.Principal);
        });

        // The reason is for that case only.
        // The case page, which reads the case itself, asks the same way and shows nothing and logs nothing before.
        var (second, _, _) = await ReferAsync(app.ApiClient(JobbtorgAppFactory.RobotKey));
        before = await LastSequenceAsync();
        var askedAgain = await other.GetAsync($"/Cases/Details/{second}");
        Assert.Equal(HttpStatusCode.Redirect, askedAgain.StatusCode);
        Assert.Equal($"/AccessLog/Reason?caseId={second}&returnUrl={Uri.EscapeDataString($"/Cases/Details/{second}")}",
            askedAgain.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Loggsson", await askedAgain.Content.ReadAsStringAsync());
        Assert.Empty(await EntriesAfterAsync(before));

        // A district case worker reads the district's cases as their own; an API key's scope is its reason.
        var caseWorker = await app.SignInAsync(await app.CreateUserAsync(Roles.CaseWorker, district: District));
        before = await LastSequenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await caseWorker.GetAsync($"/Cases/Details/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(JobbtorgAppFactory.EavKey).GetAsync($"/api/cases/{caseId}")).StatusCode);
        entries = await EntriesAfterAsync(before);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.False(e.OutsideCaseload));
        Assert.Equal(PrincipalKind.ApiKey, entries[1].PrincipalKind);
        Assert.Equal("eav-system", entries[1].Principal);
        Assert.Equal("GET /api/cases/{id}", entries[1].Action);
        Assert.Equal($"/api/cases/{caseId}", entries[1].Path);
    }

    [Fact]
    public async Task Reading_the_case_page_and_plan_of_a_person_with_protected_identity_is_flagged_for_review()
    {
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var (caseId, participant, person) = await ReferAsync(robot);
        var marked = await robot.PutAsJsonAsync($"/api/people/{person}/protected-identity", new { @protected = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        await GiveReasonAsync(admin, caseId);

        var before = await LastSequenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Cases/Details/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Plans/Edit/{caseId}")).StatusCode);
        var entries = await EntriesAfterAsync(before);
        Assert.Equal(["GET /Cases/Details", "GET /Plans/Edit"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.True(e.ProtectedIdentity);
            Assert.True(e.OutsideCaseload);
            Assert.Equal(caseId, e.CaseId);
            Assert.Equal(participant, e.ParticipantId);
            Assert.Equal("Möte eller gemensam planering om personen: Samordning", e.Reason);
        });
    }

    [Fact]
    public async Task The_api_answers_who_read_a_persons_data_newest_first_within_bounds()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var (caseId, participant, person) = await ReferAsync(admin);
        var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseRef).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync($"/api/cases/{caseId}")).StatusCode);
        await GiveReasonAsync(admin, caseId);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Cases/Details/{caseId}")).StatusCode);
        await FlushAsync();

        var reviewer = await app.SignInAsNewAsync(Roles.LogReviewer);
        var answer = await reviewer.GetFromJsonAsync<JsonElement>($"/api/access-log?personalNumber={person[..8]}-{person[8..]}");
        var entries = answer.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["GET /Cases/Details", "GET /api/cases/{id}", "POST /api/referrals"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(caseRef, e.GetProperty("caseRef").GetString()));
        Assert.Equal("robot", entries[1].GetProperty("principal").GetString());
        Assert.Equal($"/Cases/Details/{caseId}", entries[0].GetProperty("path").GetString());
        var times = entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        // Reading the log is itself an access to the person's data.
        var read = (await EntriesAfterAsync(0)).Last();
        Assert.Equal("GET /api/access-log", read.Action);
        Assert.Equal(participant, read.ParticipantId);

        // Bad input is named; a coach may not read the log.
        var bad = await reviewer.GetAsync($"/api/access-log?personalNumber={TestPeople.WithWrongCheckDigit(person)}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("personalNumber", await bad.Content.ReadAsStringAsync());
        var tooLong = await reviewer.GetAsync("/api/access-log?from=2024-01-01&to=2026-03-10");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("366", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsNewAsync(Roles.Coach, centre: "farsta")).GetAsync("/api/access-log")).StatusCode);
    }
}
