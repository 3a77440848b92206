using System.Net;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.AccessLog.Review;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.AccessLog;

/// <summary>
/// The log reviewer's work on Tue 10 March 2026: searching the access log by reader, person, period and flag, each
/// flag's threshold from both sides, the monthly sample and its one review. Entries are written straight into the log,
/// as the access log itself would write them; each test uses readers and months of its own.
/// </summary>
[Trait("Category", "Http")]
public sealed partial class LogReviewTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private static DateTimeOffset Stockholm(int year, int month, int day, int hour, int minute = 0) =>
        Clock.FromStockholm(new DateOnly(year, month, day), new TimeOnly(hour, minute))!.Value;

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<long> LogAsync(string principal, DateTimeOffset at, int? person = null, string? userId = null, int? caseId = null,
        bool outsideCaseload = false, bool protectedIdentity = false, PrincipalKind kind = PrincipalKind.User, string? reason = null)
    {
        var entry = Entry(principal, at, person, userId, caseId, outsideCaseload, protectedIdentity, kind, reason);
        await app.WithDbAsync(async db =>
        {
            db.AccessLog.Add(entry);
            return await db.SaveChangesAsync();
        });
        return entry.Id;
    }

    private static AccessLogEntry Entry(string principal, DateTimeOffset at, int? person = null, string? userId = null, int? caseId = null,
        bool outsideCaseload = false, bool protectedIdentity = false, PrincipalKind kind = PrincipalKind.User, string? reason = null) => new()
    {
        At = at, Principal = principal, PrincipalKind = kind, UserId = userId, ParticipantId = person, CaseId = caseId,
        CaseRef = caseId is null ? null : $"REF-{caseId}", Kind = AccessKind.Read, Action = "GET /Cases/Details",
        Path = $"/Cases/Details/{caseId ?? 0}", RemoteAddress = "10.1.2.3", OutsideCaseload = outsideCaseload, ProtectedIdentity = protectedIdentity,
        Reason = reason,
    };

    private async Task<List<long>> LogManyAsync(IEnumerable<AccessLogEntry> entries)
    {
        var list = entries.ToList();
        await app.WithDbAsync(async db =>
        {
            db.AccessLog.AddRange(list);
            return await db.SaveChangesAsync();
        });
        return list.Select(e => e.Id).ToList();
    }

    [GeneratedRegex("data-entry=\"(\\d+)\"")]
    private static partial Regex EntryId();

    private static List<long> Ids(string html) => EntryId().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).ToList();

    private static string RowOf(string html, long id) => CaseSteps.Between(html, $"data-entry=\"{id}\"", "</tr>");

    private async Task<HttpClient> ReviewerAsync() => await app.SignInAsNewAsync(Roles.LogReviewer);

    // ---- Search ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_search_by_staff_member_or_by_part_of_a_name_shows_only_their_entries_newest_first()
    {
        var anna = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: Unique("Anna Läsare"));
        var bertil = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: Unique("Bertil Läsare"));
        var older = await LogAsync(anna.DisplayName, Stockholm(2026, 3, 2, 9), person: 1, userId: anna.Id);
        var newer = await LogAsync(anna.DisplayName, Stockholm(2026, 3, 3, 9), person: 2, userId: anna.Id);
        var other = await LogAsync(bertil.DisplayName, Stockholm(2026, 3, 3, 10), person: 1, userId: bertil.Id);
        var keyName = Unique("stadsdelssystem");
        var byKey = await LogAsync(keyName, Stockholm(2026, 3, 4, 9), person: 1, kind: PrincipalKind.ApiKey);

        var reviewer = await ReviewerAsync();
        var page = await reviewer.GetStringAsync($"/AccessLog/Review?reader={anna.Id}");
        Assert.Equal([newer, older], Ids(page));
        Assert.Contains("2 poster", page);
        Assert.Contains($"<option value=\"{bertil.Id}\">{bertil.DisplayName}</option>", page); // picked from the staff list

        var byName = await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(keyName.ToUpperInvariant())}");
        Assert.Equal([byKey], Ids(byName));
        Assert.Contains("System (API-nyckel)", RowOf(byName, byKey));
        Assert.DoesNotContain(other, Ids(await reviewer.GetStringAsync($"/AccessLog/Review?reader={anna.Id}")));
    }

    [Fact]
    public async Task A_search_by_person_takes_the_personal_number_in_a_posted_form_and_never_puts_it_in_the_address()
    {
        var caseId = await CaseSteps.ReferAsync(app, "skarpnack", "2026-03-02", "Personsök", "Granskad");
        var (personId, number) = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId)
            .Select(c => new ValueTuple<int, string>(c.ParticipantId, c.Participant.PersonalNumber)).SingleAsync());
        var reader = Unique("Läsare Person");
        var theirs = await LogAsync(reader, Stockholm(2026, 3, 5, 10), person: personId, caseId: caseId);
        var someoneElse = await LogAsync(reader, Stockholm(2026, 3, 5, 11), person: personId + 100_000);

        var reviewer = await ReviewerAsync();
        var posted = await reviewer.SubmitFormAsync("/AccessLog/Review", new() { ["PersonalNumber"] = number, ["Who"] = reader });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Contains($"person={personId}", location);
        Assert.DoesNotContain(number, location);
        Assert.DoesNotContain(number[2..], location);

        var page = await reviewer.GetStringAsync(location);
        Assert.Equal([theirs], Ids(page));
        Assert.Contains($"Personsök Granskad", RowOf(page, theirs));
        Assert.Contains($"{number[..8]}-XXXX", page);
        Assert.DoesNotContain(number, page);
        Assert.DoesNotContain(someoneElse, Ids(page));

        // A wrong number is told at the field, in Swedish; a valid one nobody holds likewise.
        var wrong = await reviewer.SubmitFormAsync("/AccessLog/Review", new() { ["PersonalNumber"] = number[..11] + (number[11] == '0' ? "1" : "0") });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("id=\"PersonalNumber-error\"", await wrong.Content.ReadAsStringAsync());
        var unknown = await reviewer.SubmitFormAsync("/AccessLog/Review", new() { ["PersonalNumber"] = TestPeople.Adult(app.Today) });
        Assert.Contains("Ingen med det här personnumret finns i Jobbtorg.", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_search_covers_the_last_30_days_by_default_and_any_bounded_period_asked_for()
    {
        var reader = Unique("Läsare Period");
        var today = await LogAsync(reader, Stockholm(2026, 3, 10, 8));
        var dayThirty = await LogAsync(reader, Stockholm(2026, 2, 9, 0, 1));   // the 30th day back, just after midnight
        var dayThirtyOne = await LogAsync(reader, Stockholm(2026, 2, 8, 23, 59));
        var january = await LogAsync(reader, Stockholm(2026, 1, 15, 12));

        var reviewer = await ReviewerAsync();
        var page = await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}");
        Assert.Equal([today, dayThirty], Ids(page));
        Assert.Contains("value=\"2026-02-09\"", page);
        Assert.Contains("value=\"2026-03-10\"", page);
        Assert.Equal([january], Ids(await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&from=2026-01-01&to=2026-01-31")));
        Assert.Equal([dayThirtyOne], Ids(await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&from=2026-02-08&to=2026-02-08")));

        var backwards = await reviewer.GetStringAsync("/AccessLog/Review?from=2026-03-05&to=2026-03-01");
        Assert.Contains("Startdatumet måste vara samma dag som eller före slutdatumet.", backwards);
        Assert.Empty(Ids(backwards));
        Assert.Contains("Välj en period på högst 366 dagar.", await reviewer.GetStringAsync("/AccessLog/Review?from=2024-01-01&to=2026-03-01"));
    }

    [Fact]
    public async Task Entries_whose_person_or_case_has_been_deleted_are_shown_without_them_and_protected_people_by_the_placeholder()
    {
        var reader = Unique("Läsare Gallrat");
        var gone = await LogAsync(reader, Stockholm(2026, 3, 4, 10), person: 987_654, caseId: 987_654);
        var caseId = await CaseSteps.ReferAsync(app, "skarpnack", "2026-03-02", "Hemlig", "Skyddad");
        var personId = await app.WithDbAsync(async db =>
        {
            var id = await db.Cases.Where(c => c.Id == caseId).Select(c => c.ParticipantId).SingleAsync();
            await db.Participants.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProtectedIdentity, true));
            return id;
        });
        var hidden = await LogAsync(reader, Stockholm(2026, 3, 4, 11), person: personId, caseId: caseId, protectedIdentity: true);

        var page = await (await ReviewerAsync()).GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}");
        Assert.Contains("Finns inte längre (gallrad)", RowOf(page, gone));
        Assert.Contains("REF-987654", RowOf(page, gone));
        Assert.Contains("Skyddad identitet", RowOf(page, hidden));
        Assert.DoesNotContain("Hemlig", page);
    }

    // ---- Flags -------------------------------------------------------------------------------------------------------

    private async Task<List<long>> FlaggedAsync(HttpClient reviewer, string reader, LogFlag flag, string from = "2026-03-01", string to = "2026-03-10") =>
        Ids(await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&flag={flag}&from={from}&to={to}"));

    [Fact]
    public async Task Reads_of_protected_identities_and_outside_ones_caseload_are_flagged_as_logged()
    {
        var reader = Unique("Läsare Flagga");
        var protectedRead = await LogAsync(reader, Stockholm(2026, 3, 3, 10), person: 11, protectedIdentity: true);
        var outside = await LogAsync(reader, Stockholm(2026, 3, 3, 11), person: 12, outsideCaseload: true, reason: "Vikarierar för kollega");
        var plain = await LogAsync(reader, Stockholm(2026, 3, 3, 12), person: 13);

        var reviewer = await ReviewerAsync();
        Assert.Equal([protectedRead], await FlaggedAsync(reviewer, reader, LogFlag.ProtectedIdentity));
        Assert.Equal([outside], await FlaggedAsync(reviewer, reader, LogFlag.OutsideCaseload));
        var all = await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&from=2026-03-01");
        Assert.Contains("data-flag=\"ProtectedIdentity\">Skyddad identitet", RowOf(all, protectedRead));
        Assert.Contains("data-flag=\"OutsideCaseload\">Utanför egna ärenden", RowOf(all, outside));
        Assert.Contains("Vikarierar för kollega", RowOf(all, outside));
        Assert.DoesNotContain("data-flag", RowOf(all, plain));
    }

    [Fact]
    public async Task A_job_centre_staff_member_reading_another_centres_case_is_flagged_but_not_one_of_their_own_centre()
    {
        var caseId = await CaseSteps.ReferAsync(app, "skarpnack", "2026-03-02", "Centrum", "Flagga");
        var (caseCentre, caseCentreCode) = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId)
            .Select(c => new ValueTuple<int, string>(c.JobCentreId, c.JobCentre.Code)).SingleAsync());
        var otherCode = await app.WithDbAsync(db => db.JobCentres
            .Where(j => j.Id != caseCentre && j.ParentId != caseCentre && !db.JobCentres.Any(p => p.Id == caseCentre && p.ParentId == j.Id))
            .Select(j => j.Code).FirstAsync());
        var own = await app.CreateUserAsync(Roles.Coach, centre: caseCentreCode, name: Unique("Egen Coach"));
        var stranger = await app.CreateUserAsync(Roles.Coach, centre: otherCode, name: Unique("Annan Coach"));
        var analyst = await app.CreateUserAsync(Roles.Administrator, name: Unique("Utan Centrum"));
        var ownRead = await LogAsync(own.DisplayName, Stockholm(2026, 3, 4, 10), person: 21, userId: own.Id, caseId: caseId);
        var strangerRead = await LogAsync(stranger.DisplayName, Stockholm(2026, 3, 4, 10), person: 21, userId: stranger.Id, caseId: caseId);
        var noCentre = await LogAsync(analyst.DisplayName, Stockholm(2026, 3, 4, 10), person: 21, userId: analyst.Id, caseId: caseId);

        var reviewer = await ReviewerAsync();
        Assert.Equal([strangerRead], await FlaggedAsync(reviewer, stranger.DisplayName, LogFlag.OutsideCentre));
        Assert.Empty(await FlaggedAsync(reviewer, own.DisplayName, LogFlag.OutsideCentre));
        Assert.Empty(await FlaggedAsync(reviewer, analyst.DisplayName, LogFlag.OutsideCentre));
        var all = await reviewer.GetStringAsync($"/AccessLog/Review?from=2026-03-04&to=2026-03-04&reader={stranger.Id}");
        Assert.Contains("Utanför eget jobbtorg", RowOf(all, strangerRead));
        Assert.DoesNotContain("data-flag", RowOf(await reviewer.GetStringAsync($"/AccessLog/Review?from=2026-03-04&to=2026-03-04&reader={own.Id}"), ownRead));
        Assert.NotEqual(0, noCentre);
    }

    [Fact]
    public async Task More_than_20_people_within_10_minutes_by_one_reader_is_flagged_but_20_or_the_same_spread_out_is_not()
    {
        var burst = Unique("Läsare Många");
        var twenty = Unique("Läsare Tjugo");
        var slow = Unique("Läsare Långsam");
        var start = Stockholm(2026, 3, 5, 13);
        var burstIds = await LogManyAsync(Enumerable.Range(0, 21).Select(i => Entry(burst, start.AddSeconds(i * 25), person: 1000 + i)));
        var beforeBurst = await LogAsync(burst, start.AddMinutes(-30), person: 999);
        // Twenty people in ten minutes, reading some of them twice: not more than twenty.
        await LogManyAsync(Enumerable.Range(0, 30).Select(i => Entry(twenty, start.AddSeconds(i * 15), person: 2000 + i % 20)));
        // Twenty-one people over half an hour: no ten minutes hold more than seven.
        await LogManyAsync(Enumerable.Range(0, 21).Select(i => Entry(slow, start.AddSeconds(i * 90), person: 3000 + i)));

        var reviewer = await ReviewerAsync();
        var flagged = await FlaggedAsync(reviewer, burst, LogFlag.ManyPeople);
        Assert.Equal(burstIds.OrderDescending(), flagged);
        Assert.DoesNotContain(beforeBurst, flagged);
        Assert.Empty(await FlaggedAsync(reviewer, twenty, LogFlag.ManyPeople));
        Assert.Empty(await FlaggedAsync(reviewer, slow, LogFlag.ManyPeople));
        var all = await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(burst)}&from=2026-03-05&to=2026-03-05");
        Assert.Contains("Många personer på kort tid", RowOf(all, burstIds[0]));
        Assert.DoesNotContain("data-flag", RowOf(all, beforeBurst));
    }

    [Fact]
    public async Task Reads_before_7_from_18_on_weekends_and_on_public_holidays_are_out_of_office_hours()
    {
        var reader = Unique("Läsare Kväll");
        var early = await LogAsync(reader, Stockholm(2026, 3, 3, 6, 59));
        var opening = await LogAsync(reader, Stockholm(2026, 3, 3, 7, 0));
        var lastMinute = await LogAsync(reader, Stockholm(2026, 3, 3, 17, 59));
        var closing = await LogAsync(reader, Stockholm(2026, 3, 3, 18, 0));
        var saturday = await LogAsync(reader, Stockholm(2026, 3, 7, 11));
        var epiphany = await LogAsync(reader, Stockholm(2026, 1, 6, 11));     // trettondedag jul, a Tuesday
        var workingDay = await LogAsync(reader, Stockholm(2026, 1, 7, 11));
        // Summer time: 07:30 in June is 05:30 UTC.
        var summer = await LogAsync(reader, Stockholm(2025, 6, 10, 7, 30));

        var reviewer = await ReviewerAsync();
        Assert.Equal([saturday, closing, early], await FlaggedAsync(reviewer, reader, LogFlag.OutOfHours));
        Assert.Equal([epiphany], await FlaggedAsync(reviewer, reader, LogFlag.OutOfHours, "2026-01-01", "2026-01-31"));
        Assert.Empty(await FlaggedAsync(reviewer, reader, LogFlag.OutOfHours, "2025-06-01", "2025-06-30"));
        var all = await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&from=2026-03-01");
        Assert.Contains("Utanför kontorstid", RowOf(all, early));
        foreach (var inHours in new[] { opening, lastMinute })
            Assert.DoesNotContain("data-flag", RowOf(all, inHours));
        Assert.DoesNotContain("data-flag", RowOf(await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&from=2026-01-01&to=2026-01-31"), workingDay));
        Assert.Contains("2025-06-10 07:30", await reviewer.GetStringAsync($"/AccessLog/Review?who={Uri.EscapeDataString(reader)}&from=2025-06-01&to=2025-06-30"));
        Assert.NotEqual(0, summer);
    }

    // ---- The monthly sample and its review -----------------------------------------------------------------------------

    [Fact]
    public async Task A_months_sample_is_drawn_the_same_every_time_holds_every_flagged_entry_and_ignores_other_months()
    {
        // January 2025: 300 reads in office hours, five of them of protected identities.
        var reader = Unique("Läsare Urval");
        var ids = await LogManyAsync(Enumerable.Range(0, 300).Select(i =>
            Entry(reader, Stockholm(2025, 1, 13 + i % 5, 9, i % 60), person: 5000 + i, protectedIdentity: i % 60 == 7)));
        var flagged = ids.Where((_, i) => i % 60 == 7).ToList();

        var reviewer = await ReviewerAsync();
        var first = await reviewer.GetStringAsync("/AccessLog/Review/Month/2025-01");
        var sample = Ids(first);
        Assert.Contains("Månaden har 300 poster, varav 5 flaggade.", first);
        Assert.Equal(sample.Count, sample.Distinct().Count());

        // Later entries of another month change nothing; neither does asking again.
        await LogManyAsync(Enumerable.Range(0, 40).Select(i => Entry(reader, Stockholm(2025, 2, 3, 10, i), person: 6000 + i)));
        Assert.Equal(sample.Order(), Ids(await reviewer.GetStringAsync("/AccessLog/Review/Month/2025-01")).Order());

        // The draw is the month's alone: the 50 lowest ranks under the month's seed, whatever order the entries come in,
        // and every flagged entry besides.
        var seed = MonthlySample.SeedOf(new DateOnly(2025, 1, 1));
        var drawn = ids.OrderBy(id => MonthlySample.Rank(seed, id)).ThenBy(id => id).Take(50).ToHashSet();
        Assert.Equal(drawn.Union(flagged).Order(), sample.Order());
        Assert.NotEqual(seed, MonthlySample.SeedOf(new DateOnly(2025, 2, 1)));
    }

    [Fact]
    public async Task A_month_is_marked_reviewed_once_with_a_note_and_a_second_attempt_is_told_who_did_it()
    {
        await LogAsync(Unique("Läsare Granskning"), Stockholm(2025, 3, 11, 10), person: 77);
        var first = await app.CreateUserAsync(Roles.LogReviewer, name: "Greta Granskare");
        var firstClient = await app.SignInAsync(first);
        var second = await app.SignInAsNewAsync(Roles.Administrator);
        // The second reviewer has the form open before the first marks the month.
        var secondToken = await second.AntiforgeryTokenAsync("/AccessLog/Review/Month/2025-03");

        var empty = await firstClient.SubmitFormAsync("/AccessLog/Review/Month/2025-03", new() { ["Note"] = "   " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Skriv en anteckning om vad granskningen kom fram till.", await empty.Content.ReadAsStringAsync());
        var tooLong = await firstClient.SubmitFormAsync("/AccessLog/Review/Month/2025-03", new() { ["Note"] = new string('x', 2001) });
        Assert.Contains("Anteckningen får vara högst 2000 tecken.", await tooLong.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<AccessLogReview>().AnyAsync(r => r.Month == new DateOnly(2025, 3, 1))));

        var marked = await firstClient.SubmitFormAsync("/AccessLog/Review/Month/2025-03", new() { ["Note"] = "Urvalet genomgånget, inget att anmärka på." });
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var months = await firstClient.GetStringAsync("/AccessLog/Review/Months");
        Assert.Contains("Granskad av Greta Granskare den 2026-03-10", CaseSteps.Between(months, "data-month=\"2025-03\"", "</tr>"));
        Assert.Contains("Inte granskad", CaseSteps.Between(months, "data-month=\"2026-02\"", "</tr>"));
        Assert.Contains("Pågående månad", CaseSteps.Between(months, "data-month=\"2026-03\"", "</tr>"));

        var again = await second.PostAsync("/AccessLog/Review/Month/2025-03", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Note"] = "Min granskning.", ["__RequestVerificationToken"] = secondToken,
        }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Månaden är redan granskad av Greta Granskare den 2026-03-10 10:00.", await again.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(db => db.Set<AccessLogReview>().Where(r => r.Month == new DateOnly(2025, 3, 1)).ToListAsync());
        var review = Assert.Single(stored);
        Assert.Equal("Urvalet genomgånget, inget att anmärka på.", review.Note);
        Assert.Equal(1, review.EntriesInMonth);
        Assert.Equal(first.Id, review.ReviewedById);

        // The running month is reviewed when it is over.
        var running = await firstClient.GetStringAsync("/AccessLog/Review/Month/2026-03");
        Assert.DoesNotContain("data-testid=\"mark-reviewed\"", running);
        Assert.Contains("Månaden är inte slut än; granska den när den är över.", running);
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/AccessLog/Review/Month/2026-04")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/AccessLog/Review/Month/2026-13")).StatusCode);
    }

    // ---- Who may ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Log_reviewers_and_administrators_review_the_log_and_nobody_else_does()
    {
        var pages = new[] { "/AccessLog/Review", "/AccessLog/Review/Months", "/AccessLog/Review/Month/2026-02" };
        foreach (var role in new[] { Roles.LogReviewer, Roles.Administrator })
        {
            var client = await app.SignInAsNewAsync(role);
            foreach (var page in pages)
                Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.OK, $"{role} {page}");
        }
        var others = new (string Role, string? Centre, string? District)[]
        {
            (Roles.Coach, "farsta", null), (Roles.Matcher, "farsta", null), (Roles.Manager, "farsta", null), (Roles.Manager, null, null),
            (Roles.CaseWorker, null, "enskede-arsta-vantor"), (Roles.Analyst, null, null), (Roles.Provider, null, null),
        };
        foreach (var (role, centre, district) in others)
        {
            var client = await app.SignInAsNewAsync(role, centre, district);
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(page);
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                              || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"));
                Assert.True(refused, $"{role} {page}: {(int)response.StatusCode}");
            }
            Assert.DoesNotContain("href=\"/AccessLog/Review\"", await client.GetStringAsync(role == Roles.Provider ? "/Attendance" : "/"));
            var mark = await client.PostAsync("/AccessLog/Review/Month/2025-04", new FormUrlEncodedContent(new Dictionary<string, string> { ["Note"] = "Nej." }));
            Assert.DoesNotContain("/AccessLog/Review/Month", mark.Headers.Location?.OriginalString ?? "");
        }
        Assert.False(await app.WithDbAsync(db => db.Set<AccessLogReview>().AnyAsync(r => r.Month == new DateOnly(2025, 4, 1))));
        Assert.Equal(HttpStatusCode.Redirect, (await app.AnonymousClient().GetAsync("/AccessLog/Review")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_makes_someone_a_log_reviewer_bound_to_no_centre_or_district()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var form = await admin.GetStringAsync("/Staff/New");
        Assert.Contains($"<option value=\"{Roles.LogReviewer}\">Logggranskare</option>", form);
        Assert.Contains("Analytiker, logggranskare och administratörer är inte knutna till något", form);

        var email = $"granskare.{Guid.NewGuid():N}"[..20] + "@stad.se";
        var created = await admin.SubmitFormAsync("/Staff/New", new() { ["Email"] = email, ["DisplayName"] = "Lars Loggsson", ["Input.Role"] = Roles.LogReviewer });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email))
            .Select(r => db.Roles.Where(x => x.Id == r.RoleId).Select(x => x.Name).Single()).ToListAsync());
        Assert.Equal([Roles.LogReviewer], roles);

        var bound = await admin.SubmitFormAsync("/Staff/New", new()
        {
            ["Email"] = "bunden." + email, ["DisplayName"] = "Bunden Granskare", ["Input.Role"] = Roles.LogReviewer,
            ["Input.DistrictId"] = (await app.WithDbAsync(db => db.Districts.Select(d => d.Id).FirstAsync())).ToString(),
        });
        // What the role does not use is left out: the reviewer is bound to no district.
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "bunden." + email));
        Assert.Equal((null, null, null), (stored.JobCentreId, stored.DistrictId, stored.ProviderId));
    }

    [Fact]
    public async Task A_log_reviewer_starts_at_the_access_log_and_reads_no_case()
    {
        var caseId = await CaseSteps.ReferAsync(app, "skarpnack", "2026-03-02", "Ingen", "Läsning");
        var reviewer = await ReviewerAsync();
        var start = await reviewer.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/AccessLog/Review", start.Headers.Location!.OriginalString);
        var page = await reviewer.GetStringAsync("/AccessLog/Review");
        Assert.Contains("<a href=\"/AccessLog/Review\" aria-current=\"page\">Åtkomstlogg</a>", page);
        Assert.DoesNotContain("Mitt arbete", page);
        Assert.DoesNotContain("href=\"/Cases\"", page);
        foreach (var url in new[] { $"/Cases/Details/{caseId}", "/Cases", $"/Plans/Edit/{caseId}", $"/Attendance/Case/{caseId}", "/Reports" })
        {
            using var response = await reviewer.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                        || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true, $"{url}: {(int)response.StatusCode}");
        }
        // The access-denied page leads back to the reviewer's own start.
        Assert.Contains("Tillbaka till åtkomstloggen", await reviewer.GetStringAsync("/Account/AccessDenied"));
        // An administrator keeps "My work", and finds the log there with the months still to review.
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var adminStart = await admin.GetStringAsync("/");
        var section = CaseSteps.Between(adminStart, "data-testid=\"log-review-section\"", "</section>");
        Assert.Contains("href=\"/AccessLog/Review\"", section);
        Assert.Matches("\\d+ av de senaste tolv månaderna är inte (granskad|granskade) än\\.", section);
        Assert.Contains("Mitt arbete", adminStart);
        Assert.DoesNotContain("log-review-section", await (await app.SignInAsNewAsync(Roles.Coach, centre: "farsta")).GetStringAsync("/"));
    }
}
