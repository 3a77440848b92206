using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Reminders;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.InfoMeetings;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reminders.ReminderKit;

namespace Jobbtorg.Tests.Reminders;

/// <summary>Reminders end to end: consent on the case page, the daily round, the messages about changed bookings, and
/// the sending to a real SMTP server and a fake SMS provider over HTTP. Each test runs its own application on its own
/// database; the clock stands at Tue 10 March 2026, 10:00 in Stockholm.</summary>
[Trait("Category", "Http")]
public sealed class ReminderTests
{
    private static readonly DateOnly Friday = new(2026, 3, 13);
    private static readonly DateOnly Monday = new(2026, 3, 16);

    [Fact]
    public async Task Consent_is_checked_field_by_field_in_Swedish_and_English_then_recorded_and_shown_on_the_case_page()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        var app = await StartAsync(sms, null);
        try
        {
            var manager = await ManagerAsync(app);
            var (caseId, _) = await BookedCaseAsync(app, manager, Monday);
            var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

            var refused = await ConsentAsync(coach, caseId, true, "08-508 000 00", true, "namn@example");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Ange ett svenskt mobilnummer", html);
            Assert.Contains("Ange en e-postadress som namn@example.se.", html);
            Assert.Contains("data-valmsg-for=\"Phone\"", html);
            Assert.Equal(0, await app.WithDbAsync(db => db.ReminderConsents.CountAsync()));

            var english = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
            await english.SubmitFormAsync("/Cases", new() { ["culture"] = "en-GB", ["returnUrl"] = "/Cases" }, "/Account/Language");
            html = WebUtility.HtmlDecode(await (await ConsentAsync(english, caseId, true, "", false, null)).Content.ReadAsStringAsync());
            Assert.Contains("Enter the mobile number reminders are sent to by SMS.", html);

            var saved = await ConsentAsync(coach, caseId, true, "070-174 06 05", false, null);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var consent = await app.WithDbAsync(db => db.ReminderConsents.SingleAsync(c => c.CaseId == caseId));
            Assert.Equal(PhoneE164, consent.Phone);
            Assert.True(consent.BySms);
            Assert.False(consent.ByEmail);
            Assert.Equal(app.Clock.GetUtcNow(), consent.RecordedAt);
            Assert.False(string.IsNullOrEmpty(consent.RecordedBy));

            var page = WebUtility.HtmlDecode(await coach.GetStringAsync($"/Cases/Details/{caseId}"));
            Assert.Contains("sms till 070-174 06 05", page);
            Assert.Contains($"/Reminders/Case/{caseId}", page);
            // A matcher, who does not work the case, sees neither the number nor the form.
            var matcher = await app.SignInAsNewAsync(Roles.Matcher, centre: "farsta");
            Assert.DoesNotContain("070-174 06 05", await matcher.GetStringAsync($"/Cases/Details/{caseId}"));
            var refusedPage = await matcher.GetAsync($"/Reminders/Case/{caseId}");
            Assert.Equal(HttpStatusCode.Redirect, refusedPage.StatusCode);
            Assert.Contains("AccessDenied", refusedPage.Headers.Location!.ToString());
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task A_first_appointment_with_the_coach_on_Monday_is_reminded_on_the_Friday()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        var app = await StartAsync(sms, smtp);
        try
        {
            var manager = await ManagerAsync(app);
            var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Första");
            var caseId = (await MeetingKit.ImportReferralsAsync(app, [new Person(TestPeople.Adult(app.Today), "farsta")])).Single();
            var booked = await manager.PostAsJsonAsync($"/api/cases/{caseId}/first-appointment",
                new { date = Monday.ToString("yyyy-MM-dd"), time = "10:00", coachId = coach.Id });
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await ConsentAsync(manager, caseId, true, Phone, false, null)).StatusCode);

            Assert.Equal(1, await RoundAsync(app, Friday));
            Assert.Equal(1, await SendAsync(app));

