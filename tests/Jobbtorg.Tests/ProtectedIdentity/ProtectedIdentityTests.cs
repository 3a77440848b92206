using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Access;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobbtorg.Tests.ProtectedIdentity;

/// <summary>A person with protected identity: who may mark them, and that no one else ever sees who they are, on any page or
/// API answer the app has (enumerated from its endpoints, so a page added later is walked too).</summary>
[Collection(AccessMatrixCollection.Name)]
[Trait("Category", "Http")]
public sealed class ProtectedIdentityTests(AccessMatrixApp fixture, ITestOutputHelper output)
{
    private sealed record Person(int CaseId, string PersonalNumber, string FirstName, string LastName)
    {
        /// <summary>Someone else in the database was born the same day, so the masked number is theirs as much as this person's.</summary>
        public bool SharesBirthDate { get; init; }
        public string Formatted => $"{PersonalNumber[..8]}-{PersonalNumber[8..]}";
        public string Short => $"{PersonalNumber[2..8]}-{PersonalNumber[8..]}";
        public string Masked => $"{PersonalNumber[..8]}-XXXX";
        public IEnumerable<string> Identifying => SharesBirthDate
            ? [FirstName, LastName, PersonalNumber, Formatted, Short, PersonalNumber[2..]]
            : [FirstName, LastName, PersonalNumber, Formatted, Short, Masked, PersonalNumber[2..]];
    }

    private static int names;

