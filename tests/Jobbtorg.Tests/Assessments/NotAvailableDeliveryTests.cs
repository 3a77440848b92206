using System.Text.Json;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.DistrictMessages;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Assessments.AssessmentKit;

namespace Jobbtorg.Tests.Assessments;

/// <summary>The message that an in-depth assessment found the person not available, as the district's system receives it
/// over HTTP: signed, with the result while consent stands, and only the request to obtain consent without it.</summary>
[Trait("Category", "Http")]
public sealed class NotAvailableDeliveryTests
{
    private const string District = "farsta";

    [Fact]
    public async Task The_districts_system_receives_the_result_with_consent_and_only_a_request_for_consent_without()
    {
        await using var receiver = new DistrictReceiver();
        await receiver.StartAsync();
        var app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
        {
            ["Jobbtorg:DistrictEndpoints:0:District"] = District,
            ["Jobbtorg:DistrictEndpoints:0:Url"] = receiver.Url,
            ["Jobbtorg:DistrictEndpoints:0:Secret"] = receiver.Secret,
            ["Jobbtorg:Outbox:PollInterval"] = "00:00:00.050",
        });
        await app.InitializeAsync();
        try
        {
            var consented = await ReferAsync(app, District, consent: true);
            var withoutConsent = await ReferAsync(app, District, consent: false);
            await SignAsync(app, consented, Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null,
                ("health_limits", "major"), ("health_own_words", "Svår värk i knäna"));
            await SignAsync(app, withoutConsent, Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, null,
                ("health_limits", "major"));

            const string kind = nameof(MessageKind.AssessedNotAvailable);
            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count(m => m.Kind == kind) == 2), "both messages arrive");
            var refs = await app.WithDbAsync(db => Task.FromResult(db.Cases.Where(c => c.Id == consented || c.Id == withoutConsent)
                .ToDictionary(c => c.Id, c => c.CaseRef)));
            var received = receiver.Messages.Where(m => m.Kind == kind).ToDictionary(m => m.CaseRef);
            Assert.All(received.Values, m => Assert.True(m.SignatureValid));

            var full = JsonDocument.Parse(received[refs[consented]].Body).RootElement;
            Assert.False(full.GetProperty("consentRequired").GetBoolean());
            Assert.Contains("trepartssamtal", full.GetProperty("text").GetString());
            Assert.Equal("NotAvailable", full.GetProperty("details").GetProperty("availability").GetString());
            Assert.Equal("ThreePartyMeeting", full.GetProperty("details").GetProperty("proposed").GetString());
            Assert.DoesNotContain("värk", received[refs[consented]].Body);

            var bare = JsonDocument.Parse(received[refs[withoutConsent]].Body).RootElement;
            Assert.True(bare.GetProperty("consentRequired").GetBoolean());
            Assert.Equal(DistrictOutbox.NoConsentText, bare.GetProperty("text").GetString());
            Assert.Equal(JsonValueKind.Null, bare.GetProperty("details").ValueKind);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