            var text = Assert.Single(sms.Requests).Message;
            Assert.Contains("Jobbtorg Farsta måndag 16 mars kl. 10:00", text);
            var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseRef).SingleAsync());
            AssertNothingSensitive(text, caseId, caseRef);
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task A_Monday_meeting_is_reminded_on_the_Friday_by_email_and_SMS_and_arrives_once()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        var app = await StartAsync(sms, smtp);
        try
        {
            var manager = await ManagerAsync(app);
            var (caseId, _) = await BookedCaseAsync(app, manager, Monday);
            Assert.Equal(HttpStatusCode.Redirect, (await ConsentAsync(manager, caseId, true, Phone, true, Email)).StatusCode);

            // Thursday reminds of Friday only; the weekend has no round.
            Assert.Equal(0, await RoundAsync(app, new DateOnly(2026, 3, 12)));
            Assert.Null(await RoundAsync(app, new DateOnly(2026, 3, 14)));
            // Friday: two instances at once make one round.
            var friday = await Task.WhenAll(RoundAsync(app, Friday), RoundAsync(app, Friday));
            Assert.Equal(2, friday.Sum(r => r ?? 0));
            Assert.Null(await RoundAsync(app, Friday));

            Assert.Equal(2, await SendAsync(app));
            Assert.Equal(0, await SendAsync(app));

            var text = Assert.Single(sms.Requests);
            Assert.Equal($"Bearer {sms.Token}", text.Authorization);
            Assert.Equal(PhoneE164, text.To);
            Assert.Equal("Påminnelse: Du har en tid på Jobbtorg Farsta måndag 16 mars kl. 09:30. Välkommen!", text.Message);

            var (recipients, mail) = Assert.Single(smtp.Received);
            Assert.Equal([Email], recipients);
            Assert.Equal("paminnelser@jobbtorg.example", mail.From.Mailboxes.Single().Address);
            Assert.Equal("Påminnelse om din tid på Jobbtorg Farsta", mail.Subject);
            Assert.Contains("måndag 16 mars kl. 09:30", mail.TextBody);

            var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseRef).SingleAsync());
            foreach (var t in new[] { text.Message, mail.Subject ?? "", mail.TextBody ?? "" }) AssertNothingSensitive(t, caseId, caseRef);
            Assert.All(await MessagesAsync(app, caseId), m => Assert.Equal(ReminderState.Sent, m.State));
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task A_meeting_after_Easter_is_reminded_on_the_working_day_before_the_holidays()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        var app = await StartAsync(sms, null);
        try
        {
            var manager = await ManagerAsync(app);
            var (caseId, _) = await BookedCaseAsync(app, manager, new DateOnly(2026, 4, 7));
            await ConsentAsync(manager, caseId, true, Phone, false, null);

            Assert.Equal(0, await RoundAsync(app, new DateOnly(2026, 4, 1)));
            Assert.Null(await RoundAsync(app, new DateOnly(2026, 4, 6))); // Easter Monday
            Assert.Equal(1, await RoundAsync(app, new DateOnly(2026, 4, 2))); // Maundy Thursday
            await SendAsync(app);
            Assert.Contains("tisdag 7 april kl. 09:30", Assert.Single(sms.Requests).Message);
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task Nothing_is_sent_without_consent_nor_to_a_person_with_protected_identity()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        var app = await StartAsync(sms, null);
        try
        {
            var manager = await ManagerAsync(app);
            var (noConsent, _) = await BookedCaseAsync(app, manager, Monday);
            var (shieldedLater, _) = await BookedCaseAsync(app, manager, Monday, "13:00");
            var (shielded, _) = await BookedCaseAsync(app, manager, Monday, "14:00");
            await ConsentAsync(manager, shieldedLater, true, Phone, false, null);
            await ConsentAsync(manager, shielded, true, "070-174 06 06", false, null);
            await ProtectAsync(app, shielded);

            // The form explains and refuses.
            var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/Reminders/Case/{shielded}"));
            Assert.Contains("Personen har skyddad identitet", page);
            Assert.Contains("Personen har skyddad identitet", WebUtility.HtmlDecode(await manager.GetStringAsync($"/Cases/Details/{shielded}")));

            Assert.Equal(1, await RoundAsync(app, Friday));
            // Protected after the round wrote the message: it is withdrawn, not sent.
            await ProtectAsync(app, shieldedLater);
            await SendAsync(app);

            Assert.Empty(sms.Requests);
            Assert.Empty(await MessagesAsync(app, noConsent));
            Assert.Empty(await MessagesAsync(app, shielded));
            Assert.Equal(ReminderState.Withdrawn, Assert.Single(await MessagesAsync(app, shieldedLater)).State);
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task Opting_out_stops_reminders_not_yet_sent()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        var app = await StartAsync(sms, smtp);
        try
        {
            var manager = await ManagerAsync(app);
            var (caseId, _) = await BookedCaseAsync(app, manager, Monday);
            await ConsentAsync(manager, caseId, true, Phone, true, Email);
            Assert.Equal(2, await RoundAsync(app, Friday));

            // E-mail only from now on: the SMS waiting is not sent.
            Assert.Equal(HttpStatusCode.Redirect, (await ConsentAsync(manager, caseId, false, null, true, Email)).StatusCode);
            await SendAsync(app);
            Assert.Empty(sms.Requests);
            Assert.Single(smtp.Received);
            var messages = await MessagesAsync(app, caseId);
            Assert.Equal(ReminderState.Withdrawn, messages.Single(m => m.Channel == ReminderChannel.Sms).State);

            // Out altogether: a later change is not told.
            await ConsentAsync(manager, caseId, false, null, false, null);
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/cases/{caseId}/info-meeting/cancel", null)).StatusCode);
            Assert.Equal(0, await ChangesAsync(app));
            var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/Cases/Details/{caseId}"));
            Assert.Contains("Inga påminnelser", page);
            Assert.Contains("Tidigare val", page);
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task A_moved_booking_and_a_cancelled_booking_are_each_told_once()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        var app = await StartAsync(sms, null);
        try
        {
            var manager = await ManagerAsync(app);
            var (moved, first) = await BookedCaseAsync(app, manager, Monday);
            await ConsentAsync(manager, moved, true, Phone, false, null);
            var later = (await MeetingKit.ScheduleAsync(manager, "farsta", "Adult", new DateOnly(2026, 3, 19), 10, "13:00")).Single();
            Assert.Equal(HttpStatusCode.OK, (await MeetingKit.BookAsync(manager, moved, later.Id)).StatusCode);

            Assert.Equal(1, await ChangesAsync(app));
            Assert.Equal(0, await ChangesAsync(app));
            await SendAsync(app);
            var text = Assert.Single(sms.Requests).Message;
            Assert.Equal("Din tid på Jobbtorg Farsta måndag 16 mars kl. 09:30 är flyttad. Ny tid: torsdag 19 mars kl. 13:00 på Jobbtorg Farsta. Välkommen!", text);

            // Cancelled with no other meeting to go to: the case waits, and the person is told the time is off. (The first
            // meeting, which the person no longer holds a seat on, is cancelled without a message to them.)
            Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/info-meetings/{first}/cancel", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/info-meetings/{later.Id}/cancel", null)).StatusCode);
            Assert.Equal(1, await ChangesAsync(app));
            await SendAsync(app);
            Assert.Equal(2, sms.Requests.Count);
            var cancelled = sms.Requests.Last().Message;
            Assert.StartsWith("Din tid på Jobbtorg Farsta torsdag 19 mars kl. 13:00 är avbokad.", cancelled);
            var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == moved).Select(c => c.CaseRef).SingleAsync());
            AssertNothingSensitive(text, moved, caseRef);
            AssertNothingSensitive(cancelled, moved, caseRef);
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task A_failed_send_is_retried_with_growing_pauses_then_shown_as_failed_to_a_manager_who_can_send_it_again()
    {
        await using var sms = new FakeSmsProvider { Refuse = HttpStatusCode.ServiceUnavailable };
        await sms.StartAsync();
        var app = await StartAsync(sms, null);
        try
        {
            var manager = await ManagerAsync(app);
            var (caseId, _) = await BookedCaseAsync(app, manager, Monday);
            await ConsentAsync(manager, caseId, true, Phone, false, null);
            await RoundAsync(app, Friday);

            Assert.Equal(1, await SendAsync(app));
            var message = Assert.Single(await MessagesAsync(app, caseId));
            Assert.Equal((ReminderState.Pending, 1, "HTTP 503 Service Unavailable"), (message.State, message.Attempts, message.LastError));
            Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), message.NextAttemptAt);
            Assert.Equal(0, await SendAsync(app)); // not before its time
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(1, await SendAsync(app));
            Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), Assert.Single(await MessagesAsync(app, caseId)).NextAttemptAt);
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(1, await SendAsync(app));
            message = Assert.Single(await MessagesAsync(app, caseId));
            Assert.Equal((ReminderState.Failed, 3), (message.State, message.Attempts));
            Assert.Equal(3, sms.Refused);

            var list = WebUtility.HtmlDecode(await manager.GetStringAsync("/Reminders/Failed"));
            Assert.Contains("HTTP 503 Service Unavailable", list);
            Assert.Contains("Misslyckades", list);
            Assert.DoesNotContain("070-174", list);
            Assert.DoesNotContain("Påminnelse: Du har", list);
            Assert.Contains("Misslyckades", WebUtility.HtmlDecode(await manager.GetStringAsync($"/Cases/Details/{caseId}")));
            var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
            Assert.Contains("AccessDenied", (await coach.GetAsync("/Reminders/Failed")).Headers.Location!.ToString());

            sms.Refuse = null;
            var retry = await manager.SubmitFormAsync("/Reminders/Failed", new(), $"/Reminders/Failed?handler=Retry&id={message.Id}");
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
            Assert.Equal(1, await SendAsync(app));
            Assert.Single(sms.Requests);
            Assert.Equal(ReminderState.Sent, Assert.Single(await MessagesAsync(app, caseId)).State);
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task Two_dispatchers_at_once_never_send_the_same_message_twice()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        var app = await StartAsync(sms, null);
        try
        {
            var manager = await ManagerAsync(app);
            var cases = new List<int>();
            for (var i = 0; i < 12; i++)
            {
                var (caseId, _) = await BookedCaseAsync(app, manager, Monday, $"{8 + i / 2:00}:{(i % 2) * 30:00}");
                await ConsentAsync(manager, caseId, true, Phone, false, null);
                cases.Add(caseId);
            }
            Assert.Equal(12, await RoundAsync(app, Friday));

            // Two dispatchers of their own, as two instances would have, against the same database.
            var first = new ReminderDispatcher(ScopesOf(app), OptionsOf(app), SmtpOf(app), SmsOf(app), app.Clock, Logger(app));
            var second = new ReminderDispatcher(ScopesOf(app), OptionsOf(app), SmtpOf(app), SmsOf(app), app.Clock, Logger(app));
            var sent = await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync(), first.SendDueAsync());
            Assert.Equal(12, sent.Sum());
            Assert.Equal(12, sms.Requests.Count);
            Assert.Equal(12, sms.Requests.Select(r => r.Reference).Distinct().Count());
            Assert.All(await MessagesAsync(app), m => Assert.Equal((ReminderState.Sent, 1), (m.State, m.Attempts)));
        }
        finally { await StopAsync(app); }
    }

    [Fact]
    public async Task The_running_application_tells_a_cancellation_without_being_asked()
    {
        await using var sms = new FakeSmsProvider();
        await sms.StartAsync();
        var app = await StartAsync(sms, null, background: true);
        try
        {
            var manager = await ManagerAsync(app);
            var (caseId, _) = await BookedCaseAsync(app, manager, Monday);
            await ConsentAsync(manager, caseId, true, Phone, false, null);
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/cases/{caseId}/info-meeting/cancel", null)).StatusCode);
            for (var i = 0; i < 100 && sms.Requests.IsEmpty; i++) await Task.Delay(100);
            Assert.StartsWith("Din tid på Jobbtorg Farsta måndag 16 mars kl. 09:30 är avbokad.", Assert.Single(sms.Requests).Message);
        }
        finally { await StopAsync(app); }
    }

    private static Microsoft.Extensions.DependencyInjection.IServiceScopeFactory ScopesOf(JobbtorgAppFactory app) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(app.Services);

    private static T Get<T>(JobbtorgAppFactory app) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(app.Services);

    private static Microsoft.Extensions.Options.IOptions<ReminderOptions> OptionsOf(JobbtorgAppFactory app) => Get<Microsoft.Extensions.Options.IOptions<ReminderOptions>>(app);
    private static SmtpReminderSender SmtpOf(JobbtorgAppFactory app) => Get<SmtpReminderSender>(app);
    private static SmsReminderSender SmsOf(JobbtorgAppFactory app) => Get<SmsReminderSender>(app);
    private static Microsoft.Extensions.Logging.ILogger<ReminderDispatcher> Logger(JobbtorgAppFactory app) => Get<Microsoft.Extensions.Logging.ILogger<ReminderDispatcher>>(app);
}
