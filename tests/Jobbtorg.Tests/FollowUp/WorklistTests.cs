using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.FollowUp;

/// <summary>
/// The follow-up worklist: what is due is listed for the centre's staff, oldest first; an answer recorded by hand from a
/// call or a letter takes the row off the list and is counted by the indicator; a register value wins over a call. The
/// Http collection shares one database (today 10 March 2026), so counts are compared before and after.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed partial class WorklistTests(JobbtorgAppFactory app)
{
    private const string Worklist = "/FollowUp/Worklist";
    private readonly string prefix = $"W{Guid.NewGuid():N}"[..12] + "-";

    private sealed record Measure(int Numerator, int Denominator, int Unknown);

    private async Task ImportAsync(params IEnumerable<string> lines)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(Stream(lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Measure> IndicatorAsync(string name, string from, string to)
    {
        var json = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync($"/api/reports/indicators?from={from}&to={to}&asOf=2026-03-10");
        var m = JsonDocument.Parse(json).RootElement.GetProperty("total").GetProperty(name);
        return new(m.GetProperty("numerator").GetInt32(), m.GetProperty("denominator").GetInt32(), m.GetProperty("unknown").GetInt32());
    }

    /// <summary>A benefit recipient's case at Farsta, closed to work on the given date.</summary>
    private IEnumerable<string> ClosedToWork(string caseRef, string closed, string centre = "farsta", string? person = null) =>
    [
        Referral(prefix + caseRef, person ?? TestPeople.Adult(new DateOnly(2025, 1, 2)), "2025-01-02"), Enrolment(prefix + caseRef, "2025-01-09", centre),
        Closure(prefix + caseRef, closed, "Work", "Unsubsidised"),
    ];

    private Task<int> CaseIdAsync(string caseRef) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.CaseRef == prefix + caseRef).Select(c => c.Id).SingleAsync());

    /// <summary>The case ids of the worklist's rows, in the order shown.</summary>
    private static List<int> RowsOf(string html) => [.. RowPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value))];

    [GeneratedRegex("<tr data-kind=\"\\w+\" data-case=\"(\\d+)\">")]
    private static partial Regex RowPattern();

    private static Dictionary<string, string> Benefit(string receives, string source, string informedOn) => new()
    {
        ["Benefit.ReceivesBenefit"] = receives, ["Benefit.Source"] = source, ["Benefit.InformedOn"] = informedOn,
    };

    [Fact]
    public async Task Due_benefit_checks_are_listed_oldest_first_and_a_call_recorded_leaves_the_list_and_counts_in_the_indicator()
    {
        // Closed 20 July 2025: January 2026 is asked about (overdue); 15 September: March (due); 1 October: April (not yet).
        await ImportAsync([.. ClosedToWork("OLD", "2025-07-20"), .. ClosedToWork("DUE", "2025-09-15"), .. ClosedToWork("LATER", "2025-10-01")]);
        var (old, due, later) = (await CaseIdAsync("OLD"), await CaseIdAsync("DUE"), await CaseIdAsync("LATER"));
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

        var rows = RowsOf(await coach.GetStringAsync(Worklist));
        Assert.Contains(old, rows);
        Assert.Contains(due, rows);
        Assert.DoesNotContain(later, rows);
        Assert.True(rows.IndexOf(old) < rows.IndexOf(due), "the oldest question first");
        Assert.DoesNotContain(old, RowsOf(await coach.GetStringAsync($"{Worklist}?kind=MunicipalJob")));

        var before = await IndicatorAsync("stillSelfSupporting6Months", "2026-01-01", "2026-01-31");
        var record = $"/FollowUp/Record/{old}";

        // Nothing given: every field is named, nothing is stored.
        var empty = await coach.SubmitFormAsync(record, new() { ["Benefit.InformedOn"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Ange om personen fick ekonomiskt bistånd under månaden.", errors);
        Assert.Contains("Välj varifrån svaret kommer: ett samtal, ett brev eller ett register.", errors);
        Assert.Contains("Ange datum för samtalet eller brevet, eller dagen registret lästes.", errors);
        // A date in the future, or before the month asked about, is refused on the date.
        var early = await coach.SubmitFormAsync(record, Benefit("false", "Call", "2025-12-31"));
        Assert.Contains("Datumet kan inte ligga före månaden som kontrollen gäller (2026-01).", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        var future = await coach.SubmitFormAsync(record, Benefit("false", "Call", "2026-03-11"));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BenefitMonths.AnyAsync(b => db.Cases.Any(c => c.Id == old && c.ParticipantId == b.ParticipantId))));
        Assert.Equal(before, await IndicatorAsync("stillSelfSupporting6Months", "2026-01-01", "2026-01-31"));

        var saved = await coach.SubmitFormAsync(record, Benefit("false", "Call", "2026-03-09"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Worklist, saved.Headers.Location!.OriginalString);
        Assert.DoesNotContain(old, RowsOf(await coach.GetStringAsync(Worklist)));
        Assert.Equal(new Measure(before.Numerator + 1, before.Denominator + 1, before.Unknown - 1),
            await IndicatorAsync("stillSelfSupporting6Months", "2026-01-01", "2026-01-31"));
        var stored = await app.WithDbAsync(db => db.BenefitMonths.AsNoTracking().SingleAsync(b => db.Cases.Any(c => c.Id == old && c.ParticipantId == b.ParticipantId)));
        Assert.Equal((new DateOnly(2026, 1, 1), false, FollowUpSource.Call, new DateOnly(2026, 3, 9)), (stored.Month, stored.ReceivesBenefit, stored.Source, stored.InformedOn));
        Assert.False(string.IsNullOrEmpty(stored.RecordedBy));
        Assert.NotNull(stored.RecordedAt);
    }

    [Fact]
    public async Task A_register_value_replaces_a_call_and_a_later_call_does_not_replace_the_register()
    {
        var person = TestPeople.Adult(new DateOnly(2025, 1, 2));
        await ImportAsync(ClosedToWork("REG", "2025-08-05", person: person)); // February 2026
        var id = await CaseIdAsync("REG");
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var before = await IndicatorAsync("stillSelfSupporting6Months", "2026-02-01", "2026-02-28");

        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/FollowUp/Record/{id}", Benefit("false", "Call", "2026-03-02"))).StatusCode);
        Assert.Equal(new Measure(before.Numerator + 1, before.Denominator + 1, before.Unknown - 1),
            await IndicatorAsync("stillSelfSupporting6Months", "2026-02-01", "2026-02-28"));

        // The district's register says the person did receive assistance in February: it replaces the call.
        var register = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/follow-up/benefit-months",
            new[] { new { personalNumber = person, month = "2026-02", receivesBenefit = true } });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(new Measure(before.Numerator, before.Denominator + 1, before.Unknown - 1),
            await IndicatorAsync("stillSelfSupporting6Months", "2026-02-01", "2026-02-28"));
        var month = await app.WithDbAsync(db => db.BenefitMonths.AsNoTracking().SingleAsync(b => db.Cases.Any(c => c.Id == id && c.ParticipantId == b.ParticipantId)));
        Assert.Equal((true, FollowUpSource.Register, (string?)null), (month.ReceivesBenefit, month.Source, month.RecordedBy));

        // A later call does not override the register; the form says so on the source.
        var call = await coach.SubmitFormAsync($"/FollowUp/Record/{id}", Benefit("false", "Letter", "2026-03-10"));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Contains("Registret anger redan uppgiften för den här månaden", WebUtility.HtmlDecode(await call.Content.ReadAsStringAsync()));
        Assert.Equal(new Measure(before.Numerator, before.Denominator + 1, before.Unknown - 1),
            await IndicatorAsync("stillSelfSupporting6Months", "2026-02-01", "2026-02-28"));

        // A case-event import is a register too: its correction keeps the source Register.
        await ImportAsync(BenefitMonth(person, "2026-02", false));
        var corrected = await app.WithDbAsync(db => db.BenefitMonths.AsNoTracking().SingleAsync(b => db.Cases.Any(c => c.Id == id && c.ParticipantId == b.ParticipantId)));
        Assert.Equal((false, FollowUpSource.Register), (corrected.ReceivesBenefit, corrected.Source));
    }

    [Fact]
    public async Task A_municipal_job_three_months_after_its_end_is_listed_and_a_letter_dated_in_the_window_counts_as_working()
    {
        var caseRef = prefix + "JOB";
        // Ended 5 December 2025: asked on 5 March 2026.
        await ImportAsync(Referral(caseRef, TestPeople.Adult(new DateOnly(2025, 1, 2)), "2025-01-02"), Enrolment(caseRef, "2025-01-09"),
            Placement(caseRef, "MunicipalJob", "2025-06-02", "2025-12-05"));
        var id = await CaseIdAsync("JOB");
        var job = await app.WithDbAsync(db => db.Placements.Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        Assert.Contains(id, RowsOf(await manager.GetStringAsync($"{Worklist}?kind=MunicipalJob")));
        Assert.DoesNotContain(id, RowsOf(await manager.GetStringAsync($"{Worklist}?kind=BenefitCheck")));
        var before = await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2026-03-01", "2026-03-31");

        var record = $"/FollowUp/Record/{id}?job={job}";
        var outside = await manager.SubmitFormAsync(record, new()
        {
            ["Occupation.Status"] = "Working", ["Occupation.Source"] = "Letter", ["Occupation.Date"] = "2026-01-31",
        });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("Datumet måste ligga från 2026-02-02 till 2026-04-05", WebUtility.HtmlDecode(await outside.Content.ReadAsStringAsync()));
        var badStatus = await manager.SubmitFormAsync(record, new()
        {
            ["Occupation.Status"] = "Retired", ["Occupation.Source"] = "Letter", ["Occupation.Date"] = "2026-03-02",
        });
        Assert.Equal(HttpStatusCode.OK, badStatus.StatusCode);
        Assert.Equal(before, await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2026-03-01", "2026-03-31"));

        var saved = await manager.SubmitFormAsync(record, new()
        {
            ["Occupation.Status"] = "Working", ["Occupation.Source"] = "Letter", ["Occupation.Date"] = "2026-03-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain(id, RowsOf(await manager.GetStringAsync(Worklist)));
        Assert.Equal(new Measure(before.Numerator + 1, before.Denominator + 1, before.Unknown - 1),
            await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2026-03-01", "2026-03-31"));
        var observation = await app.WithDbAsync(db => db.OccupationObservations.AsNoTracking()
            .SingleAsync(o => db.Cases.Any(c => c.Id == id && c.ParticipantId == o.ParticipantId)));
        Assert.Equal((Features.FollowUp.OccupationStatus.Working, FollowUpSource.Letter), (observation.Status, observation.Source));
    }

    [GeneratedRegex("data-testid=\"worklist-counts\">(\\d+) uppföljning")]
    private static partial Regex WorklistTotal();

    [GeneratedRegex("data-testid=\"follow-ups-due\">.*?<a href=\"/FollowUp/Worklist\">([^<]*)</a>", RegexOptions.Singleline)]
    private static partial Regex StartPageCount();

    [Fact]
    public async Task The_start_page_counts_the_due_follow_ups_up_to_a_hundred_and_beyond_says_more_than_a_hundred()
    {
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        // The collection's database is shared: what is due at Farsta already is read from the worklist, which counts all.
        var before = int.Parse(WorklistTotal().Match(await coach.GetStringAsync(Worklist)).Groups[1].Value);
        var shown = StartPageCount().Match(await coach.GetStringAsync("/")).Groups[1].Value;
        Assert.Equal(before > FollowUpWorklist.CountedOnStartPage ? "Fler än 100 uppföljningar ska göras." : $"{before} uppföljning{(before == 1 ? "" : "ar")} ska göras.", shown);

        // 101 more benefit checks due (closed to work in July 2025: January 2026 is asked about).
        await ImportAsync(Enumerable.Range(0, 101).SelectMany(i => ClosedToWork($"MANY{i}", "2025-07-20")));

        Assert.Equal(before + 101, int.Parse(WorklistTotal().Match(await coach.GetStringAsync(Worklist)).Groups[1].Value));
        Assert.Equal("Fler än 100 uppföljningar ska göras.", StartPageCount().Match(await coach.GetStringAsync("/")).Groups[1].Value);
    }

    [Fact]
    public async Task Only_the_centres_staff_work_the_list_and_the_start_page_counts_what_is_due_for_them()
    {
        await ImportAsync([.. ClosedToWork("FARSTA", "2025-09-10"), .. ClosedToWork("KISTA", "2025-09-10", centre: "kista")]);
        var (farsta, kista) = (await CaseIdAsync("FARSTA"), await CaseIdAsync("KISTA"));
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

        var rows = RowsOf(await coach.GetStringAsync(Worklist));
        Assert.Contains(farsta, rows);
        Assert.DoesNotContain(kista, rows);
        // A case of another centre is not found at all, and nothing is stored.
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/FollowUp/Record/{kista}")).StatusCode);
        var start = await coach.GetStringAsync("/");
        Assert.Contains("data-testid=\"follow-ups-due\"", start);
        Assert.Contains("Uppföljningar att göra", start);

        // The district's case worker sees the case but does not work the follow-up.
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor");
        var refused = await caseWorker.GetAsync(Worklist);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true,
            refused.StatusCode.ToString());
        Assert.DoesNotContain("data-testid=\"follow-ups-due\"", await caseWorker.GetStringAsync("/"));
        var fields = Benefit("false", "Call", "2026-03-09");
        fields["__RequestVerificationToken"] = await caseWorker.AntiforgeryTokenAsync("/Account/Logout");
        var posted = await caseWorker.PostAsync($"/FollowUp/Record/{farsta}", new FormUrlEncodedContent(fields));
        Assert.True(posted.StatusCode == HttpStatusCode.Forbidden || posted.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true,
            posted.StatusCode.ToString());
        Assert.False(await app.WithDbAsync(db => db.BenefitMonths.AnyAsync(b => db.Cases.Any(c => c.Id == farsta && c.ParticipantId == b.ParticipantId))));
    }

    [Fact]
    public async Task A_person_with_protected_identity_is_shown_on_the_worklist_by_the_placeholder_to_staff_who_are_not_their_coach()
    {
        await ImportAsync(ClosedToWork("HIDDEN", "2025-09-12"));
        var id = await CaseIdAsync("HIDDEN");
        await app.WithDbAsync(db => db.Participants.Where(p => db.Cases.Any(c => c.Id == id && c.ParticipantId == p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstName, "Hemlig").SetProperty(p => p.LastName, "Personsson").SetProperty(p => p.ProtectedIdentity, true)));
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");

        var html = await manager.GetStringAsync(Worklist);
        var row = Regex.Match(html, $"<tr data-kind=\"BenefitCheck\" data-case=\"{id}\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success);
        Assert.Contains("Skyddad identitet", row.Value);
        Assert.DoesNotContain("Hemlig", html);
        var page = await manager.GetStringAsync($"/FollowUp/Record/{id}");
        Assert.Contains("Skyddad identitet", page);
        Assert.DoesNotContain("Hemlig", page);

        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Contains("Hemlig Personsson", await admin.GetStringAsync(Worklist + "?kind=BenefitCheck"));
    }
}