    /// <summary>A new Farsta case of the fixture's district, named, marked as protected by the district's case worker.</summary>
    private async Task<Person> ProtectedPersonAsync(CaseSetup setup)
    {
        var caseId = await fixture.NewCaseAsync(setup);
        var n = Interlocked.Increment(ref names);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (first, last) = ($"Skyddelina{n}x{tag}", $"Hemlighetsdotter{n}x{tag}");
        var number = await fixture.PersonalNumberOfAsync(caseId);
        await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == number)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstName, first).SetProperty(p => p.LastName, last)));
        var marked = await (await fixture.ClientAsync(Actor.CaseWorkerHere))
            .PutAsJsonAsync($"/api/people/{number}/protected-identity", new { @protected = true });
        Assert.True(marked.StatusCode == HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        return new Person(caseId, number, first, last);
    }

    private async Task<Person> WithSharedBirthDateAsync(Person person) => person with
    {
        SharesBirthDate = await fixture.Db(db => db.Participants.CountAsync(p => p.PersonalNumber.StartsWith(person.PersonalNumber.Substring(0, 8)))) > 1,
    };

    private IEnumerable<RouteEndpoint> Endpoints =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsGet(RouteEndpoint e) =>
        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET");

    /// <summary>Every GET address of the app's pages and API, with each route value filled by every id that leads somewhere.</summary>
    private List<string> Addresses(IReadOnlyDictionary<string, string[]> values)
    {
        var addresses = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && IsGet(e)))
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern.Contains("api/docs") || pattern.StartsWith("/Account", StringComparison.OrdinalIgnoreCase)
                || pattern.StartsWith("Account", StringComparison.OrdinalIgnoreCase)) continue;
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            if (!isPage && !pattern.TrimStart('/').StartsWith("api/")) continue;
            IEnumerable<string> filled = ["/" + pattern.TrimStart('/')];
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(pattern, @"\{([^}:?]+)[^}]*\}"))
            {
                var name = m.Groups[1].Value;
                var options = values.TryGetValue(name, out var given) ? given : values["id"];
                filled = filled.SelectMany(a => options.Select(o => a.Replace(m.Value, o))).ToList();
            }
            addresses.AddRange(filled.Select(a => a.Replace("//", "/").TrimEnd('/') is { Length: > 0 } t ? t : "/"));
        }
        return addresses.Distinct().ToList();
    }

    [Fact]
    public async Task No_one_but_the_coach_the_district_and_administrators_sees_who_a_protected_person_is_anywhere()
    {
        // An enrolled person with a first appointment and a meeting; a referred one booked on today's info meeting.
        var enrolled = await ProtectedPersonAsync(CaseSetup.Enrolled);
        await fixture.BookFirstAppointmentAsync(enrolled.CaseId);
        var referred = await ProtectedPersonAsync(CaseSetup.Referred);
        (enrolled, referred) = (await WithSharedBirthDateAsync(enrolled), await WithSharedBirthDateAsync(referred));
        await fixture.BookOnTodaysMeetingAsync(referred.CaseId);
        var meeting = await fixture.FutureMeetingAsync();
        var booking = await fixture.BookingOfAsync(referred.CaseId);
        var appointment = await fixture.Db(db => db.FirstAppointments.Where(a => a.CaseId == enrolled.CaseId).Select(a => a.Id).SingleAsync());
        var otherCoach = await fixture.App.CreateUserAsync(Roles.Coach, centre: "farsta");
        var otherCoachClient = await fixture.App.SignInAsync(otherCoach);

        var ids = new[] { enrolled.CaseId, referred.CaseId, meeting, booking ?? 0, appointment }.Select(i => i.ToString()).Distinct().ToArray();
        var values = new Dictionary<string, string[]>
        {
            ["id"] = [.. ids, fixture.FarstaCoachId], ["caseId"] = [enrolled.CaseId.ToString(), referred.CaseId.ToString()],
            ["meetingId"] = [""], ["number"] = ["1"], ["entryId"] = ["1"], ["code"] = [AccessMatrixApp.District], ["kind"] = ["Adult"],
            ["personalNumber"] = [enrolled.PersonalNumber],
        };
        var addresses = Addresses(values);
        // Searches and the lists a day and a period bring.
        foreach (var person in new[] { enrolled, referred })
            addresses.AddRange([$"/Cases?q={person.FirstName}", $"/Cases?q={person.LastName}", $"/Cases?q={person.PersonalNumber}",
                $"/Cases?q={person.Formatted}", "/Cases?status=Enrolled", "/Cases?status=Referred"]);
        addresses.AddRange(["/", $"/Attendance?date={fixture.Today:yyyy-MM-dd}", "/Reports/JobGuarantee?period=year&year=2026",
            "/Messages/Inbox?All=true", "/api/cases?take=500"]);
        Assert.True(addresses.Count > 60, $"Only {addresses.Count} addresses found.");

        // The case-event export is the city's own transfer between its systems: it keeps the personal number (the key that
        // ties events together, never a name) and says the person is protected, so the receiving system protects them too.
        // The register extract is everything held about the person, asked for by their own number for the person
        // themself (GDPR art. 15): the data-protection officer's key must see it whole.
        var exempt = addresses.Where(a => a == "/api/export/case-events" || a.EndsWith("/register-extract", StringComparison.Ordinal)).ToHashSet();
        var viewers = new List<(string Name, HttpClient Client)> { ("another coach of the centre", otherCoachClient) };
        foreach (var actor in new[] { Actor.Matcher, Actor.ManagerHere, Actor.ManagerCityWide, Actor.Analyst, Actor.Provider,
                     Actor.CoachElsewhere, Actor.CaseWorkerElsewhere, Actor.ManagerElsewhere, Actor.KeyAllScopes, Actor.KeyDistrictElsewhere,
                     Actor.KeyReportCases, Actor.KeyReports, Actor.KeyFollowUp })
            viewers.Add((actor.ToString(), await fixture.ClientAsync(actor)));

        var seen = new List<string>();
        var opened = 0;
        var placeholders = 0;
        foreach (var (name, client) in viewers)
        foreach (var address in addresses.Where(a => !exempt.Contains(a)))
        {
            using var response = await client.GetAsync(address);
            var body = await response.Content.ReadAsStringAsync();
            // The viewer's own search words come back in the search box; they tell the viewer nothing new.
            if (address.Split("q=") is [_, var q]) body = body.Replace(q, "");
            if (response.StatusCode == HttpStatusCode.OK) opened++;
            if (body.Contains("Skyddad identitet")) placeholders++;
            foreach (var person in new[] { enrolled, referred })
                foreach (var text in person.Identifying.Where(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)))
                {
                    var at = body.IndexOf(text, StringComparison.OrdinalIgnoreCase);
                    seen.Add($"{name} GET {address} ({(int)response.StatusCode}) shows {text}: …{body[Math.Max(0, at - 120)..Math.Min(body.Length, at + 40)].ReplaceLineEndings(" ")}…");
                }
        }
        output.WriteLine($"{addresses.Count} addresses × {viewers.Count} viewers; {opened} opened, {placeholders} with the placeholder");
        Assert.True(seen.Count == 0, string.Join("\n", seen.Distinct().Take(50)));
        Assert.True(opened > 100, $"Only {opened} answers were 200: the walk reached too little.");

        // Those who see the case but not the person get the page, with the placeholder in place of the name.
        foreach (var client in new[] { otherCoachClient, await fixture.ClientAsync(Actor.ManagerHere), await fixture.ClientAsync(Actor.Matcher) })
        {
            var page = await client.GetAsync($"/Cases/Details/{enrolled.CaseId}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Skyddad identitet", await page.Content.ReadAsStringAsync());
        }

        // The case's coach, the district's case worker and an administrator see who it is.
        foreach (var actor in new[] { Actor.CoachHere, Actor.CaseWorkerHere, Actor.Administrator })
        {
            var page = await (await fixture.ClientAsync(actor)).GetStringAsync($"/Cases/Details/{enrolled.CaseId}");
            Assert.Contains($"{enrolled.FirstName} {enrolled.LastName}", page);
            Assert.Contains(enrolled.Formatted, page);
        }
        // And find the person by name; the case's coach on their start page too.
        var found = await (await fixture.ClientAsync(Actor.CoachHere)).GetStringAsync($"/Cases?q={enrolled.LastName}");
        Assert.Contains(enrolled.FirstName, found);
        var found2 = await (await fixture.ClientAsync(Actor.CaseWorkerHere)).GetStringAsync($"/Cases?q={referred.PersonalNumber}");
        Assert.Contains(referred.LastName, found2);
        Assert.Contains(enrolled.LastName, await (await fixture.ClientAsync(Actor.CoachHere)).GetStringAsync("/"));
    }

    [Fact]
    public async Task Searching_by_name_or_number_does_not_find_a_protected_person_for_those_who_may_not_see_them()
    {
        var person = await ProtectedPersonAsync(CaseSetup.Enrolled);
        var other = await fixture.App.SignInAsync(await fixture.App.CreateUserAsync(Roles.Coach, centre: "farsta"));
        foreach (var q in new[] { person.LastName, person.PersonalNumber, person.Formatted })
        {
            var page = await other.GetStringAsync($"/Cases?q={q}");
            Assert.DoesNotContain($"/Cases/Details/{person.CaseId}\"", page);
            var own = await (await fixture.ClientAsync(Actor.CoachHere)).GetStringAsync($"/Cases?q={q}");
            Assert.Contains($"/Cases/Details/{person.CaseId}\"", own);
        }
        // Unmarked, the same search finds them again.
        var unmarked = await (await fixture.ClientAsync(Actor.Administrator))
            .PutAsJsonAsync($"/api/people/{person.PersonalNumber}/protected-identity", new { @protected = false });
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        Assert.Contains(person.LastName, await other.GetStringAsync($"/Cases?q={person.LastName}"));
    }

    [Fact]
    public async Task The_marking_api_reaches_only_the_districts_own_people_and_never_tells_who_exists()
    {
        var caseId = await fixture.NewCaseAsync(CaseSetup.Referred);
        var number = await fixture.PersonalNumberOfAsync(caseId);
        var url = $"/api/people/{number}/protected-identity";

        // The district's key marks its own person; the answer says who and when.
        var marked = await (await fixture.ClientAsync(Actor.KeyDistrictHere)).PutAsJsonAsync(url, new { @protected = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var answer = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("protected").GetBoolean());
        Assert.Equal(fixture.App.Clock.GetUtcNow(), answer.GetProperty("changedAt").GetDateTimeOffset());
        var stored = await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == number)
            .Select(p => new { p.ProtectedIdentity, p.ProtectedIdentityChangedBy }).SingleAsync());
        Assert.True(stored.ProtectedIdentity);
        Assert.False(string.IsNullOrEmpty(stored.ProtectedIdentityChangedBy));

        // Another district's key and case worker get the same 404 as for a person never referred.
        var unknown = TestPeople.Adult(fixture.Today);
        foreach (var actor in new[] { Actor.KeyDistrictElsewhere, Actor.CaseWorkerElsewhere })
        {
            var client = await fixture.ClientAsync(actor);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync(url, new { @protected = false })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/people/{unknown}/protected-identity", new { @protected = false })).StatusCode);
        }
        Assert.True(await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == number).Select(p => p.ProtectedIdentity).SingleAsync()));

        // Coaches and managers may not mark at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientAsync(Actor.ManagerHere)).PutAsJsonAsync(url, new { @protected = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientAsync(Actor.CoachHere)).PutAsJsonAsync(url, new { @protected = false })).StatusCode);

        // Bad input: a field-specific answer.
        var admin = await fixture.ClientAsync(Actor.Administrator);
        var badNumber = await admin.PutAsJsonAsync($"/api/people/{TestPeople.WithWrongCheckDigit(number)}/protected-identity", new { @protected = true });
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.True((await badNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("personalNumber", out _));
        var noValue = await admin.PutAsJsonAsync(url, new { });
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.True((await noValue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("protected", out _));

        // The administrator removes the marking.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, new { @protected = false })).StatusCode);
        Assert.False(await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == number).Select(p => p.ProtectedIdentity).SingleAsync()));
    }

    [Fact]
    public async Task The_district_case_worker_marks_on_the_case_page_after_confirming_and_the_case_shows_who_and_when()
    {
        var caseId = await fixture.NewCaseAsync(CaseSetup.Enrolled);
        var worker = await fixture.ClientAsync(Actor.CaseWorkerHere);
        var page = $"/ProtectedIdentity/Case/{caseId}";
        Assert.Contains(page, await worker.GetStringAsync($"/Cases/Details/{caseId}"));

        var unconfirmed = await worker.SubmitFormAsync(page, new() { ["Protected"] = "true" });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Bekräfta att du har kontrollerat markeringen.", await unconfirmed.Content.ReadAsStringAsync());
        var number = await fixture.PersonalNumberOfAsync(caseId);
        Assert.False(await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == number).Select(p => p.ProtectedIdentity).SingleAsync()));

        var confirmed = await worker.SubmitFormAsync(page, new() { ["Protected"] = "true", ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var details = await worker.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"protected-identity-changed\"", details);
        Assert.Contains("Markerades", details);

        // A coach of the centre sees that the person is protected, but has no way to change it.
        var coachPage = await (await fixture.ClientAsync(Actor.CoachHere)).GetStringAsync($"/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"case-protected-identity\"", coachPage);
        Assert.DoesNotContain(page, coachPage);
        var managerTries = await (await fixture.ClientAsync(Actor.ManagerHere)).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, managerTries.StatusCode);
        Assert.Contains("/Account/AccessDenied", managerTries.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_referral_and_the_case_event_stream_carry_the_marking_and_the_export_keeps_it()
    {
        var robot = await fixture.ClientAsync(Actor.KeyDistrictHere);
        var number = TestPeople.Adult(fixture.Today);
        var referred = await robot.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = number, firstName = "Referdina", lastName = "Skyddsson", district = AccessMatrixApp.District,
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, protectedIdentity = true,
        });
        Assert.True(referred.StatusCode == HttpStatusCode.Created, await referred.Content.ReadAsStringAsync());
        Assert.True(await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == number).Select(p => p.ProtectedIdentity).SingleAsync()));

        // A manager may refer, but not mark: the request is refused on the field.
        var manager = await fixture.ClientAsync(Actor.ManagerHere);
        var refused = await manager.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(fixture.Today), firstName = "A", lastName = "B", district = AccessMatrixApp.District,
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, protectedIdentity = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("protectedIdentity", out _));

        // The stream: a referral line with the marking marks a new person; the export writes it back, and the same stream
        // imported again changes nothing.
        var streamNumber = TestPeople.Adult(fixture.Today);
        var caseRef = $"PI-{Guid.NewGuid():N}"[..16];
        var line = $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{streamNumber}}","district":"{{AccessMatrixApp.District}}","targetGroup":"UnemployedOnBenefit","date":"{{fixture.Today:yyyy-MM-dd}}","gender":"F","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false,"protectedIdentity":true}""";
        var all = await fixture.ClientAsync(Actor.KeyAllScopes);
        async Task<JsonElement> ImportAsync()
        {
            var imported = await all.PostAsync("/api/import/case-events", new StringContent(line + "\n", System.Text.Encoding.UTF8, "application/x-ndjson"));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
            return await imported.Content.ReadFromJsonAsync<JsonElement>();
        }
        await ImportAsync();
        Assert.True(await fixture.Db(db => db.Participants.Where(p => p.PersonalNumber == streamNumber).Select(p => p.ProtectedIdentity).SingleAsync()));
        var export = await all.GetStringAsync("/api/export/case-events");
        Assert.Contains(line, export.Split('\n'));
        var again = await ImportAsync();
        output.WriteLine(again.ToString());
        Assert.Equal(1, await fixture.Db(db => db.Cases.CountAsync(c => c.CaseRef == caseRef)));

        // Unmarked later, the same line is still recognised as the case already held.
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.ClientAsync(Actor.Administrator))
            .PutAsJsonAsync($"/api/people/{streamNumber}/protected-identity", new { @protected = false })).StatusCode);
        await ImportAsync();
        Assert.Equal(1, await fixture.Db(db => db.Cases.CountAsync(c => c.CaseRef == caseRef)));
    }
}
