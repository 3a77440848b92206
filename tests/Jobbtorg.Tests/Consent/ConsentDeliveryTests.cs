using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Consent;

/// <summary>What a withdrawal means for the district's messages, through the real outbox and a district receiver over HTTP:
/// the next message carries no details, and one already waiting leaves without them.</summary>
[Trait("Category", "Http")]
public sealed class ConsentDeliveryTests
{
    private const string District = "farsta";

    private static async Task<JobbtorgAppFactory> StartAppAsync(DistrictReceiver receiver)
    {
        var app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
        {
            ["Jobbtorg:DistrictEndpoints:0:District"] = District,
            ["Jobbtorg:DistrictEndpoints:0:Url"] = receiver.Url,
            ["Jobbtorg:DistrictEndpoints:0:Secret"] = receiver.Secret,
            ["Jobbtorg:Outbox:PollInterval"] = "00:00:00.050",
            ["Jobbtorg:Outbox:FirstBackoff"] = "00:00:00.100",
            ["Jobbtorg:Outbox:MaxBackoff"] = "00:00:00.200",
            ["Jobbtorg:Outbox:MaxAttempts"] = "1000",
        });
        await app.InitializeAsync();
        return app;
    }

    private static async Task<int> ReferAsync(JobbtorgAppFactory app)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task WithdrawAsync(JobbtorgAppFactory app, int caseId, bool given = false)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PutAsJsonAsync($"/api/cases/{caseId}/consent",
            new { given, date = app.Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonElement BodyOf(DistrictReceiver.Received received) => JsonDocument.Parse(received.Body).RootElement;

    [Fact]
    public async Task After_a_withdrawal_the_next_message_carries_no_details_and_after_consent_again_it_does()
    {
        await using var receiver = new DistrictReceiver();
        await receiver.StartAsync();
        var app = await StartAppAsync(receiver);
        try
        {
            var caseId = await ReferAsync(app);
            var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Cora Coach");
            var admin = await app.SignInAsNewAsync(Roles.Administrator);
            await WithdrawAsync(app, caseId);

            var enrolled = await admin.PostAsJsonAsync($"/api/cases/{caseId}/enrolment", new { date = app.Today.ToString("yyyy-MM-dd"), coachId = coach.Id });
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Any(m => m.Kind == "Enrolled")));
            var bare = BodyOf(receiver.Messages.Single(m => m.Kind == "Enrolled"));
            Assert.True(bare.GetProperty("consentRequired").GetBoolean());
            Assert.Equal(JsonValueKind.Null, bare.GetProperty("details").ValueKind);
            Assert.DoesNotContain("Cora", bare.GetRawText());

            await WithdrawAsync(app, caseId, given: true);
            var paused = await admin.PostAsJsonAsync($"/api/cases/{caseId}/pause", new { date = app.Today.ToString("yyyy-MM-dd"), reason = "Sickness" });
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Any(m => m.Kind == "Paused")));
            var full = BodyOf(receiver.Messages.Single(m => m.Kind == "Paused"));
            Assert.False(full.GetProperty("consentRequired").GetBoolean());
            Assert.Equal("Sickness", full.GetProperty("details").GetProperty("reason").GetString());
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_message_queued_with_details_before_a_withdrawal_is_sent_without_them()
    {
        await using var receiver = new DistrictReceiver { Refuse = HttpStatusCode.ServiceUnavailable };
        await receiver.StartAsync();
        var app = await StartAppAsync(receiver);
        try
        {
            var caseId = await ReferAsync(app);
            Guid queued;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
                var c = await db.Cases.Include(x => x.District).SingleAsync(x => x.Id == caseId);
                queued = scope.ServiceProvider.GetRequiredService<DistrictOutbox>()
                    .Enqueue(c, MessageKind.WeeklyAttendance, "Närvaro vecka 11: 5 närvarande.", new { Present = 5, Secret = "Ingrid Närvarosson" }).MessageId;
                await db.SaveChangesAsync();
            }
            Assert.True(await app.WithDbAsync(db => db.DistrictMessages.AnyAsync(m => m.MessageId == queued && m.HasDetails)));
            Assert.True(await receiver.WaitForAsync(r => r.Refused >= 1));

            await WithdrawAsync(app, caseId);
            receiver.Refuse = null;
            // Past the retry's pause; again while waiting, since an attempt under way when the district came back was
            // refused and set its next attempt from the advanced clock.
            var arrived = false;
            for (var i = 0; i < 20 && !arrived; i++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));
                arrived = await receiver.WaitForAsync(r => r.Messages.Any(m => m.MessageId == queued), TimeSpan.FromSeconds(1));
            }
            Assert.True(arrived, "the queued message never arrived");
            var sent = receiver.Messages.Single(m => m.MessageId == queued);
            Assert.True(sent.SignatureValid);
            var body = BodyOf(sent);
            Assert.True(body.GetProperty("consentRequired").GetBoolean());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("details").ValueKind);
            Assert.Equal(DistrictOutbox.NoConsentText, body.GetProperty("text").GetString());
            Assert.Equal(queued, body.GetProperty("messageId").GetGuid());
            Assert.DoesNotContain("Närvarosson", sent.Body);
            Assert.DoesNotContain("vecka 11", sent.Body);

            // The outbox stores the delivery after the district has answered.
            DistrictMessage stored;
            var until = DateTime.UtcNow.AddSeconds(20);
            do
            {
                stored = await app.WithDbAsync(db => db.DistrictMessages.SingleAsync(m => m.MessageId == queued));
                if (stored.State == DeliveryState.Delivered) break;
                await Task.Delay(25);
            } while (DateTime.UtcNow < until);
            Assert.Equal(DeliveryState.Delivered, stored.State);
            Assert.False(stored.HasDetails);
            Assert.Equal(sent.Body, stored.Body);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
