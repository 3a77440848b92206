using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Reminders;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.InfoMeetings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Jobbtorg.Tests.Reminders;

/// <summary>An SMS provider in miniature: a real Kestrel server on 127.0.0.1 that takes the JSON POST the app sends,
/// with the bearer token it was told to expect, and keeps what it accepted.</summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public sealed record Received(string? Authorization, string To, string From, string Message, string Reference);

    private readonly WebApplication app;
    public string Token { get; } = "sms-token-" + Guid.NewGuid().ToString("N");
    public string Url { get; private set; } = "";
    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>Non-null: every request is answered with this status and not accepted.</summary>
    public HttpStatusCode? Refuse { get; set; }
    public int Refused;

    public FakeSmsProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapPost("/sms", async (HttpContext http) =>
        {
            if (Refuse is { } status)
            {
                Interlocked.Increment(ref Refused);
                return Results.StatusCode((int)status);
            }
            var auth = http.Request.Headers.Authorization.ToString();
            if (auth != $"Bearer {Token}") return Results.Unauthorized();
            using var json = await JsonDocument.ParseAsync(http.Request.Body);
            var r = json.RootElement;
            Requests.Enqueue(new Received(auth, r.GetProperty("to").GetString()!, r.GetProperty("from").GetString()!,
                r.GetProperty("message").GetString()!, r.GetProperty("reference").GetString()!));
            return Results.Ok(new { id = Guid.NewGuid() });
        });
    }

    public async Task StartAsync()
    {
        await app.StartAsync();
        Url = app.Urls.First() + "/sms";
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>A real SMTP server (the SmtpServer library) on 127.0.0.1 that requires a user name and password and keeps
/// every message it accepted.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string User = "jobbtorg";
    public const string Password = "smtp-password";
    private readonly CancellationTokenSource stop = new();
    private Task? running;
    public int Port { get; }
    public ConcurrentQueue<(string[] Recipients, MimeMessage Message)> Received { get; } = new();

    public TestSmtpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        return Task.CompletedTask;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Received.Enqueue(([.. transaction.To.Select(t => $"{t.User}@{t.Host}")], message));
            return SmtpResponse.Ok;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null) await Task.WhenAny(running, Task.Delay(2000));
    }
}

/// <summary>Shared steps of the reminder tests. The app's clock stands at Tue 10 March 2026 10:00 Stockholm time.</summary>
public static class ReminderKit
{
    /// <summary>Numbers from the range the Swedish Post and Telecom Authority keeps for fiction (070-174 06 05 to 070-174 06 99).</summary>
    public const string Phone = "070-174 06 05";
    public const string PhoneE164 = "+46701740605";
    public const string Email = "deltagare@example.com";

    public static Dictionary<string, string> Settings(FakeSmsProvider? sms, TestSmtpServer? smtp, bool background = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Jobbtorg:Reminders:Enabled"] = background ? "true" : "false",
            ["Jobbtorg:Reminders:PollInterval"] = "00:00:00.100",
            ["Jobbtorg:Reminders:FirstBackoff"] = "00:01:00",
            ["Jobbtorg:Reminders:MaxAttempts"] = "3",
            ["Jobbtorg:Reminders:SendTimeout"] = "00:00:10",
        };
        if (sms is not null)
        {
            settings["Jobbtorg:Reminders:Sms:Url"] = sms.Url;
            settings["Jobbtorg:Reminders:Sms:Token"] = sms.Token;
        }
        if (smtp is not null)
        {
            settings["Jobbtorg:Reminders:Smtp:Host"] = "127.0.0.1";
            settings["Jobbtorg:Reminders:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Jobbtorg:Reminders:Smtp:Security"] = "None";
            settings["Jobbtorg:Reminders:Smtp:UserName"] = TestSmtpServer.User;
            settings["Jobbtorg:Reminders:Smtp:Password"] = TestSmtpServer.Password;
            settings["Jobbtorg:Reminders:Smtp:From"] = "paminnelser@jobbtorg.example";
        }
        return settings;
    }

    public static async Task<JobbtorgAppFactory> StartAsync(FakeSmsProvider? sms, TestSmtpServer? smtp, bool background = false)
    {
        var app = JobbtorgAppFactory.WithSettings(Settings(sms, smtp, background));
        await app.InitializeAsync();
        return app;
    }

    public static Task StopAsync(JobbtorgAppFactory app) => ((IAsyncLifetime)app).DisposeAsync();

    /// <summary>A referred case at Jobbtorg Farsta booked on an adult info meeting at <paramref name="date"/> 09:30.</summary>
    public static async Task<(int CaseId, int MeetingId)> BookedCaseAsync(JobbtorgAppFactory app, HttpClient manager, DateOnly date, string time = "09:30")
    {
        var meeting = (await MeetingKit.ScheduleAsync(manager, "farsta", "Adult", date, 10, time)).Single();
        var caseId = (await MeetingKit.ImportReferralsAsync(app, [new Person(TestPeople.Adult(app.Today), "farsta")])).Single();
        Assert.Equal(HttpStatusCode.OK, (await MeetingKit.BookAsync(manager, caseId, meeting.Id)).StatusCode);
        return (caseId, meeting.Id);
    }

    public static Task<HttpClient> ManagerAsync(JobbtorgAppFactory app) => app.SignInAsNewAsync(Roles.Manager, centre: "farsta");

    public static Task<HttpResponseMessage> ConsentAsync(HttpClient staff, int caseId, bool sms, string? phone, bool email, string? address) =>
        staff.SubmitFormAsync($"/Reminders/Case/{caseId}", new()
        {
            ["BySms"] = sms ? "true" : "false", ["Phone"] = phone ?? "", ["ByEmail"] = email ? "true" : "false", ["Email"] = address ?? "",
        });

    public static async Task<int?> RoundAsync(JobbtorgAppFactory app, DateOnly day)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderRound>().RunAsync(day);
    }

    public static async Task<int> ChangesAsync(JobbtorgAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderRound>().ChangesAsync();
    }

    public static Task<int> SendAsync(JobbtorgAppFactory app) => app.Services.GetRequiredService<ReminderDispatcher>().SendDueAsync();

    public static Task<List<ReminderMessage>> MessagesAsync(JobbtorgAppFactory app, int? caseId = null) =>
        app.WithDbAsync(db => db.ReminderMessages.AsNoTracking().Where(m => caseId == null || m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync());

    public static Task ProtectAsync(JobbtorgAppFactory app, int caseId) => app.WithDbAsync(db =>
        db.Participants.Where(p => db.Cases.Any(c => c.Id == caseId && c.ParticipantId == p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProtectedIdentity, true)));

    public static void AssertNothingSensitive(string text, int caseId, string caseRef)
    {
        foreach (var word in new[] { "försörjningsstöd", "ekonomiskt bistånd", "socialtjänst", "socialsekreterare", "handläggare", "ärende", "trepart" })
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(caseRef, text);
        Assert.DoesNotMatch(@"\d{6}[-+]?\d{4}", text);
    }
}
