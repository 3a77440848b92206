using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Access;

public enum CaseSetup { Referred, Enrolled, ClosedToWorkHalfYearAgo }

/// <summary>The app for the access tests: one user per staff actor, one key per scope, and fresh Farsta cases on demand.</summary>
public sealed class AccessMatrixApp : IAsyncLifetime
{
    public const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta
    public const string ReportsKey = "matrix-reports-key";
    public const string ImportKey = "matrix-import-key";
    public const string ExportKey = "matrix-export-key";
    public const string FollowUpKey = "matrix-followup-key";
    public const string ElsewhereKey = "matrix-rinkeby-key";
    public const string ReportCasesKey = "matrix-report-cases-key";
    public const string ReportCasesElsewhereKey = "matrix-rinkeby-report-cases-key";

    public JobbtorgAppFactory App { get; } = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:ApiKeys:3:Name"] = "reports-only", ["Jobbtorg:ApiKeys:3:Key"] = ReportsKey, ["Jobbtorg:ApiKeys:3:Scopes:0"] = Scopes.ReportsRead,
        ["Jobbtorg:ApiKeys:4:Name"] = "import-only", ["Jobbtorg:ApiKeys:4:Key"] = ImportKey, ["Jobbtorg:ApiKeys:4:Scopes:0"] = Scopes.Import,
        ["Jobbtorg:ApiKeys:5:Name"] = "export-only", ["Jobbtorg:ApiKeys:5:Key"] = ExportKey, ["Jobbtorg:ApiKeys:5:Scopes:0"] = Scopes.Export,
        ["Jobbtorg:ApiKeys:6:Name"] = "followup-unbound", ["Jobbtorg:ApiKeys:6:Key"] = FollowUpKey, ["Jobbtorg:ApiKeys:6:Scopes:0"] = Scopes.FollowUpWrite,
        ["Jobbtorg:ApiKeys:7:Name"] = "rinkeby-system", ["Jobbtorg:ApiKeys:7:Key"] = ElsewhereKey, ["Jobbtorg:ApiKeys:7:Scopes:0"] = Scopes.ReferralsWrite,
        ["Jobbtorg:ApiKeys:7:District"] = "rinkeby-kista",
        ["Jobbtorg:ApiKeys:8:Name"] = "report-cases", ["Jobbtorg:ApiKeys:8:Key"] = ReportCasesKey, ["Jobbtorg:ApiKeys:8:Scopes:0"] = Scopes.ReportsCases,
        ["Jobbtorg:ApiKeys:9:Name"] = "rinkeby-report-cases", ["Jobbtorg:ApiKeys:9:Key"] = ReportCasesElsewhereKey,
        ["Jobbtorg:ApiKeys:9:Scopes:0"] = Scopes.ReportsCases, ["Jobbtorg:ApiKeys:9:District"] = "rinkeby-kista",
    }, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));

    private readonly Dictionary<Actor, HttpClient> clients = [];
    private int sequence;
    private int? todaysMeeting;

    public DateOnly Today => App.Today;
    public string FarstaCoachId { get; private set; } = "";
    private string farstaCoachUserName = "";

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta");
        FarstaCoachId = coach.Id;
        farstaCoachUserName = coach.UserName!;
        clients[Actor.CoachHere] = await App.SignInAsync(coach);
        clients[Actor.CoachElsewhere] = await App.SignInAsNewAsync(Roles.Coach, centre: "kista");
        clients[Actor.Matcher] = await App.SignInAsNewAsync(Roles.Matcher, centre: "farsta");
        clients[Actor.CaseWorkerHere] = await App.SignInAsNewAsync(Roles.CaseWorker, district: District);
        clients[Actor.CaseWorkerElsewhere] = await App.SignInAsNewAsync(Roles.CaseWorker, district: "rinkeby-kista");
        clients[Actor.ManagerHere] = await App.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        clients[Actor.ManagerElsewhere] = await App.SignInAsNewAsync(Roles.Manager, centre: "kista");
        clients[Actor.ManagerCityWide] = await App.SignInAsNewAsync(Roles.Manager);
        clients[Actor.Analyst] = await App.SignInAsNewAsync(Roles.Analyst);
        clients[Actor.Administrator] = await App.SignInAsNewAsync(Roles.Administrator);
        var provider = await App.CreateUserAsync(Roles.Provider);
        await Db(async db =>
        {
            var providerId = await db.Providers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            return await db.Users.Where(u => u.Id == provider.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProviderId, providerId));
        });
        clients[Actor.Provider] = await App.SignInAsync(provider);
        clients[Actor.LogReviewer] = await App.SignInAsNewAsync(Roles.LogReviewer);
        clients[Actor.KeyDistrictHere] = App.ApiClient(JobbtorgAppFactory.EavKey);
        clients[Actor.KeyDistrictElsewhere] = App.ApiClient(ElsewhereKey);
        clients[Actor.KeyAllScopes] = App.ApiClient(JobbtorgAppFactory.RobotKey);
        clients[Actor.KeyReports] = App.ApiClient(ReportsKey);
        clients[Actor.KeyReportCases] = App.ApiClient(ReportCasesKey);
        clients[Actor.KeyImport] = App.ApiClient(ImportKey);
        clients[Actor.KeyExport] = App.ApiClient(ExportKey);
        clients[Actor.KeyFollowUp] = App.ApiClient(FollowUpKey);
        clients[Actor.KeyNoScope] = App.ApiClient(JobbtorgAppFactory.NoScopeKey);

        // Room for every booking the tests make in this week.
        var quota = await clients[Actor.Administrator].PutAsJsonAsync($"/api/districts/{District}/quotas/Adult", new { placesPerWeek = 1000 });
        Assert.Equal(HttpStatusCode.NoContent, quota.StatusCode);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    public Task<HttpClient> ClientAsync(Actor actor) => Task.FromResult(clients[actor]);

    public Task<T> Db<T>(Func<JobbtorgDb, Task<T>> query) => App.WithDbAsync(query);

    /// <summary>A new Farsta case of Enskede-Årsta-Vantör with the person's consent, referred today (and enrolled).</summary>
    public async Task<int> NewCaseAsync(CaseSetup setup)
    {
        var caseRef = $"AM-{Interlocked.Increment(ref sequence)}-{Guid.NewGuid():N}"[..20];
        // A case closed to work six months before this month is due for its benefit check.
        var closedBefore = setup == CaseSetup.ClosedToWorkHalfYearAgo;
        var today = (closedBefore ? Today.AddMonths(-7) : Today).ToString("yyyy-MM-dd");
        var lines = new StringBuilder();
        lines.Append($$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{TestPeople.Adult(Today)}}","district":"{{District}}","targetGroup":"UnemployedOnBenefit","date":"{{today}}","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""").Append('\n');
        if (setup is CaseSetup.Enrolled or CaseSetup.ClosedToWorkHalfYearAgo)
            lines.Append($$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"{{today}}","jobCentre":"farsta","coach":"{{farstaCoachUserName}}"}""").Append('\n');
        if (closedBefore)
            lines.Append($$"""{"type":"closure","caseRef":"{{caseRef}}","date":"{{Today.AddMonths(-6):yyyy-MM-dd}}","reason":"Work","subReason":"Unsubsidised"}""").Append('\n');
        var imported = await clients[Actor.KeyAllScopes].PostAsync("/api/import/case-events", new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        return await Db(async db =>
        {
            var id = await db.Cases.Where(c => c.CaseRef == caseRef).Select(c => c.Id).SingleAsync();
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsentGiven, true).SetProperty(c => c.ConsentDate, Today));
            return id;
        });
    }

    /// <summary>A Farsta adult meeting this afternoon: attendance can be recorded today.</summary>
    public async Task<int> FutureMeetingAsync()
    {
        if (todaysMeeting is { } id) return id;
        var response = await clients[Actor.Administrator].PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date = Today.ToString("yyyy-MM-dd"), time = "15:00", room = "Sal 1", capacity = 500,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<List<Features.InfoMeetings.InfoMeetingDto>>(InfoMeetings.MeetingKit.Json);
        todaysMeeting = created![0].Id;
        return todaysMeeting.Value;
    }

    public async Task BookOnTodaysMeetingAsync(int caseId)
    {
        var meeting = await FutureMeetingAsync();
        var booked = await clients[Actor.KeyAllScopes].PostAsJsonAsync($"/api/cases/{caseId}/info-meeting", new { meetingId = meeting });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
    }

    /// <summary>A first appointment with the Farsta coach tomorrow at 10:00, booked by the administrator.</summary>
    public async Task BookFirstAppointmentAsync(int caseId)
    {
        var booked = await clients[Actor.Administrator].PostAsJsonAsync($"/api/cases/{caseId}/first-appointment",
            new { date = Today.AddDays(1).ToString("yyyy-MM-dd"), time = "10:00", coachId = FarstaCoachId });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
    }

    public Task<int?> BookingOfAsync(int caseId) => Db(db => db.InfoMeetingBookings.Where(b => b.ActiveCaseId == caseId).Select(b => (int?)b.Id).FirstOrDefaultAsync());

    /// <summary>Booked on a meeting, or waiting for one.</summary>
    public Task<bool> HasBookingAsync(int caseId) => Db(async db =>
        await db.InfoMeetingBookings.AnyAsync(b => b.ActiveCaseId == caseId) || await db.InfoMeetingWaits.AnyAsync(w => w.CaseId == caseId));

    public Task<CaseStatus> StatusAsync(int caseId) => Db(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());

    public Task<string> PersonalNumberOfAsync(int caseId) => Db(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Participant.PersonalNumber).SingleAsync());
}

[CollectionDefinition(Name)]
public sealed class AccessMatrixCollection : ICollectionFixture<AccessMatrixApp>
{
    public const string Name = "AccessMatrix";
}
