using System.Net;
using System.Text;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Plans;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Attendance;

/// <summary>The attendance tests' own application: they use their own activity types and dates, and the rounds' tests
/// start a fresh one each so that the rounds' dates belong to them alone.</summary>
[CollectionDefinition(Name)]
public sealed class AttendanceCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "Attendance";
}

/// <summary>Builds enrolled cases with an agreed plan through the case-event import, then gives the plan its activities.</summary>
public sealed class AttendanceKit(JobbtorgAppFactory app)
{
    private readonly string prefix = $"A{Guid.NewGuid():N}"[..10] + "-";
    private int next;

    public sealed record Activity(string Code, DateOnly Start, DateOnly? End = null, string? ProviderOrganisationNumber = null);

    /// <summary>An enrolled case at Farsta (district Enskede-Årsta-Vantör) whose plan, agreed the day after enrolment,
    /// holds the given activities. Extra events (a pause, say) follow the plan.</summary>
    public async Task<int> CaseAsync(DateOnly enrolled, Activity[] activities, bool consent = true, string coach = "coach-att",
        params string[] extraEvents)
    {
        var caseRef = prefix + (++next);
        var person = TestPeople.Adult(enrolled);
        var lines = new List<string>
        {
            $$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"enskede-arsta-vantor","targetGroup":"UnemployedOnBenefit","date":"{{D(enrolled)}}","gender":"F","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
            $$"""{"type":"infoMeeting","caseRef":"{{caseRef}}","date":"{{D(enrolled)}}","attended":true}""",
            $$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"{{D(enrolled)}}","jobCentre":"farsta","coach":"{{coach}}"}""",
            $$"""{"type":"planAgreed","caseRef":"{{caseRef}}","date":"{{D(enrolled.AddDays(1))}}"}""",
        };
        lines.AddRange(extraEvents.Select(e => e.Replace("{caseRef}", caseRef)));
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        return await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.CaseRef == caseRef);
            var plan = await db.PlanVersions.SingleAsync(p => p.CaseId == c.Id);
            foreach (var a in activities)
                db.PlannedActivities.Add(new PlannedActivity
                {
                    PlanVersionId = plan.Id,
                    ActivityTypeId = await ActivityTypeIdAsync(db, a.Code),
                    ProviderId = a.ProviderOrganisationNumber is null ? null
                        : (await db.Providers.SingleAsync(p => p.OrganisationNumber == a.ProviderOrganisationNumber)).Id,
                    StartDate = a.Start, EndDate = a.End, HoursPerWeek = 20,
                });
            await db.SaveChangesAsync();
            if (consent) await db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsentGiven, true));
            return c.Id;
        });
    }

    /// <summary>Gives the case's participant a name; returns the birth year from the personal number.</summary>
    public Task<string> NameAsync(int caseId, string firstName, string lastName) => app.WithDbAsync(async db =>
    {
        var participant = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Participant).SingleAsync();
        participant.FirstName = firstName;
        participant.LastName = lastName;
        await db.SaveChangesAsync();
        return participant.PersonalNumber[..4];
    });

    public Task<string> CaseRefAsync(int caseId) => app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseRef).SingleAsync());

    public static async Task<int> ActivityTypeIdAsync(JobbtorgDb db, string code) => (await db.ActivityTypes.SingleAsync(t => t.Code == code)).Id;

    public Task<int> ActivityTypeIdAsync(string code) => app.WithDbAsync(db => ActivityTypeIdAsync(db, code));

    public Task RegisterAsync(int caseId, DateOnly date, string activity, AttendanceStatus status, AbsenceReason? reason = null) =>
        app.WithDbAsync(async db =>
        {
            db.AttendanceDays.Add(new AttendanceDay
            {
                CaseId = caseId, Date = date, ActivityTypeId = await ActivityTypeIdAsync(db, activity), Status = status, Reason = reason,
                RecordedBy = "Test", RecordedAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

    public Task<List<DistrictMessage>> MessagesAsync(int caseId, MessageKind? kind = null) =>
        app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == caseId && (kind == null || m.Kind == kind)).OrderBy(m => m.Id).ToListAsync());

    public Task<List<AttendanceDay>> RegistrationsAsync(int caseId) =>
        app.WithDbAsync(db => db.AttendanceDays.Where(a => a.CaseId == caseId).OrderBy(a => a.Date).ToListAsync());

    public async Task<RoundResult> RunRoundsAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AttendanceRounds>().RunAsync(today);
    }

    public static JsonElement Body(DistrictMessage m) => JsonDocument.Parse(m.Body).RootElement;

    public static string D(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>The fields of a registration row as the form posts them.</summary>
    public static Dictionary<string, string> Row(int index, int caseId, DateOnly date, int activityTypeId, string? status, string? reason = null)
    {
        var fields = new Dictionary<string, string>
        {
            [$"Rows[{index}].CaseId"] = caseId.ToString(), [$"Rows[{index}].Date"] = D(date), [$"Rows[{index}].ActivityTypeId"] = activityTypeId.ToString(),
        };
        if (status is not null) fields[$"Rows[{index}].Status"] = status;
        if (reason is not null) fields[$"Rows[{index}].Reason"] = reason;
        return fields;
    }

    public static Dictionary<string, string> Form(string activity, DateOnly date, params Dictionary<string, string>[] rows)
    {
        var form = new Dictionary<string, string> { ["activity"] = activity, ["date"] = D(date) };
        foreach (var row in rows) foreach (var (k, v) in row) form[k] = v;
        return form;
    }
}
