using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.FollowUp;

/// <summary>
/// Follow-up inputs from the districts through the API, all or nothing, and the indicators they feed. The Http
/// collection shares one database, so the indicator checks compare the report before and after the post.
/// </summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class FollowUpApiTests(JobbtorgAppFactory app)
{
    private const string BenefitMonths = "/api/follow-up/benefit-months";
    private const string OccupationStatuses = "/api/follow-up/occupation-status";
    private readonly string prefix = $"F{Guid.NewGuid():N}"[..12] + "-";

    private sealed record Measure(int Numerator, int Denominator, int Unknown);

    private async Task ImportAsync(params IEnumerable<string> lines)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(Stream(lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Measure> IndicatorAsync(string name, string from, string to)
    {
        var json = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync($"/api/reports/indicators?from={from}&to={to}&asOf=2026-03-01");
        var m = JsonDocument.Parse(json).RootElement.GetProperty("total").GetProperty(name);
        return new(m.GetProperty("numerator").GetInt32(), m.GetProperty("denominator").GetInt32(), m.GetProperty("unknown").GetInt32());
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<(int Stored, int Replaced, int Unchanged)> CountsOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await JsonOf(response);
        return (body.GetProperty("stored").GetInt32(), body.GetProperty("replaced").GetInt32(), body.GetProperty("unchanged").GetInt32());
    }

    /// <summary>A benefit recipient whose case was closed to work on the given date.</summary>
    private IEnumerable<string> ClosedToWork(string caseRef, string person, string closed, string district = "enskede-arsta-vantor") =>
    [
        Referral(prefix + caseRef, person, "2024-09-02", district: district), Enrolment(prefix + caseRef, "2024-09-09"),
        PlanAgreed(prefix + caseRef, "2024-09-11"), Closure(prefix + caseRef, closed, "Work"),
    ];

    [Fact]
    public async Task Benefit_months_posted_for_people_closed_to_work_decide_whether_they_are_still_self_supporting_six_months_later()
    {
        var (a, b) = (TestPeople.Adult(new DateOnly(2024, 9, 2)), TestPeople.Adult(new DateOnly(2024, 9, 2)));
        // Closed in March 2025: followed up in September 2025.
        var before = await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30");
        await ImportAsync([.. ClosedToWork("A", a, "2025-03-14"), .. ClosedToWork("B", b, "2025-03-20")]);
        var imported = await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30");
        Assert.Equal(before with { Unknown = before.Unknown + 2 }, imported);

        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var first = await robot.PostAsJsonAsync(BenefitMonths, new object[]
        {
            new { personalNumber = a, month = "2025-09", receivesBenefit = false },
            new { personalNumber = b[..8] + "-" + b[8..], month = "2025-09", receivesBenefit = true },
            new { personalNumber = a, month = "2025-10", receivesBenefit = false },
        });
        Assert.Equal((3, 0, 0), await CountsOf(first));
        Assert.Equal(new Measure(before.Numerator + 1, before.Denominator + 2, before.Unknown),
            await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30"));

        // The district corrects B's September: the stored value is replaced, as the import does.
        var correction = await robot.PostAsJsonAsync(BenefitMonths, new[] { new { personalNumber = b, month = "2025-09", receivesBenefit = false } });
        Assert.Equal((0, 1, 0), await CountsOf(correction));
        Assert.Equal(new Measure(before.Numerator + 2, before.Denominator + 2, before.Unknown),
            await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30"));

        var again = await robot.PostAsJsonAsync(BenefitMonths, new[] { new { personalNumber = b, month = "2025-09", receivesBenefit = false } });
        Assert.Equal((0, 0, 1), await CountsOf(again));
        var stored = await app.WithDbAsync(db => db.BenefitMonths.CountAsync(m => m.Month == new DateOnly(2025, 9, 1)
            && db.Participants.Any(p => p.Id == m.ParticipantId && p.PersonalNumber == b)));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task A_benefit_month_reported_before_the_case_closes_or_by_a_later_import_still_answers_the_follow_up()
    {
        var (c, d) = (TestPeople.Adult(new DateOnly(2024, 9, 2)), TestPeople.Adult(new DateOnly(2024, 9, 2)));
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        await ImportAsync(ClosedToWork("C", c, "2025-03-14").SkipLast(1));
        Assert.Equal((1, 0, 0), await CountsOf(await robot.PostAsJsonAsync(BenefitMonths,
            new[] { new { personalNumber = c, month = "2025-09", receivesBenefit = false } })));
        var before = await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30");

        // Closed afterwards, back-dated to March: September, already reported, answers.
        var caseId = await app.WithDbAsync(db => db.Cases.Where(x => x.CaseRef == prefix + "C").Select(x => x.Id).SingleAsync());
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var closed = await coach.PostAsJsonAsync($"/api/cases/{caseId}/closure", new { date = "2025-03-14", reason = "Work", subReason = "Subsidised" });
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var afterClosure = await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30");
        Assert.Equal(new Measure(before.Numerator + 1, before.Denominator + 1, before.Unknown), afterClosure);

        // A case closed by one import and its month sent in a later one.
        await ImportAsync(ClosedToWork("D", d, "2025-03-20"));
        Assert.Equal(afterClosure with { Unknown = afterClosure.Unknown + 1 }, await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30"));
        await ImportAsync(BenefitMonth(d, "2025-09", true));
        Assert.Equal(afterClosure with { Denominator = afterClosure.Denominator + 1 },
            await IndicatorAsync("stillSelfSupporting6Months", "2025-09-01", "2025-09-30"));
    }

    [Fact]
    public async Task An_occupation_status_posted_three_months_after_a_municipal_job_counts_as_working_or_studying()
    {
        var person = TestPeople.Adult(new DateOnly(2024, 9, 2));
        var caseRef = prefix + "M";
        // The job ends 31 May 2025: followed up on 31 August 2025.
        var before = await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2025-08-01", "2025-08-31");
        await ImportAsync(Referral(caseRef, person, "2024-09-02"), Enrolment(caseRef, "2024-09-09"),
            Placement(caseRef, "MunicipalJob", "2024-12-01", "2025-05-31"));
        Assert.Equal(before with { Unknown = before.Unknown + 1 },
            await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2025-08-01", "2025-08-31"));

        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync(OccupationStatuses, new[]
        {
            new { personalNumber = person, date = "2025-08-29", status = "Studying" },
            new { personalNumber = person, date = "2025-05-02", status = "Working" },
        });

        Assert.Equal((2, 0, 0), await CountsOf(response));
        Assert.Equal(new Measure(before.Numerator + 1, before.Denominator + 1, before.Unknown),
            await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2025-08-01", "2025-08-31"));

        // Neither, reported later for the same date, replaces Studying.
        var correction = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync(OccupationStatuses,
            new[] { new { personalNumber = person, date = "2025-08-29", status = "Neither" } });
        Assert.Equal((0, 1, 0), await CountsOf(correction));
        Assert.Equal(new Measure(before.Numerator, before.Denominator + 1, before.Unknown),
            await IndicatorAsync("workingOrStudying3MonthsAfterMunicipalJob", "2025-08-01", "2025-08-31"));
    }

    [Fact]
    public async Task One_bad_item_stores_nothing_and_every_bad_item_is_named_by_its_index_in_swedish()
    {
        var known = TestPeople.Adult(new DateOnly(2024, 9, 2));
        var unknown = TestPeople.Adult(new DateOnly(2024, 9, 2));
        var wrongCheckDigit = known[..11] + (char)('0' + (known[11] - '0' + 1) % 10);
        await ImportAsync(ClosedToWork("V", known, "2025-03-14"));
        var nextMonth = app.Today.AddMonths(1).ToString("yyyy-MM");

        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        var response = await client.PostAsJsonAsync(BenefitMonths, new object?[]
        {
            new { personalNumber = known, month = "2025-09", receivesBenefit = false },        // [0] good
            new { personalNumber = wrongCheckDigit, month = "2025-09", receivesBenefit = false }, // [1]
            new { personalNumber = unknown, month = "2025-09", receivesBenefit = false },       // [2]
            new { personalNumber = known, month = nextMonth, receivesBenefit = false },         // [3]
            new { personalNumber = known, month = "2025-09", receivesBenefit = true },          // [4] duplicate of [0]
            new { personalNumber = known, month = "2025-13", receivesBenefit = true },          // [5]
            new { personalNumber = known, month = "2025-08" },                                  // [6]
            null,                                                                               // [7]
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonOf(response)).GetProperty("errors");
        string Error(string key) => errors.GetProperty(key)[0].GetString()!;
        Assert.Equal(["[1].personalNumber", "[2].personalNumber", "[3].month", "[4].month", "[5].month", "[6].receivesBenefit", "[7]"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Personnumrets kontrollsiffra stämmer inte; kontrollera att det inte finns något skrivfel.", Error("[1].personalNumber"));
        Assert.Equal("Inget ärende i Jobbtorg har det här personnumret.", Error("[2].personalNumber"));
        Assert.Equal("Månaden kan inte ligga i framtiden.", Error("[3].month"));
        Assert.Equal("Post [0] anger redan personens försörjningsstöd för den här månaden.", Error("[4].month"));
        // Personal numbers are never echoed back.
        Assert.DoesNotContain(unknown, await response.Content.ReadAsStringAsync());

        var stored = await app.WithDbAsync(db => db.BenefitMonths.CountAsync(m => db.Participants.Any(p => p.Id == m.ParticipantId && p.PersonalNumber == known)));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Occupation_statuses_are_checked_for_date_and_status()
    {
        var known = TestPeople.Adult(new DateOnly(2024, 9, 2));
        await ImportAsync(ClosedToWork("O", known, "2025-03-14"));

        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync(OccupationStatuses, new object[]
        {
            new { personalNumber = known, date = app.Today.AddDays(1).ToString("yyyy-MM-dd"), status = "Working" },
            new { personalNumber = known, date = "2025-02-30", status = "Working" },
            new { personalNumber = known, date = "2025-06-01", status = "Employed" },
            new { personalNumber = known, date = "2025-06-02", status = "1" },
            new { date = "2025-06-03", status = "Working" },
            new { personalNumber = known, date = "2025-06-04", status = "Studying" },
            new { personalNumber = known, date = "2025-06-04", status = "Studying" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonOf(response)).GetProperty("errors");
        Assert.Equal(["[0].date", "[1].date", "[2].status", "[3].status", "[4].personalNumber", "[6].date"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("The date cannot be in the future.", errors.GetProperty("[0].date")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.OccupationObservations.CountAsync(o => db.Participants.Any(p => p.Id == o.ParticipantId && p.PersonalNumber == known))));

        var empty = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync(OccupationStatuses, Array.Empty<object>());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task A_districts_key_reports_only_on_people_with_a_case_in_its_district()
    {
        var own = TestPeople.Adult(new DateOnly(2024, 9, 2));
        var other = TestPeople.Adult(new DateOnly(2024, 9, 2));
        await ImportAsync([.. ClosedToWork("D1", own, "2025-03-14"), .. ClosedToWork("D2", other, "2025-03-14", district: "bromma")]);
        var eav = app.ApiClient(JobbtorgAppFactory.EavKey);

        var refused = await eav.PostAsJsonAsync(BenefitMonths, new[]
        {
            new { personalNumber = own, month = "2025-09", receivesBenefit = false },
            new { personalNumber = other, month = "2025-09", receivesBenefit = false },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonOf(refused)).GetProperty("errors");
        Assert.Equal(["[1].personalNumber"], errors.EnumerateObject().Select(e => e.Name).ToArray());
        Assert.Equal("No case in your district has this personal number.", errors.GetProperty("[1].personalNumber")[0].GetString());

        Assert.Equal((1, 0, 0), await CountsOf(await eav.PostAsJsonAsync(BenefitMonths, new[] { new { personalNumber = own, month = "2025-09", receivesBenefit = false } })));
        // The robot, bound to no district, reports on anyone known.
        Assert.Equal((1, 0, 0), await CountsOf(await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsJsonAsync(BenefitMonths, new[] { new { personalNumber = other, month = "2025-09", receivesBenefit = false } })));
    }

    [Fact]
    public async Task Only_keys_with_followup_write_and_signed_in_administrators_may_post()
    {
        var known = TestPeople.Adult(new DateOnly(2024, 9, 2));
        await ImportAsync(ClosedToWork("P", known, "2025-03-14"));
        var body = new[] { new { personalNumber = known, month = "2025-09", receivesBenefit = true } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().PostAsJsonAsync(BenefitMonths, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(JobbtorgAppFactory.NoScopeKey).PostAsJsonAsync(BenefitMonths, body)).StatusCode);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.PostAsJsonAsync(BenefitMonths, body)).StatusCode);

        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Equal((1, 0, 0), await CountsOf(await admin.PostAsJsonAsync(BenefitMonths, body)));
    }

    [Fact]
    public async Task The_endpoints_are_described_in_the_openapi_document()
    {
        var json = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        foreach (var path in new[] { BenefitMonths, OccupationStatuses })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.False(string.IsNullOrWhiteSpace(post.GetProperty("summary").GetString()));
            Assert.Contains("All or nothing", post.GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task A_short_personal_number_is_read_as_written_in_the_month_or_on_the_date_it_reports_on()
    {
        // 98 on 10 January 2024, born in 1925: read as written today, the same ten digits would name a child born in 2025.
        var person = TestPeople.Aged(98, 98, new DateOnly(2024, 1, 10));
        var written = $"{person[2..8]}-{person[8..]}";
        await ImportAsync(Referral(prefix + "OLD", person, "2024-01-10"));
        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);

        Assert.Equal((1, 0, 0), await CountsOf(await client.PostAsJsonAsync(BenefitMonths,
            new[] { new { personalNumber = written, month = "2024-02", receivesBenefit = true } })));
        Assert.Equal((1, 0, 0), await CountsOf(await client.PostAsJsonAsync(OccupationStatuses,
            new[] { new { personalNumber = written, date = "2024-02-15", status = "Neither" } })));
        Assert.True(await app.WithDbAsync(db => db.BenefitMonths.AnyAsync(b => b.ReceivesBenefit && b.Month == new DateOnly(2024, 2, 1)
            && db.Participants.Any(p => p.Id == b.ParticipantId && p.PersonalNumber == person))));
    }
}
