using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// A bounded, deterministic fuzz of every input: every API endpoint that takes a body, a query string or a text route
/// value (found in the app's EndpointDataSource, so a new endpoint cannot be left out) and every page handler (found by
/// loading each page, so a new form cannot be left out) gets, field by field, dates out of range, dates that do not
/// exist and malformed ones, enumerations as numbers, unknown names and combinations, text over every length limit,
/// NUL characters, bytes that are not UTF-8 and lone surrogates, and values of the wrong JSON kind; each on a request
/// that is otherwise valid. Nothing may answer 500, a refused API write must be a 4xx, and the database must hold
/// exactly what it held before. Everything runs as an administrator, so authorization hides nothing. Names of
/// enumerations in another letter case are not bad input: they are read as the names.
/// </summary>
[Trait("Category", "Http")]
public sealed partial class InputFuzzTests(JobbtorgAppFactory app, ITestOutputHelper output) : IClassFixture<JobbtorgAppFactory>
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta
    private const string InvalidUtf8 = "\u2983FF\u2984";   // replaced by the bytes FF FE once the body is encoded
    private static readonly string TooLong = new('x', 100_001);

    // ---- Bad values -------------------------------------------------------------------------------------------------

    private static readonly string[] BadJsonDates =
        ["\"0001-01-01\"", "\"9999-12-31\"", "\"1899-12-31\"", "\"2100-01-01\"", "\"2023-02-29\"", "\"2026-13-01\"", "\"2026-3-1\"", "\"01/03/2026\"", "\"yesterday\"", "\"\"", "20260301"];
    private static readonly string[] BadJsonTexts =
        ["\"a\\u0000b\"", "\"a\\ud800b\"", "\"b\\udc00\"", $"\"a{InvalidUtf8}b\"", $"\"{TooLong}\"", "{}", "[]", "5", "true"];
    private static readonly string[] BadJsonDateTexts = // dates and months sent as text
        ["\"0001-01-01\"", "\"9999-12-31\"", "\"2023-02-29\"", "\"2026-13-01\"", "\"0001-01\"", "\"9999-12\"", "\"2026-13\"", "\"yesterday\""];
    // A number written as text ("5") is read as the number, as the web defaults of System.Text.Json do: not bad input.
    private static readonly string[] BadJsonWholeNumbers = ["\"5x\"", "2147483648", "-2147483649", "1.5", "true", "{}", "[]", "\"a\\u0000\""];
    private static readonly string[] BadJsonBooleans = ["\"true\"", "1", "0", "\"yes\"", "{}", "null"];
    private static readonly string[] BadJsonTimes = ["\"25:00\"", "\"9.30\"", "\"\"", "930", "\"09:30\\u0000\"", "{}"];

    private static IEnumerable<string> BadJsonNames(Type enumType)
    {
        var names = Enum.GetNames(enumType);
        return ["0", "1", "7", "-1", "\"1\"", "\"7\"", "\"Gone\"", $"\"{names[0]}, {names[^1]}\"", $"\"{names[0]},{names[^1]}\"", "\"\"", "true", "{}"];
    }

    private static IEnumerable<string> BadJson(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly)) return BadJsonDates;
        if (t == typeof(TimeOnly)) return BadJsonTimes;
        if (t.IsEnum) return BadJsonNames(t);
        if (t == typeof(bool)) return Nullable.GetUnderlyingType(type) is null ? BadJsonBooleans : BadJsonBooleans.Where(b => b != "null");
        if (t == typeof(int) || t == typeof(long)) return BadJsonWholeNumbers;
        if (t == typeof(string)) return name is "month" or "date" ? [.. BadJsonTexts, .. BadJsonDateTexts] : BadJsonTexts;
        // Answers by question key: not an object, bad keys, and every bad text as a value.
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) && t.GetGenericArguments()[0] == typeof(string))
            return ["[]", "\"x\"", "1", "null", "{\"\":\"1\"}", "{\"hours_available\":1}", "{\"hours_available\":{}}", $"{{\"{new string('k', 300)}\":\"1\"}}",
                "{\"a\\u0000b\":\"1\"}", .. BadJsonTexts.Select(v => $"{{\"hours_available\":{v}}}")];
        throw new InvalidOperationException($"No bad JSON values for {type.Name} {name}.");
    }

    /// <summary>Bad values for a query string, a route or a form field, URL-encoded as sent.</summary>
    private static IEnumerable<string> BadText(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        string[] texts = ["a%00b", "%00", "a%FF%FEb", "a%ED%A0%80b", TooLong];
        string[] dates = ["0001-01-01", "9999-12-31", "1899-12-31", "2100-01-01", "2023-02-29", "2026-13-01", "igår", "2026-3-1"];
        if (t == typeof(DateOnly)) return [.. dates, "2026-03-10%00"];
        if (t == typeof(TimeOnly)) return ["25:00", "abc", "09:30%00", "9.30"];
        if (t == typeof(Guid)) return ["abc", "%00", $"{Guid.Empty}%00"];
        if (t.IsEnum)
        {
            var names = Enum.GetNames(t);
            return ["0", "1", "7", "-1", "Gone", $"{names[0]},{names[^1]}", "%00", $"{names[0]}%00"];
        }
        if (t == typeof(bool)) return ["maybe", "2", "%00", "true%00"];
        if (t == typeof(int)) return ["abc", "2147483648", "-1", "1.5", "%00", "1%00"];
        // A long (an amount in kronor) holds 2147483648; what does not fit a long is bad, and so is more than the rules allow.
        if (t == typeof(long)) return ["abc", "9223372036854775808", "-1", "1.5", "%00", "1%00", "10000000001"];
        if (t == typeof(decimal)) return ["abc", "1e400", "-1", "41", "%00", "20%00"];
        if (t != typeof(string)) throw new InvalidOperationException($"No bad values for {type.Name} {name}.");
        // Text that is read as a date, a kind or a number is also given what does not parse or lies out of range.
        return name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant() switch
        {
            "from" or "to" or "asof" or "date" or "month" => [.. texts, .. dates, "0001-01", "9999-12"],
            "kind" or "status" or "groupby" => [.. texts, "7", "1", "Adult,Youth", "Gone"],
            "placesperweek" => [.. texts, "abc", "-1", "10001", "1.5"],
            "personalnumber" => [.. texts, "abc", "1990" + "01012384", "000000000000"],
            _ => texts,
        };
    }

    // ---- What the fuzz records --------------------------------------------------------------------------------------

    private int tried, apiTried, pageTried;
    private readonly List<string> failures = [];

    private void Record(string what, HttpStatusCode status, bool write)
    {
        tried++;
        if ((int)status >= 500) failures.Add($"{what}: {(int)status}");
        else if (write && (int)status is >= 200 and < 300) failures.Add($"{what}: accepted ({(int)status})");
    }

    /// <summary>Every table's row count and the columns that a write that slipped through would change.</summary>
    private async Task<string> DatabaseStateAsync() => await app.WithDbAsync(async db =>
    {
        var state = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        // The access log records the requests themselves, refused ones aside: it is tested on its own.
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null && t != "AccessLog").Distinct().Order())
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            state.Append(table).Append('=').Append(await count.ExecuteScalarAsync()).Append(';');
        }
        state.AppendJoin(',', await db.Cases.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Version}:{c.Status}:{c.ClosureDate}:{c.EnrolmentDate}").ToListAsync());
        state.AppendJoin(',', await db.Participants.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.FirstName}:{p.LastName}").ToListAsync());
        state.AppendJoin(',', await db.PlanVersions.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Status}:{p.GoalSsykCode}:{p.Summary}:{p.AgreedOn}").ToListAsync());
        state.AppendJoin(',', await db.DistrictQuotas.OrderBy(q => q.Id).Select(q => $"{q.Id}:{q.PlacesPerWeek}").ToListAsync());
        state.AppendJoin(',', await db.InfoMeetings.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.BookedSeats}:{m.CancelledAt}").ToListAsync());
        state.AppendJoin(',', await db.InfoMeetingBookings.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.Status}").ToListAsync());
        state.AppendJoin(',', await db.DistrictMessages.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.ReadAt}:{m.State}").ToListAsync());
        state.AppendJoin(',', await db.AttendanceDays.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Status}:{a.Reason}").ToListAsync());
        state.AppendJoin(',', await db.ThreePartyMeetings.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}").ToListAsync());
        state.AppendJoin(',', await db.FirstAppointments.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Status}:{a.StartsAt}:{a.CoachId}").ToListAsync());
        state.AppendJoin(',', await db.BenefitMonths.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.ReceivesBenefit}:{b.Source}:{b.RecordedAt}").ToListAsync());
        state.AppendJoin(',', await db.OccupationObservations.OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Status}:{o.Source}:{o.RecordedAt}").ToListAsync());
        await db.Database.CloseConnectionAsync();
        return state.ToString();
    });

    private async Task InGroupAsync(string group, Func<Task> fuzz)
    {
        var before = await DatabaseStateAsync();
        await fuzz();
        if (await DatabaseStateAsync() != before) failures.Add($"{group}: the database changed");
    }

    // ---- The world the requests are made in -------------------------------------------------------------------------

    private sealed record World(int Referred, int Working, int Paused, int Meeting, int ThreePartyMeeting, string CoachId, string WorkingPerson,
        int ActivityType, int DraftActivity, string StaffMemberId, string OtherCoachId, int Farsta)
    {
        /// <summary>A draft initial assessment of the working case.</summary>
        public int Assessment { get; init; }
        /// <summary>A case closed to work whose benefit check is due, and its municipal job, whose follow-up is due too.</summary>
        public int FollowedUp { get; init; }
        public int MunicipalJob { get; init; }
        /// <summary>An employer with one contact person and one open vacancy.</summary>
        public int Employer { get; init; }
        public int Contact { get; init; }
        public int Vacancy { get; init; }
        /// <summary>An internship of the working case, not ended.</summary>
        public int Placement { get; init; }
        /// <summary>The working case proposed for the vacancy, under way.</summary>
        public int Proposal { get; init; }
        /// <summary>Two special programmes; the working case is in the first (<see cref="Membership"/>), not the second.</summary>
        public int Programme { get; init; }
        public int OtherProgramme { get; init; }
        public int Membership { get; init; }
    }

    private async Task<World> CreateWorldAsync(HttpClient admin)
    {
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Fuzz");
        var meeting = await admin.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date = app.Today.AddDays(7).ToString("yyyy-MM-dd"), time = "09:30", durationMinutes = 90,
            room = "Sal F", capacity = 30, language = "svenska", weeks = 1,
        });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt32();

        async Task<(int Id, string Person)> ReferAsync(string name)
        {
            var person = TestPeople.Adult(app.Today);
            var response = await admin.PostAsJsonAsync("/api/referrals", new
            {
                personalNumber = person, firstName = name, lastName = "Fuzzsson", district = District, targetGroup = "UnemployedOnBenefit",
                receivesBenefit = true, consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (int.Parse(response.Headers.Location!.OriginalString.Split('/').Last()), person);
        }
        async Task OkAsync(HttpResponseMessage response) => Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var (referred, _) = await ReferAsync("Anvisad");
        var (working, person) = await ReferAsync("Arbetande");
        var (paused, _) = await ReferAsync("Pausad");
        var activityType = await app.WithDbAsync(db => db.ActivityTypes.Where(a => a.Code == "active-job-search").Select(a => a.Id).SingleAsync());
        foreach (var id in new[] { working, paused })
        {
            await OkAsync(await admin.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = Iso(app.Today), ["CoachId"] = coach.Id }));
        }
        await OkAsync(await admin.SubmitFormAsync($"/Cases/Pause/{paused}", new() { ["PauseDate"] = Iso(app.Today), ["Reason"] = "Sickness" }));
        // An agreed plan with daily attendance from today, then a review started: a draft to edit and a day to register.
        var edit = $"/Plans/Edit/{working}";
        await OkAsync(await admin.SubmitFormAsync(edit, new(), $"{edit}?handler=Start"));
        await OkAsync(await admin.SubmitFormAsync(edit, new() { ["Goal"] = "5223", ["Summary"] = "Butik" }, $"{edit}?handler=Goal"));
        await OkAsync(await admin.SubmitFormAsync(edit, new()
        {
            ["Activity.ActivityTypeId"] = activityType.ToString(), ["Activity.StartDate"] = Iso(app.Today), ["Activity.HoursPerWeek"] = "20",
        }, $"{edit}?handler=Add"));
        await OkAsync(await admin.SubmitFormAsync(edit, new() { ["AgreedOn"] = Iso(app.Today), ["ParticipantAgrees"] = "true" }, $"{edit}?handler=Agree"));
        await OkAsync(await admin.SubmitFormAsync(edit, new(), $"{edit}?handler=Start"));
        await OkAsync(await admin.SubmitFormAsync($"/Cases/ThreePartyMeeting/{working}", new()
        {
            ["Input.Date"] = Iso(app.Today.AddDays(1)), ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60", ["Input.Form"] = "Phone", ["Input.Place"] = "Telefon",
        }));
        var threeParty = await app.WithDbAsync(db => db.ThreePartyMeetings.Where(m => m.CaseId == working).Select(m => m.Id).SingleAsync());
        var draftActivity = await app.WithDbAsync(db => db.PlanVersions.Where(p => p.CaseId == working && p.Status == Features.Plans.PlanStatus.Draft)
            .SelectMany(p => p.Activities).Select(a => a.Id).SingleAsync());
        var member = await app.CreateUserAsync(Roles.Matcher, centre: "farsta", name: "Matchare Fuzz");
        var otherCoach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Fuzz Två");
        var farsta = await app.WithDbAsync(db => db.JobCentres.Where(j => j.Code == "farsta").Select(j => j.Id).SingleAsync());
        var assessment = await admin.PostAsJsonAsync($"/api/cases/{working}/assessments", new { instrument = "Initial" });
        Assert.Equal(HttpStatusCode.Created, assessment.StatusCode);
        // Closed to work in September 2025 after a municipal job: both follow-up questions are due in March 2026.
        var imported = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new StringContent(Reports.CaseEvents.Stream(
            Reports.CaseEvents.Referral("FUZZ-FOLLOWUP", TestPeople.Adult(app.Today), "2025-05-02"), Reports.CaseEvents.Enrolment("FUZZ-FOLLOWUP", "2025-05-09"),
            Reports.CaseEvents.Placement("FUZZ-FOLLOWUP", "MunicipalJob", "2025-05-12", "2025-08-29"),
            Reports.CaseEvents.Closure("FUZZ-FOLLOWUP", "2025-09-01", "Work", "Subsidised")), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var followedUp = await app.WithDbAsync(db => db.Cases.Where(c => c.CaseRef == "FUZZ-FOLLOWUP").Select(c => c.Id).SingleAsync());
        var municipalJob = await app.WithDbAsync(db => db.Placements.Where(j => j.CaseId == followedUp).Select(j => j.Id).SingleAsync());
        var employer = await admin.PostAsJsonAsync("/api/employers", new { organisationNumber = "5599002119", name = "Fuzz AB", industry = "G" });
        Assert.Equal(HttpStatusCode.Created, employer.StatusCode);
        var employerId = (await employer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var contact = await admin.PostAsJsonAsync($"/api/employers/{employerId}/contacts", new { name = "Kontakt Fuzz" });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var vacancy = await admin.PostAsJsonAsync("/api/vacancies", new
        {
            employerId, title = "Fuzzare", occupation = "9111", kind = "Internship", places = 1, hoursPerWeek = 20, placeOfWork = "Farsta",
            startDate = Iso(app.Today.AddDays(20)), lastDayToPropose = Iso(app.Today.AddDays(10)),
        });
        Assert.Equal(HttpStatusCode.Created, vacancy.StatusCode);
        var placement = await admin.PostAsJsonAsync($"/api/cases/{working}/placements", new
        {
            kind = "Internship", start = Iso(app.Today), employerName = "Fuzz AB", hoursPerWeek = 20, wageForm = "Unpaid",
        });
        Assert.Equal(HttpStatusCode.OK, placement.StatusCode);
        var vacancyId = (await vacancy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var proposal = await admin.PostAsJsonAsync($"/api/vacancies/{vacancyId}/proposals", new { caseId = working });
        Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);
        var (programme, otherProgramme) = await app.WithDbAsync(async db =>
        {
            var first = Features.Programmes.Programme.Create(new Features.Programmes.ProgrammeRequest { Name = "Fuzzinsats", Kind = Features.Programmes.ProgrammeKind.Youth }, "Fuzz", app.Clock.GetUtcNow());
            var second = Features.Programmes.Programme.Create(new Features.Programmes.ProgrammeRequest { Name = "Fuzzinsats två", Kind = Features.Programmes.ProgrammeKind.Other }, "Fuzz", app.Clock.GetUtcNow());
            db.AddRange(first, second);
            await db.SaveChangesAsync();
            return (first.Id, second.Id);
        });
        var membership = await admin.PostAsJsonAsync($"/api/cases/{working}/programmes", new { programmeId = programme, joinedOn = Iso(app.Today) });
        Assert.Equal(HttpStatusCode.Created, membership.StatusCode);
        return new World(referred, working, paused, meetingId, threeParty, coach.Id, person, activityType, draftActivity, member.Id, otherCoach.Id, farsta)
        {
            Assessment = (await assessment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(),
            FollowedUp = followedUp, MunicipalJob = municipalJob,
            Employer = employerId,
            Contact = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contacts")[0].GetProperty("id").GetInt32(),
            Vacancy = vacancyId,
            Proposal = (await proposal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(),
            Placement = (await placement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(),
            Programme = programme, OtherProgramme = otherProgramme,
            Membership = (await membership.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(),
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    // ---- The API ----------------------------------------------------------------------------------------------------

    /// <summary>A valid request per endpoint that takes input: route values, query string and body. Every endpoint with a
    /// body, a query string or a text route value must be here, with a value for every field.</summary>
    private Dictionary<string, (Dictionary<string, string> Route, Dictionary<string, string> Query, object? Body)> ApiRequests(World w) => new()
    {
        ["POST /api/referrals/"] = ([], [], new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName = "Fuzz", lastName = "Fuzzsson", gender = "F", district = District,
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, hasChildren = false, newlyUnemployed = false, newlyArrived = false,
            text = "Anvisning", consentGiven = true, consentDate = Iso(app.Today), protectedIdentity = false, referralDate = Iso(app.Today),
            districtReferralId = "FUZZ-1",
        }),
        ["GET /api/cases/"] = ([], new() { ["status"] = "Enrolled", ["districtReferralId"] = "FUZZ-1", ["skip"] = "0", ["take"] = "10" }, null),
        ["GET /api/occupations"] = ([], new() { ["q"] = "butik" }, null),
        ["GET /api/working-days/deadline"] = ([], new() { ["from"] = Iso(app.Today), ["workingDays"] = "5" }, null),
        ["GET /api/working-days/holidays"] = ([], new() { ["year"] = "2026" }, null),
        ["GET /api/assessment-instruments/{instrument}/versions/{version:int}"] = (new() { ["instrument"] = "Initial", ["version"] = "1" }, [], null),
        ["POST /api/assessment-instruments/{instrument}/versions"] = (new() { ["instrument"] = "InDepth" }, [], null),
        ["GET /api/research/assessments"] = ([], new() { ["from"] = "2026-01-01", ["to"] = Iso(app.Today), ["format"] = "csv" }, null),
        ["GET /api/reports/indicators"] = ([], new() { ["from"] = "2026-01-01", ["to"] = "2026-03-31", ["asOf"] = Iso(app.Today), ["groupBy"] = "district" }, null),
        ["GET /api/reports/indicators/monthly"] = ([], new() { ["month"] = "2026-03", ["months"] = "12", ["asOf"] = Iso(app.Today), ["groupBy"] = "benefit", ["district"] = "farsta" }, null),
        ["GET /api/reports/indicators/cases"] = ([], new()
        {
            ["from"] = "2026-01-01", ["to"] = "2026-03-31", ["asOf"] = Iso(app.Today), ["groupBy"] = "reportingGroup", ["group"] = "unassigned",
            ["measure"] = "closedBeforeEnrolment",
        }, null),
        ["GET /api/info-meetings/"] = ([], new() { ["jobCentre"] = "farsta", ["kind"] = "Adult", ["from"] = Iso(app.Today), ["to"] = Iso(app.Today.AddDays(30)), ["includeCancelled"] = "false" }, null),
        ["POST /api/info-meetings/"] = ([], [], new
        {
            jobCentre = "farsta", kind = "Adult", date = Iso(app.Today.AddDays(14)), time = "13:00", durationMinutes = 60, room = "Sal G", capacity = 12,
            language = "svenska", weeks = 2,
        }),
        ["GET /api/info-meetings/{id:int}/attendees"] = (new() { ["id"] = w.Meeting.ToString() }, new() { ["includeCancelled"] = "true" }, null),
        ["GET /api/info-meetings/next-free"] = ([], new() { ["district"] = District, ["kind"] = "Adult" }, null),
        ["GET /api/info-meetings/waiting-list"] = ([], new() { ["jobCentre"] = "farsta", ["kind"] = "Adult" }, null),
        ["GET /api/districts/{code}/quotas"] = (new() { ["code"] = District }, [], null),
        ["PUT /api/districts/{code}/quotas/{kind}"] = (new() { ["code"] = District, ["kind"] = "Youth" }, [], new { placesPerWeek = 7 }),
        ["POST /api/cases/{id:int}/info-meeting/"] = (new() { ["id"] = w.Referred.ToString() }, [], new { meetingId = w.Meeting }),
        ["POST /api/cases/{id:int}/info-meeting/attendance"] = (new() { ["id"] = w.Referred.ToString() }, [], new { outcome = "Cancelled" }),
        ["POST /api/cases/{id:int}/enrolment"] = (new() { ["id"] = w.Referred.ToString() }, [], new { date = Iso(app.Today), coachId = w.CoachId }),
        ["POST /api/cases/{id:int}/pause"] = (new() { ["id"] = w.Working.ToString() }, [], new { date = Iso(app.Today), reason = "Other", note = "Paus" }),
        ["POST /api/cases/{id:int}/resume"] = (new() { ["id"] = w.Paused.ToString() }, [], new { date = Iso(app.Today) }),
        ["POST /api/cases/{id:int}/closure"] = (new() { ["id"] = w.Working.ToString() }, [], new { date = Iso(app.Today), reason = "Work", subReason = "Subsidised", note = "Jobb" }),
        ["POST /api/cases/{id:int}/first-appointment/"] = (new() { ["id"] = w.Working.ToString() }, [], new { date = Iso(WorkingDayAfter(app.Today)), time = "10:00", coachId = w.CoachId }),
        ["POST /api/cases/{id:int}/first-appointment/move"] = (new() { ["id"] = w.Working.ToString() }, [], new { date = Iso(WorkingDayAfter(app.Today)), time = "11:00", coachId = w.CoachId }),
        ["POST /api/cases/{id:int}/first-appointment/cancel"] = (new() { ["id"] = w.Working.ToString() }, [], new { reason = "Krock" }),
        ["POST /api/cases/{id:int}/first-appointment/outcome"] = (new() { ["id"] = w.Working.ToString() }, [], new { attended = true }),
        ["PUT /api/cases/{id:int}/consent/"] = (new() { ["id"] = w.Working.ToString() }, [], new { given = false, date = Iso(app.Today) }),
        ["POST /api/cases/{id:int}/assessments/"] = (new() { ["id"] = w.Working.ToString() }, [], new { instrument = "Initial", instrumentVersion = 1 }),
        ["PUT /api/assessments/{id:int}/answers"] = (new() { ["id"] = w.Assessment.ToString() }, [], new
        {
            answers = new Dictionary<string, string> { ["hours_available"] = "20", ["swedish_level"] = "B1" }, version = 0,
        }),
        ["POST /api/assessments/{id:int}/sign"] = (new() { ["id"] = w.Assessment.ToString() }, [], new
        {
            date = Iso(app.Today), availability = "Available", needCategory = "Standard", overrideReason = "Skäl",
        }),
        ["POST /api/cases/{id:int}/placements/"] = (new() { ["id"] = w.Working.ToString() }, [], new
        {
            kind = "SubsidizedEmployment", start = Iso(app.Today), end = Iso(app.Today.AddDays(90)), employerName = "Fuzz AB",
            employerOrganisationNumber = "2120000142", hoursPerWeek = 40, wageForm = "CollectiveAgreement", subsidy = "NewStartJob", matched = true, note = "Fuzz",
        }),
        ["POST /api/placements/{id:int}/end"] = (new() { ["id"] = w.Placement.ToString() }, [], new { end = Iso(app.Today.AddDays(5)) }),
        ["POST /api/cases/{id:int}/programmes/"] = (new() { ["id"] = w.Working.ToString() }, [], new { programmeId = w.OtherProgramme, joinedOn = Iso(app.Today) }),
        ["POST /api/programme-memberships/{id:int}/leave"] = (new() { ["id"] = w.Membership.ToString() }, [], new { leftOn = Iso(app.Today) }),
        ["GET /api/programmes/report"] = ([], new() { ["year"] = "2026", ["tertial"] = "1" }, null),
        ["POST /api/follow-up/benefit-months"] = ([], [], new[] { new { personalNumber = w.WorkingPerson, month = "2026-01", receivesBenefit = false } }),
        ["POST /api/follow-up/occupation-status"] = ([], [], new[] { new { personalNumber = w.WorkingPerson, date = "2026-01-15", status = "Working" } }),
        ["POST /api/import/case-events"] = ([], [], null),
        ["GET /api/access-log"] = ([], new() { ["personalNumber"] = w.WorkingPerson, ["from"] = "2026-03-01", ["to"] = Iso(app.Today) }, null),
        ["GET /api/people/{personalNumber}/register-extract"] = (new() { ["personalNumber"] = w.WorkingPerson }, [], null),
        ["PUT /api/people/{personalNumber}/protected-identity"] = (new() { ["personalNumber"] = w.WorkingPerson }, [], new { @protected = false }),
        ["GET /api/docs/{documentName?}"] = (new() { ["documentName"] = "v1" }, [], null),
        ["GET /api/employers/"] = ([], new() { ["q"] = "fuzz" }, null),
        ["POST /api/employers/"] = ([], [], new
        {
            organisationNumber = "5599002127", unit = "Enhet", name = "Ny Fuzz AB", industry = "C", visitingAddress = "Gatan 1",
            postalAddress = "Box 1", isCityAdministration = false,
        }),
        ["POST /api/employers/{id:int}/contacts"] = (new() { ["id"] = w.Employer.ToString() }, [], new { name = "Ny Kontakt", role = "Chef", phone = "08-555 000 00", email = "ny@fuzz.example" }),
        ["GET /api/vacancies/"] = ([], new() { ["status"] = "Open", ["kind"] = "Internship", ["occupation"] = "91", ["employer"] = w.Employer.ToString(), ["text"] = "fuzz" }, null),
        ["POST /api/vacancies/"] = ([], [], new
        {
            employerId = w.Employer, title = "Fuzzare två", occupation = "9111", kind = "Internship", places = 1, hoursPerWeek = 20, placeOfWork = "Farsta",
            startDate = Iso(app.Today.AddDays(20)), lastDayToPropose = Iso(app.Today.AddDays(10)), language = "sv", languageLevel = "B1",
            drivingLicence = "B", educationLevel = "31", yearsOfExperience = 1,
        }),
        ["POST /api/vacancies/{id:int}/withdraw"] = (new() { ["id"] = w.Vacancy.ToString() }, [], new { reason = "Fuzz" }),
        ["POST /api/vacancies/{id:int}/proposals"] = (new() { ["id"] = w.Vacancy.ToString() }, [], new { caseId = w.Working }),
        ["POST /api/proposals/{id:int}/steps"] = (new() { ["id"] = w.Proposal.ToString() }, [], new
        {
            status = "NotSelected", on = Iso(app.Today), reason = "Other", note = "Fuzz", placementStart = Iso(app.Today),
            placementEnd = Iso(app.Today.AddDays(30)), wageForm = "AgreedWage", subsidy = "NewStartJob",
        }),
    };

    private static DateOnly WorkingDayAfter(DateOnly day)
    {
        do day = day.AddDays(1); while (!Jobbtorg.Calendar.WorkingDays.IsWorkingDay(day));
        return day;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(Guid);
    }

    private sealed record ApiEndpoint(string Key, string Method, RouteEndpoint Endpoint, List<ParameterInfo> Route, List<ParameterInfo> Query,
        Type? Body, bool RawBody);

    /// <summary>The API's endpoints as the app itself holds them, with where each handler parameter comes from.</summary>
    private List<ApiEndpoint> ApiEndpoints()
    {
        var isService = app.Services.GetRequiredService<IServiceProviderIsService>();
        var result = new List<ApiEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler) continue;
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            List<ParameterInfo> route = [], query = [];
            Type? body = null;
            var raw = false;
            foreach (var p in handler.GetParameters())
            {
                var type = p.ParameterType;
                if (type == typeof(CancellationToken) || type == typeof(HttpContext) || type == typeof(HttpResponse)) continue;
                if (type == typeof(HttpRequest)) { raw = true; continue; }
                if (p.GetCustomAttribute<FromServicesAttribute>() is not null || isService.IsService(type)) continue;
                if (routeNames.Contains(p.Name!)) route.Add(p);
                else if (IsSimple(type)) query.Add(p);
                else body = type;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                result.Add(new ApiEndpoint($"{method} {pattern}", method, endpoint, route, query, body, raw));
        }
        return result;
    }

    private static string Url(string pattern, Dictionary<string, string> route, Dictionary<string, string> query)
    {
        var path = RouteParameter().Replace(pattern, m => route[m.Groups[1].Value]);
        return query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private static Dictionary<string, string> Encoded(Dictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => Uri.EscapeDataString(v.Value));

    private static HttpContent JsonBody(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var marker = Encoding.UTF8.GetBytes(InvalidUtf8);
        var at = bytes.AsSpan().IndexOf(marker);
        if (at >= 0) bytes = [.. bytes[..at], 0xFF, 0xFE, .. bytes[(at + marker.Length)..]];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private async Task FuzzApiAsync(HttpClient admin, World w)
    {
        var requests = ApiRequests(w);
        var endpoints = ApiEndpoints();
        var withInput = endpoints.Where(e => e.Body is not null || e.RawBody || e.Query.Count > 0 || e.Route.Any(r => r.ParameterType == typeof(string))).ToList();
        var missing = withInput.Select(e => e.Key).Where(k => !requests.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints that take input but have no valid request to fuzz from: " + string.Join(", ", missing));
        output.WriteLine($"API: {endpoints.Count} endpoints, {withInput.Count} take input.");

        foreach (var e in withInput)
        {
            var (route, query, body) = requests[e.Key];
            var pattern = e.Key[(e.Method.Length + 1)..];
            var write = e.Method != "GET";
            await InGroupAsync(e.Key, async () =>
            {
                async Task SendAsync(string what, string url, HttpContent? content)
                {
                    var request = new HttpRequestMessage(new HttpMethod(e.Method), url) { Content = content };
                    var response = await admin.SendAsync(request);
                    apiTried++;
                    Record($"{e.Key} {what}", response.StatusCode, write);
                }

                var baseJson = body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
                // Text route values (districts, kinds) and every query parameter.
                foreach (var p in e.Route.Where(r => r.ParameterType == typeof(string)).Concat(e.Query))
                    // A NUL in a path never reaches the app: the server refuses the request line.
                    foreach (var bad in BadText(p.ParameterType, p.Name!).Where(b => !e.Route.Contains(p) || !b.Contains("%00", StringComparison.Ordinal)))
                    {
                        var r = Encoded(route);
                        var q = Encoded(query);
                        if (e.Route.Contains(p)) r[p.Name!] = bad; else q[p.Name!] = bad;
                        await SendAsync($"{p.Name}={Short(bad)}", Url(pattern, r, q), baseJson is null ? null : JsonBody(baseJson));
                    }
                var url = Url(pattern, Encoded(route), Encoded(query));
                if (e.RawBody)
                {
                    foreach (var (what, content) in ImportBodies()) await SendAsync(what, url, content);
                    return;
                }
                if (e.Body is null) return;

                // The whole body of the wrong shape, broken, of the wrong Content-Type.
                foreach (var whole in new[] { "\"x\"", "5", "[]", "[1]", "[null]", "{\"a\":", $"\"{InvalidUtf8}\"", "\"\\u0000\"" })
                    await SendAsync($"body {Short(whole)}", url, JsonBody(whole));
                await SendAsync("text/plain", url, new StringContent(baseJson!, Encoding.UTF8, "text/plain"));

                // Field by field; a list body's fields are those of its first item.
                var element = e.Body.IsGenericType && e.Body.GetGenericTypeDefinition() == typeof(List<>) ? e.Body.GetGenericArguments()[0] : null;
                var itemType = element ?? e.Body;
                var sample = JsonDocument.Parse(baseJson!).RootElement;
                var fields = element is null ? sample : sample[0];
                var properties = itemType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
                var names = properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
                Assert.True(names.SetEquals(fields.EnumerateObject().Select(f => f.Name)),
                    $"{e.Key}: the valid request gives {string.Join(", ", fields.EnumerateObject().Select(f => f.Name))}; the body has {string.Join(", ", names)}");
                foreach (var property in properties)
                {
                    var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                    foreach (var bad in BadJson(property.PropertyType, name))
                    {
                        var json = Regex.Replace(baseJson!, $"\"{name}\":(\"[^\"]*\"|[^,}}]+)", _ => $"\"{name}\":{bad}");
                        await SendAsync($"{name}={Short(bad)}", url, JsonBody(json));
                    }
                }
                if (element is not null)
                    await SendAsync("10001 items", url, JsonBody("[" + string.Join(',', Enumerable.Repeat(fields.GetRawText(), 10_001)) + "]"));
            });
        }
    }

    /// <summary>Case-event streams each with one bad line: every field of a referral given each bad value, a line over the
    /// limit, bytes that are not UTF-8, and the wrong Content-Types.</summary>
    private IEnumerable<(string What, HttpContent Content)> ImportBodies()
    {
        HttpContent Ndjson(string text, string type = "application/x-ndjson")
        {
            var content = (ByteArrayContent)JsonBody(text);
            content.Headers.ContentType = new(type);
            return content;
        }
        var person = TestPeople.Adult(app.Today);
        var fields = new Dictionary<string, (string Good, IEnumerable<string> Bad)>
        {
            ["caseRef"] = ("\"FUZZ-IMPORT\"", BadJsonTexts),
            ["personalNumber"] = ($"\"{person}\"", [.. BadJsonTexts, "\"1990" + "01012384\""]),
            ["district"] = ($"\"{District}\"", [.. BadJsonTexts, "\"atlantis\""]),
            ["targetGroup"] = ("\"UnemployedOnBenefit\"", [.. BadJsonNames(typeof(Features.Cases.TargetGroup)), "\"unemployedonbenefit\""]),
            ["date"] = ($"\"{Iso(app.Today)}\"", [.. BadJsonDates, $"\"{Iso(app.Today.AddDays(1))}\""]),
            ["gender"] = ("\"F\"", BadJsonNames(typeof(Features.Cases.Gender))),
            ["receivesBenefit"] = ("true", BadJsonBooleans.Where(b => b != "null")),
        };
        string Line(string? field, string? bad) => "{\"type\":\"referral\"," + string.Join(',', fields.Select(f => $"\"{f.Key}\":{(f.Key == field ? bad : f.Value.Good)}")) + "}";
        foreach (var (field, (_, bads)) in fields)
            foreach (var bad in bads)
                yield return ($"{field}={Short(bad)}", Ndjson(Line(field, bad)));
        yield return ("a line over 10000 bytes", Ndjson(Line("caseRef", $"\"{new string('x', 20_000)}\"")));
        yield return ("not UTF-8", Ndjson($"{{\"type\":\"referral\",\"caseRef\":\"{InvalidUtf8}\"}}"));
        yield return ("a NUL byte", Ndjson(Line(null, null) + "\u0000"));
        yield return ("an enrolment far ahead", Ndjson($"{Line(null, null)}\n{{\"type\":\"enrolment\",\"caseRef\":\"FUZZ-IMPORT\",\"date\":\"9999-12-31\",\"jobCentre\":\"farsta\"}}"));
        yield return ("a placement far ahead", Ndjson($"{Line(null, null)}\n{{\"type\":\"placement\",\"caseRef\":\"FUZZ-IMPORT\",\"kind\":\"MunicipalJob\",\"start\":\"{Iso(app.Today)}\",\"end\":\"9999-12-31\"}}"));
        yield return ("application/json", Ndjson(Line(null, null), "application/json"));
        yield return ("text/plain", Ndjson(Line(null, null), "text/plain"));
    }

    private static string Short(string value) => value.Length > 24 ? value[..12] + $"…({value.Length})" : value;

    // ---- The pages --------------------------------------------------------------------------------------------------

    private sealed record PageForm(string Url, Dictionary<string, string> Fields);

    private static Dictionary<string, string> StaffRole(World w) => new() { ["Input.Role"] = "Matcher", ["Input.JobCentreId"] = w.Farsta.ToString() };

    /// <summary>A valid request per page handler that takes input, keyed "/Page handler" (GET or POST). The address holds the
    /// route values; fields listed are the ones the handler reads; any other bound field of the page is fuzzed with them.</summary>
    private Dictionary<string, PageForm> PageForms(World w)
    {
        var today = Iso(app.Today);
        return new()
        {
            ["/Referrals/New POST"] = new("/Referrals/New", new()
            {
                ["Input.PersonalNumber"] = TestPeople.Adult(app.Today), ["Input.FirstName"] = "Fuzz", ["Input.LastName"] = "Fuzzsson", ["Input.Gender"] = "F",
                ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true", ["Input.HasChildren"] = "false",
                ["Input.NewlyUnemployed"] = "false", ["Input.NewlyArrived"] = "false", ["Input.Text"] = "Text", ["Input.ConsentGiven"] = "true",
                ["Input.ConsentDate"] = today, ["Input.ReferralDate"] = today, ["Input.DistrictReferralId"] = "FUZZ-PAGE",
                ["Input.ProtectedIdentity"] = "false",
            }),
            ["/ProtectedIdentity/Case POST"] = new($"/ProtectedIdentity/Case/{w.Paused}", new() { ["Protected"] = "false", ["Confirmed"] = "true" }),
            ["/Cases/Enrol POST"] = new($"/Cases/Enrol/{w.Referred}", new() { ["EnrolmentDate"] = today, ["CoachId"] = w.CoachId }),
            ["/Cases/Pause POST"] = new($"/Cases/Pause/{w.Working}", new() { ["PauseDate"] = today, ["Reason"] = "Other", ["Note"] = "Paus" }),
            ["/Cases/Close POST"] = new($"/Cases/Close/{w.Working}", new() { ["ClosureDate"] = today, ["Reason"] = "Work", ["SubReason"] = "Subsidised", ["Note"] = "Jobb" }),
            ["/Cases/Close GET"] = new($"/Cases/Close/{w.Working}", new() { ["reason"] = "Work", ["subReason"] = "Unsubsidised" }),
            ["/Cases/Details Note POST"] = new($"/Cases/Details/{w.Working}", new() { ["Note.Date"] = today, ["Note.Text"] = "Anteckning", ["Note.Corrects"] = "" }),
            ["/Cases/Details Resume POST"] = new($"/Cases/Details/{w.Paused}", new() { ["ResumeDate"] = today }),
            ["/InfoMeetings/CaseBooking Book POST"] = new($"/InfoMeetings/CaseBooking/{w.Referred}", new() { ["MeetingId"] = w.Meeting.ToString() }),
            ["/InfoMeetings/CaseBooking Outcome POST"] = new($"/InfoMeetings/CaseBooking/{w.Referred}", new() { ["outcome"] = "Cancelled" }),
            ["/Cases/Index GET"] = new("/Cases", new() { ["Q"] = "Fuzz", ["Status"] = "Enrolled", ["p"] = "1" }),
            ["/Plans/Edit Goal POST"] = new($"/Plans/Edit/{w.Working}", new() { ["Goal"] = "5223", ["Summary"] = "Mål" }),
            ["/Plans/Edit Add POST"] = new($"/Plans/Edit/{w.Working}", new()
            {
                ["Activity.ActivityTypeId"] = w.ActivityType.ToString(), ["Activity.ProviderId"] = "", ["Activity.StartDate"] = today,
                ["Activity.EndDate"] = Iso(app.Today.AddDays(30)), ["Activity.HoursPerWeek"] = "10", ["Activity.Note"] = "Not",
            }),
            ["/Plans/Edit Remove POST"] = new($"/Plans/Edit/{w.Working}", new() { ["activityId"] = w.DraftActivity.ToString() }),
            ["/Plans/Edit Agree POST"] = new($"/Plans/Edit/{w.Working}", new() { ["AgreedOn"] = today, ["ParticipantAgrees"] = "true" }),
            ["/ThreePartyMeetings/Meeting POST"] = new($"/Cases/ThreePartyMeeting/{w.Working}", new()
            {
                ["Input.Date"] = Iso(app.Today.AddDays(2)), ["Input.Time"] = "11:00", ["Input.DurationMinutes"] = "45", ["Input.Form"] = "Video", ["Input.Place"] = "Länk",
            }),
            ["/FirstAppointments/Appointment POST"] = new($"/Cases/FirstAppointment/{w.Working}", new()
            {
                ["Input.Date"] = Iso(WorkingDayAfter(app.Today)), ["Input.Time"] = "10:00", ["Input.CoachId"] = w.CoachId,
            }),
            ["/FirstAppointments/Appointment Move POST"] = new($"/Cases/FirstAppointment/{w.Working}", new()
            {
                ["Input.Date"] = Iso(WorkingDayAfter(app.Today)), ["Input.Time"] = "11:00", ["Input.CoachId"] = w.CoachId,
            }),
            ["/FirstAppointments/Appointment Cancel POST"] = new($"/Cases/FirstAppointment/{w.Working}", new() { ["Reason"] = "Krock" }),
            ["/FirstAppointments/Appointment Outcome POST"] = new($"/Cases/FirstAppointment/{w.Working}", new() { ["attended"] = "true" }),
            ["/Assessments/Start POST"] = new($"/Assessments/Start/{w.Working}", new() { ["instrument"] = "Initial" }),
            ["/Assessments/Fill Save POST"] = new($"/Assessments/Fill/{w.Assessment}", new()
            {
                ["Answers[hours_available]"] = "20", ["Version"] = "0",
            }),
            ["/Assessments/Fill Sign POST"] = new($"/Assessments/Fill/{w.Assessment}", new()
            {
                ["Answers[hours_available]"] = "20", ["Version"] = "0", ["SignDate"] = today,
                ["Availability"] = "Available", ["NeedCategory"] = "Standard", ["OverrideReason"] = "Skäl",
            }),
            ["/Placements/New POST"] = new($"/Cases/Placements/{w.Working}/New", new()
            {
                ["Input.Kind"] = "Employment", ["Input.Start"] = today, ["Input.End"] = Iso(app.Today.AddDays(60)), ["Input.EmployerName"] = "Fuzz AB",
                ["Input.EmployerOrganisationNumber"] = "212000-0142", ["Input.HoursPerWeek"] = "30", ["Input.WageForm"] = "AgreedWage",
                ["Input.Subsidy"] = "", ["Input.Matched"] = "true", ["Input.Note"] = "Fuzz",
            }),
            ["/Placements/End POST"] = new($"/Cases/Placements/End/{w.Placement}", new() { ["EndDate"] = today }),
            ["/Programmes/Index POST"] = new("/Programmes", new() { ["Input.Name"] = "Ny fuzzinsats", ["Input.Kind"] = "LeavingCrime", ["Input.Description"] = "Om insatsen" }),
            ["/Programmes/Details Edit POST"] = new($"/Programmes/Details/{w.Programme}", new()
            {
                ["Input.Name"] = "Fuzzinsats", ["Input.Kind"] = "Youth", ["Input.Description"] = "Ändrad", ["Input.IsActive"] = "true",
            }),
            ["/Programmes/Details Year POST"] = new($"/Programmes/Details/{w.Programme}", new()
            {
                ["Year.Year"] = "2026", ["Year.Cost"] = "2150000", ["Year.ExternalFunding"] = "100000",
            }),
            ["/Programmes/Intake POST"] = new($"/Programmes/Intake/{w.Programme}", new()
            {
                ["Input.PersonalNumber"] = TestPeople.Adult(app.Today), ["Input.FirstName"] = "Fuzz", ["Input.LastName"] = "Insatsson", ["Input.Gender"] = "M",
                ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true", ["Input.HasChildren"] = "false",
                ["Input.NewlyUnemployed"] = "false", ["Input.NewlyArrived"] = "false", ["Input.Text"] = "Text", ["Input.ConsentGiven"] = "true",
                ["Input.ConsentDate"] = today, ["Input.ReferralDate"] = today, ["Input.DistrictReferralId"] = "FUZZ-INTAKE",
                ["Input.ProtectedIdentity"] = "false",
            }),
            ["/Programmes/Report GET"] = new("/Programmes/Report", new() { ["Year"] = "2026", ["Tertial"] = "1" }),
            ["/Programmes/Join POST"] = new($"/Cases/Programmes/{w.Working}/Join", new() { ["Input.ProgrammeId"] = w.OtherProgramme.ToString(), ["Input.JoinedOn"] = today }),
            ["/Programmes/Leave POST"] = new($"/Cases/Programmes/Leave/{w.Membership}", new() { ["Input.LeftOn"] = today }),
            ["/Consent/Record POST"] = new($"/Cases/Consent/{w.Working}", new() { ["Input.Given"] = "false", ["Input.Date"] = today }),
            ["/ThreePartyMeetings/Meeting Notes POST"] = new($"/Cases/ThreePartyMeeting/{w.Working}/{w.ThreePartyMeeting}", new() { ["NotesText"] = "Anteckningar" }),
            ["/InfoMeetings/Index GET"] = new("/InfoMeetings", new() { ["Centre"] = "farsta", ["From"] = today, ["Weeks"] = "4" }),
            ["/InfoMeetings/Index Schedule POST"] = new("/InfoMeetings?centre=farsta", new()
            {
                ["Meeting.JobCentre"] = "farsta", ["Meeting.Kind"] = "Youth", ["Meeting.Date"] = Iso(app.Today.AddDays(21)), ["Meeting.Time"] = "09:00",
                ["Meeting.DurationMinutes"] = "60", ["Meeting.Room"] = "Sal H", ["Meeting.Capacity"] = "8", ["Meeting.Language"] = "svenska", ["Meeting.Weeks"] = "1",
            }),
            ["/InfoMeetings/Index Quotas POST"] = new("/InfoMeetings?centre=farsta", new()
            {
                ["Quotas[0].District"] = District, ["Quotas[0].Kind"] = "Adult", ["Quotas[0].PlacesPerWeek"] = "27",
            }),
            ["/InfoMeetings/Meeting Outcome POST"] = new($"/InfoMeetings/Meeting/{w.Meeting}", new() { ["bookingId"] = "1", ["outcome"] = "Cancelled" }),
            ["/InfoMeetings/Meeting Cancel POST"] = new($"/InfoMeetings/Meeting/{w.Meeting}", new() { ["confirm"] = "true" }),
            ["/Attendance/Index GET"] = new("/Attendance", new() { ["Activity"] = "active-job-search", ["Date"] = today, ["AllPresent"] = "false" }),
            ["/Attendance/Index POST"] = new("/Attendance?activity=active-job-search", new()
            {
                ["Rows[0].CaseId"] = w.Working.ToString(), ["Rows[0].Date"] = today, ["Rows[0].ActivityTypeId"] = w.ActivityType.ToString(),
                ["Rows[0].Status"] = "ExcusedAbsence", ["Rows[0].Reason"] = "Sick",
            }),
            ["/Attendance/Case POST"] = new($"/Attendance/Case/{w.Working}", new()
            {
                ["Rows[0].CaseId"] = w.Working.ToString(), ["Rows[0].Date"] = today, ["Rows[0].ActivityTypeId"] = w.ActivityType.ToString(),
                ["Rows[0].Status"] = "Present", ["Rows[0].Reason"] = "",
            }),
            ["/Attendance/Rates GET"] = new("/Attendance/Rates", new() { ["From"] = "2026-02-01", ["To"] = today }),
            ["/Reports/Index GET"] = new("/Reports", new() { ["period"] = "custom", ["from"] = "2026-01-01", ["to"] = today, ["asOf"] = today, ["groupBy"] = "district" }),
            ["/Reports/Index Excel GET"] = new("/Reports", new() { ["period"] = "custom", ["from"] = "2026-01-01", ["to"] = today, ["asOf"] = today }),
            ["/Reports/Cases GET"] = new("/Reports/Cases", new()
            {
                ["period"] = "custom", ["from"] = "2026-01-01", ["to"] = today, ["asOf"] = today, ["groupBy"] = "reportingGroup",
                ["group"] = "unassigned", ["measure"] = "closedBeforeEnrolment",
            }),
            ["/Reports/Committee GET"] = new("/Reports/Committee", new() { ["period"] = "2026T1", ["asOf"] = today, ["district"] = "farsta" }),
            ["/Reports/Committee Excel GET"] = new("/Reports/Committee", new() { ["period"] = "2025", ["asOf"] = today, ["district"] = "" }),
            ["/Reports/JobGuarantee GET"] = new("/Reports/JobGuarantee", new() { ["period"] = "year", ["year"] = "2026", ["month"] = "3", ["tertial"] = "1" }),
            ["/DistrictMessages/Inbox GET"] = new("/Messages/Inbox", new() { ["All"] = "true" }),
            ["/DistrictMessages/Inbox Read POST"] = new("/Messages/Inbox", new() { ["id"] = "1" }),
            ["/DistrictMessages/Queue GET"] = new("/Messages/Queue", new() { ["State"] = "Failed" }),
            ["/DistrictMessages/Queue Retry POST"] = new("/Messages/Queue", new() { ["id"] = "1" }),
            ["/Reminders/Case POST"] = new($"/Reminders/Case/{w.Working}", new()
            {
                ["BySms"] = "true", ["Phone"] = "070-123 45 67", ["ByEmail"] = "true", ["Email"] = "deltagare@example.org",
            }),
            ["/Reminders/Failed Retry POST"] = new("/Reminders/Failed", new() { ["id"] = "1" }),
            ["/Import/Index POST"] = new("/Import", new() { ["ProgressId"] = Guid.NewGuid().ToString() }),
            ["/Import/Index Progress GET"] = new("/Import", new() { ["id"] = Guid.NewGuid().ToString() }),
            ["/Employers/Index GET"] = new("/Employers", new() { ["Q"] = "fuzz" }),
            ["/Employers/Index POST"] = new("/Employers", new()
            {
                ["Input.OrganisationNumber"] = "5599002127", ["Input.Unit"] = "Enhet", ["Input.Name"] = "Ny Fuzz AB", ["Input.Industry"] = "C",
                ["Input.VisitingAddress"] = "Gatan 1", ["Input.PostalAddress"] = "Box 1", ["Input.IsCityAdministration"] = "false",
            }),
            ["/Employers/Details GET"] = new($"/Employers/Details/{w.Employer}", new() { ["Edit"] = w.Contact.ToString() }),
            ["/Employers/Details AddContact POST"] = new($"/Employers/Details/{w.Employer}", new()
            {
                ["Contact.Name"] = "Ny Kontakt", ["Contact.Role"] = "Chef", ["Contact.Phone"] = "08-555 000 00", ["Contact.Email"] = "ny@fuzz.example",
            }),
            ["/Employers/Details EditContact POST"] = new($"/Employers/Details/{w.Employer}?contactId={w.Contact}", new()
            {
                ["Contact.Name"] = "Kontakt Fuzz", ["Contact.Role"] = "Chef", ["Contact.Phone"] = "08-555 000 00", ["Contact.Email"] = "k@fuzz.example",
            }),
            ["/Employers/Details RemoveContact POST"] = new($"/Employers/Details/{w.Employer}?contactId={w.Contact}", new()),
            ["/Matching/Candidates Propose POST"] = new($"/Matching/Vacancy/{w.Vacancy}", new() { ["caseId"] = w.Working.ToString() }),
            ["/Matching/ForCase Propose POST"] = new($"/Matching/Case/{w.Working}", new() { ["vacancyId"] = w.Vacancy.ToString() }),
            ["/Matching/Step POST"] = new($"/Matching/Proposal/{w.Proposal}", new()
            {
                ["Input.Status"] = "NotSelected", ["Input.On"] = today, ["Input.Reason"] = "Other", ["Input.Note"] = "Fuzz",
                ["Input.PlacementStart"] = today, ["Input.PlacementEnd"] = Iso(app.Today.AddDays(30)), ["Input.WageForm"] = "AgreedWage",
                ["Input.Subsidy"] = "NewStartJob",
            }),
            ["/Matching/Ask POST"] = new($"/Cases/Matching/{w.Working}/Ask", new() { ["Note"] = "Söker praktik." }),
            ["/Employers/Vacancies GET"] = new("/Employers/Vacancies", new()
            {
                ["Status"] = "Open", ["Kind"] = "Internship", ["Occupation"] = "91", ["Employer"] = w.Employer.ToString(), ["Text"] = "fuzz",
            }),
            ["/Employers/NewVacancy POST"] = new($"/Employers/NewVacancy/{w.Employer}", new()
            {
                ["Input.Title"] = "Fuzzare tre", ["Input.Occupation"] = "9111", ["Input.Kind"] = "Internship", ["Input.Places"] = "1",
                ["Input.HoursPerWeek"] = "20", ["Input.PlaceOfWork"] = "Farsta", ["Input.StartDate"] = Iso(app.Today.AddDays(20)),
                ["Input.LastDayToPropose"] = Iso(app.Today.AddDays(10)), ["Input.Language"] = "sv", ["Input.LanguageLevel"] = "B1",
                ["Input.DrivingLicence"] = "B", ["Input.EducationLevel"] = "31", ["Input.YearsOfExperience"] = "1",
            }),
            ["/Employers/Vacancy Withdraw POST"] = new($"/Employers/Vacancy/{w.Vacancy}", new() { ["Withdrawal.Reason"] = "Fuzz" }),
            ["/Organisation/JobCentre POST"] = new($"/Organisation/JobCentre/{w.Farsta}", new()
            {
                ["Input.Address"] = "Farstaplan 1, 123 47 Farsta", ["Input.Phone"] = "08-465 004 10", ["Input.Directions"] = "Tunnelbana till Farsta centrum.",
            }),
            ["/Assessments/Instruments/Publish POST"] = new("/Assessments/Instruments/Initial/Publish", new()
            {
                ["Definition"] = Features.Assessments.InstrumentSeeds.Shipped(Features.Assessments.Instrument.Initial).ToJson(), ["BasedOn"] = "1",
            }),
            ["/Assessments/Instruments/Publish Check POST"] = new("/Assessments/Instruments/Initial/Publish", new()
            {
                ["Definition"] = Features.Assessments.InstrumentSeeds.Shipped(Features.Assessments.Instrument.Initial).ToJson(), ["BasedOn"] = "1",
            }),
            ["/Assessments/Research/Index Csv POST"] = new("/Reports/Research", new() { ["From"] = "2026-01-01", ["To"] = today }),
            ["/Assessments/Research/Index Ndjson POST"] = new("/Reports/Research", new() { ["From"] = "2026-01-01", ["To"] = today }),
            ["/Staff/Index GET"] = new("/Staff", new() { ["Q"] = "Fuzz", ["Role"] = "Coach", ["Status"] = "All" }),
            ["/Staff/New POST"] = new("/Staff/New", new()
            {
                ["Email"] = $"fuzz-{Guid.NewGuid():N}@test.jobbtorg.se", ["DisplayName"] = "Ny Fuzz", ["Input.Role"] = "Matcher",
                ["Input.JobCentreId"] = w.Farsta.ToString(),
            }),
            ["/Staff/Details Role POST"] = new($"/Staff/Details/{w.StaffMemberId}", StaffRole(w)),
            ["/AccessLog/Reason GET"] = new("/AccessLog/Reason", new() { ["caseId"] = w.Working.ToString(), ["returnUrl"] = $"/Cases/Details/{w.Working}" }),
            ["/AccessLog/Reason POST"] = new("/AccessLog/Reason", new()
            {
                ["CaseId"] = w.Working.ToString(), ["ReturnUrl"] = $"/Cases/Details/{w.Working}", ["Choice"] = "JointPlanning", ["Text"] = "Samordning",
            }),
            ["/Staff/Handover POST"] = new($"/Staff/Handover/{w.CoachId}", new() { ["AllTo"] = w.OtherCoachId }),
            ["/Privacy/Extract POST"] = new("/Privacy/Extract", new() { ["PersonalNumber"] = w.WorkingPerson }),
            ["/Privacy/Extract Json POST"] = new("/Privacy/Extract", new() { ["PersonalNumber"] = w.WorkingPerson }),
            ["/AccessLog/Review/Index GET"] = new("/AccessLog/Review", new()
            {
                ["From"] = "2026-02-01", ["To"] = today, ["Reader"] = w.CoachId, ["Who"] = "Fuzz", ["Person"] = "1", ["Flag"] = "OutOfHours", ["p"] = "1",
            }),
            ["/AccessLog/Review/Index POST"] = new("/AccessLog/Review", new()
            {
                ["From"] = "2026-02-01", ["To"] = today, ["Reader"] = w.CoachId, ["Who"] = "Fuzz", ["Person"] = "1", ["Flag"] = "ManyPeople", ["p"] = "1",
                ["PersonalNumber"] = TestPeople.Adult(app.Today),
            }),
            ["/AccessLog/Review/Month POST"] = new("/AccessLog/Review/Month/2026-02", new() { ["Note"] = "Urvalet genomgånget." }),
            ["/FollowUp/Worklist GET"] = new("/FollowUp/Worklist", new() { ["Kind"] = "BenefitCheck", ["Centre"] = w.Farsta.ToString() }),
            ["/FollowUp/Record GET"] = new($"/FollowUp/Record/{w.FollowedUp}", new() { ["job"] = w.MunicipalJob.ToString() }),
            ["/FollowUp/Record POST"] = new($"/FollowUp/Record/{w.FollowedUp}", new()
            {
                ["Benefit.ReceivesBenefit"] = "false", ["Benefit.Source"] = "Call", ["Benefit.InformedOn"] = today,
                ["Occupation.Status"] = "Working", ["Occupation.Source"] = "Letter", ["Occupation.Date"] = "2025-11-28",
            }),
        };
    }

    private sealed record PageHandler(string Key, string Page, string Method, List<(string Name, Type Type)> Fields);

    /// <summary>Every page handler of the app with the fields it reads: the page's bound properties (on GET those that
    /// support GET), flattened to form names, and the handler's own parameters other than route values (under their binding
    /// prefix when they name one).</summary>
    private async Task<List<PageHandler>> PageHandlersAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            if (page.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal) || page.ViewEnginePath == "/Error") continue; // sign-in and error pages
            if (handlers.Any(h => h.Page == page.ViewEnginePath)) continue; // a page has one endpoint per route
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var handler in compiled.HandlerMethods)
            {
                var get = handler.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase);
                var fields = new List<(string, Type)>();
                foreach (var bound in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                {
                    var attribute = bound.Property.GetCustomAttribute<BindPropertyAttribute>();
                    if (get && attribute?.SupportsGet != true) continue;
                    Flatten(attribute?.Name ?? bound.Property.Name, bound.Property.PropertyType, fields);
                }
                foreach (var p in handler.Parameters.Where(p => !routeNames.Contains(p.Name) && p.ParameterType != typeof(CancellationToken)))
                    Flatten(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, fields); // [Bind(Prefix = …)] names the form's fields
                var key = $"{page.ViewEnginePath}{(handler.Name is null ? "" : " " + handler.Name)} {(get ? "GET" : "POST")}";
                handlers.Add(new PageHandler(key, page.ViewEnginePath, get ? "GET" : "POST", fields));
            }
        }
        return handlers;
    }

    private static void Flatten(string name, Type type, List<(string, Type)> fields)
    {
        if (IsSimple(type)) { fields.Add((name, type)); return; }
        if (type == typeof(IFormFile)) { fields.Add((name, type)); return; }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            Flatten($"{name}[0]", type.GetGenericArguments()[0], fields);
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            Flatten($"{name}[1]", type.GetGenericArguments()[1], fields);
            return;
        }
        foreach (var property in type.GetProperties().Where(p => p.CanWrite)) Flatten($"{name}.{property.Name}", property.PropertyType, fields);
    }

    private static string FormBody(Dictionary<string, string> fields, string token, string? field, string? bad) =>
        string.Join('&', fields.Where(f => f.Key != field).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")
            .Append($"__RequestVerificationToken={Uri.EscapeDataString(token)}")
            .Concat(field is null ? [] : [$"{Uri.EscapeDataString(field)}={bad}"]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task FuzzPagesAsync(HttpClient admin, World w)
    {
        var forms = PageForms(w);
        var handlers = await PageHandlersAsync();
        // A handler's own fields (those its valid request lists), and any bound field of the page that no handler lists.
        var plan = handlers.Select(h =>
        {
            var form = forms.GetValueOrDefault(h.Key);
            var listedElsewhere = forms.Where(f => f.Key.StartsWith(h.Page + " ", StringComparison.Ordinal) && f.Key != h.Key).SelectMany(f => f.Value.Fields.Keys).ToHashSet();
            var fields = h.Fields.Where(f => form?.Fields.ContainsKey(f.Name) == true || !listedElsewhere.Contains(f.Name)).ToList();
            return (Handler: h, Form: form, Fields: fields);
        }).Where(x => x.Fields.Count > 0).ToList();
        var missing = plan.Where(x => x.Form is null).Select(x => x.Handler.Key).ToList();
        Assert.True(missing.Count == 0, "Page handlers that take input but have no valid request to fuzz from: " + string.Join(", ", missing));
        output.WriteLine($"Pages: {handlers.Count} handlers, {plan.Count} take input.");

        var home = await (await admin.GetAsync("/")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(home).Groups[1].Value);
        foreach (var (h, form, fields) in plan)
        {
            var handlerName = h.Key.Split(' ') is { Length: 3 } parts ? parts[1] : null;
            var handlerQuery = handlerName is null ? "" : $"handler={handlerName}";
            string WithQuery(string url, string query) => query.Length == 0 ? url : $"{url}{(url.Contains('?') ? '&' : '?')}{query}";
            await InGroupAsync(h.Key, async () =>
            {
                async Task SendAsync(string what, Func<Task<HttpResponseMessage>> send)
                {
                    var response = await send();
                    pageTried++;
                    Record($"{h.Key} {what}", response.StatusCode, write: false);
                    if (response.StatusCode == HttpStatusCode.BadRequest && h.Method == "POST")
                        failures.Add($"{h.Key} {what}: a bare 400 instead of a form error");
                }

                foreach (var (name, type) in fields)
                {
                    if (type == typeof(IFormFile))
                    {
                        foreach (var (what, file) in ImportFiles())
                            await SendAsync($"{name}: {what}", () => admin.PostAsync(WithQuery(form!.Url, handlerQuery), Multipart(form.Fields, token, null, null, file)));
                        continue;
                    }
                    foreach (var bad in BadText(type, name))
                    {
                        var what = $"{name}={Short(bad)}";
                        if (h.Method == "GET")
                        {
                            var query = string.Join('&', form!.Fields.Where(f => f.Key != name).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")
                                .Append($"{Uri.EscapeDataString(name)}={bad}").Prepend(handlerQuery).Where(q => q.Length > 0));
                            await SendAsync(what, () => admin.GetAsync(WithQuery(form.Url, query)));
                        }
                        else if (h.Fields.Any(f => f.Type == typeof(IFormFile)))
                            await SendAsync(what, () => admin.PostAsync(WithQuery(form!.Url, handlerQuery), Multipart(form.Fields, token, name, bad, ImportFiles().First().File)));
                        else
                        {
                            var body = new ByteArrayContent(Encoding.ASCII.GetBytes(FormBody(form!.Fields, token, name, bad)));
                            body.Headers.ContentType = new("application/x-www-form-urlencoded"); // as browsers send it, no character set named
                            await SendAsync(what, () => admin.PostAsync(WithQuery(form.Url, handlerQuery), body));
                        }
                    }
                }
            });
        }
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, string token, string? field, string? bad, HttpContent file)
    {
        var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var f in fields) multipart.Add(new StringContent(f.Key == field ? Uri.UnescapeDataString(bad!) : f.Value), f.Key);
        multipart.Add(file, "Upload", "events.ndjson");
        return multipart;
    }

    private IEnumerable<(string What, HttpContent File)> ImportFiles()
    {
        foreach (var (what, content) in ImportBodies().Where(b => !b.What.StartsWith("text/", StringComparison.Ordinal) && b.What != "application/json"))
        {
            var bytes = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            yield return (what, new ByteArrayContent(bytes));
        }
    }

    /// <summary>The valid requests themselves are accepted: what the fuzz sent was refused for its bad value, not for
    /// something else wrong with the request.</summary>
    private async Task ControlsAsync(HttpClient admin, World w)
    {
        var requests = ApiRequests(w);
        foreach (var key in new[] { "POST /api/referrals/", "POST /api/info-meetings/", "PUT /api/districts/{code}/quotas/{kind}",
                     "POST /api/cases/{id:int}/info-meeting/", "POST /api/follow-up/benefit-months", "POST /api/follow-up/occupation-status" })
        {
            var (route, query, body) = requests[key];
            var method = key[..key.IndexOf(' ')];
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(key[(method.Length + 1)..], Encoded(route), Encoded(query)))
            {
                Content = JsonBody(JsonSerializer.Serialize(body, JsonSerializerOptions.Web)),
            });
            if (!response.IsSuccessStatusCode) failures.Add($"control {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var forms = PageForms(w);
        foreach (var key in new[] { "/Referrals/New POST", "/Cases/Details Note POST", "/Plans/Edit Goal POST", "/Plans/Edit Add POST",
                     "/ThreePartyMeetings/Meeting POST", "/InfoMeetings/Index Schedule POST", "/Attendance/Case POST", "/Cases/Pause POST" })
        {
            var form = forms[key];
            var handler = key.Split(' ') is { Length: 3 } parts ? parts[1] : null;
            var url = handler is null ? form.Url : $"{form.Url}{(form.Url.Contains('?') ? '&' : '?')}handler={handler}";
            var response = await admin.SubmitFormAsync(form.Url.Split('?')[0], form.Fields, url);
            if (response.StatusCode != HttpStatusCode.Redirect) failures.Add($"control {key}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task No_bad_input_to_any_endpoint_or_form_answers_500_or_stores_anything()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var world = await CreateWorldAsync(admin);

        await FuzzApiAsync(admin, world);
        await FuzzPagesAsync(admin, world);
        await ControlsAsync(admin, world);

        var fiveHundreds = failures.Count(f => f.EndsWith(": 500", StringComparison.Ordinal));
        output.WriteLine($"Fuzz: {tried} bad inputs tried ({apiTried} to the API, {pageTried} to the pages); {fiveHundreds} answered 500; {failures.Count} failures.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} bad inputs were not refused cleanly:\n" + string.Join('\n', failures.Take(60)));
    }
}
