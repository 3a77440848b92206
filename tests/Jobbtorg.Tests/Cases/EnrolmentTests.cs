using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Cases;

[CollectionDefinition(Name)]
public sealed class EnrolmentCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "Enrolment";
}

/// <summary>Enrolling a person booked on an info meeting: the coach is told before the click which meeting is cancelled,
/// and the button names it; afterwards the booking says why it was cancelled (case page, meeting page, API) and the district is
/// told of the enrolment and of the cancelled time, once each.</summary>
[Collection(EnrolmentCollection.Name)]
[Trait("Category", "Http")]
public sealed class EnrolmentTests(JobbtorgAppFactory app)
{
    private const string District = "alvsjo"; // served by Jobbtorg Vårberg; no endpoint configured, so messages go to the inbox
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private string Today => app.Today.ToString("yyyy-MM-dd");

    /// <summary>A meeting two days ahead at 10:00 Stockholm time (Thursday 12 March 2026 with the test clock).</summary>
    private async Task<InfoMeetingDto> ScheduleMeetingAsync(int capacity = 10)
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var scheduled = await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "varberg", kind = "Adult", date = app.Today.AddDays(2).ToString("yyyy-MM-dd"), time = "10:00", durationMinutes = 60,
            room = "Sal 2", capacity, language = "svenska",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        return (await scheduled.Content.ReadFromJsonAsync<List<InfoMeetingDto>>(Json))!.Single();
    }

    private async Task<CaseDto> ReferAsync(bool consent = true)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = consent, consentDate = consent ? Today : null, firstName = "Alva", lastName = "Älvsjö",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!;
    }

    private async Task<(AppUser User, HttpClient Client)> CoachAsync(string name, string? phone = null)
    {
        var user = await app.CreateUserAsync(Roles.Coach, centre: "varberg", name: name);
        if (phone is not null)
            await app.WithDbAsync(async db =>
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                stored.PhoneNumber = phone;
                return await db.SaveChangesAsync();
            });
        return (user, await app.SignInAsync(user));
    }

    private Task<List<DistrictMessage>> MessagesAsync(int caseId) =>
        app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync());

    private static JsonElement Details(DistrictMessage m) => JsonDocument.Parse(m.Body).RootElement.GetProperty("details");

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetStringAsync(redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_enrol_page_names_the_booked_meeting_before_the_click_and_the_banner_says_the_seat_was_released()
    {
        await ScheduleMeetingAsync();
        var referred = await ReferAsync();
        Assert.Equal("Booked", referred.InfoMeeting!.Status);
        var meeting = referred.InfoMeeting.Meeting!; // this test's meeting or one at the same time scheduled by another
        var (coachUser, coach) = await CoachAsync("Cora Varberg");
        var url = $"/Cases/Enrol/{referred.Id}";

        // Before the click: the page says which meeting, when, and that the district is told; the button names the cancellation.
        var page = await coach.GetStringAsync(url);
        Assert.Contains("data-testid=\"enrol-cancels-meeting\"", page);
        Assert.Contains("Alva Älvsjö är bokad på informationsmötet torsdag 12 mars 2026 kl. 10:00 på Jobbtorg Vårberg.", page);
        Assert.Contains("stadsdelen får besked", page);
        Assert.Contains("Avboka informationsmötet torsdag 12 mars 2026 kl. 10:00 och skriv in</button>", page);

        // A click on a page opened before the booking was made (it showed none) stores nothing and shows the booking.
        var stale = await coach.SubmitFormAsync(url, new() { ["EnrolmentDate"] = Today, ["CoachId"] = coachUser.Id, ["SeatBookingId"] = "0" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var shown = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Personen bokades på informationsmötet torsdag 12 mars 2026 kl. 10:00 efter att sidan öppnades.", shown);
        Assert.Contains("data-testid=\"enrol-cancels-meeting\"", shown);
        Assert.Equal(CaseStatus.Referred, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == referred.Id).Select(c => c.Status).SingleAsync()));
        var seats = await app.WithDbAsync(db => db.InfoMeetings.Where(m => m.Id == meeting.Id).Select(m => m.BookedSeats).SingleAsync());
        Assert.True(seats >= 1);
        Assert.Empty(await MessagesAsync(referred.Id));

        var bookingId = referred.InfoMeeting.BookingId!.Value;
        Assert.Contains($"name=\"SeatBookingId\" value=\"{bookingId}\"", page);
        var confirmed = await coach.SubmitFormAsync(url, new()
        {
            ["EnrolmentDate"] = Today, ["CoachId"] = coachUser.Id, ["SeatBookingId"] = bookingId.ToString(),
        });
        // The banner says the seat was released and the district told.
        var casePage = await FollowAsync(coach, confirmed);
        Assert.Contains("Alva Älvsjö är inskriven", casePage);
        Assert.Contains("Tiden på informationsmötet torsdag 12 mars 2026 kl. 10:00 är avbokad, platsen har gått vidare till kön och stadsdelen har fått besked.", casePage);
        Assert.Equal(seats - 1, await app.WithDbAsync(db => db.InfoMeetings.Where(m => m.Id == meeting.Id).Select(m => m.BookedSeats).SingleAsync()));
    }

    [Fact]
    public async Task After_enrolment_the_booking_gives_its_reason_on_the_case_page_the_meeting_page_and_in_the_API()
    {
        await ScheduleMeetingAsync();
        var referred = await ReferAsync();
        var meeting = referred.InfoMeeting!.Meeting!;
        var (coachUser, coach) = await CoachAsync("Cecilia Varberg");
        var enrolled = await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/enrolment", new { date = Today, coachId = coachUser.Id });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);

        // The case page: the earlier booking says why it was cancelled.
        var casePage = await coach.GetStringAsync($"/Cases/Details/{referred.Id}");
        Assert.Contains("Avbokad: inskriven före mötet", casePage);

        // The API: the case's booking names the reason.
        var booking = (await coach.GetFromJsonAsync<CaseBookingDto>($"/api/cases/{referred.Id}/info-meeting", Json))!;
        Assert.Equal(("Cancelled", CancellationReason.EnrolledBeforeMeeting), (booking.Status, booking.CancellationReason));
        var raw = await coach.GetStringAsync($"/api/cases/{referred.Id}/info-meeting");
        Assert.Contains("\"cancellationReason\":\"EnrolledBeforeMeeting\"", raw);
        var caseRaw = await coach.GetStringAsync($"/api/cases/{referred.Id}");
        Assert.Contains("\"cancellationReason\":\"EnrolledBeforeMeeting\"", caseRaw);

        // The meeting's page lists the cancelled booking apart, with the reason; the attendee API on request.
        var meetingPage = await coach.GetStringAsync($"/InfoMeetings/Meeting/{meeting.Id}");
        Assert.Contains("data-testid=\"cancelled-bookings\"", meetingPage);
        Assert.Contains("Avbokad: inskriven före mötet", meetingPage);
        Assert.Contains(referred.CaseRef, meetingPage);
        Assert.DoesNotContain((await coach.GetFromJsonAsync<List<AttendeeDto>>($"/api/info-meetings/{meeting.Id}/attendees", Json))!,
            a => a.CaseId == referred.Id);
        var all = (await coach.GetFromJsonAsync<List<AttendeeDto>>($"/api/info-meetings/{meeting.Id}/attendees?includeCancelled=true", Json))!;
        var cancelled = Assert.Single(all, a => a.CaseId == referred.Id);
        Assert.Equal((referred.Id, BookingStatus.Cancelled, CancellationReason.EnrolledBeforeMeeting), (cancelled.CaseId, cancelled.Status, cancelled.CancellationReason));
    }

    [Fact]
    public async Task The_district_is_told_of_the_enrolment_with_the_coach_and_of_the_cancelled_time_once_each()
    {
        await ScheduleMeetingAsync();
        var referred = await ReferAsync();
        var (coachUser, coach) = await CoachAsync("Conny Varberg", phone: "08-508 123 45");
        var form = new Dictionary<string, string>
        {
            ["EnrolmentDate"] = Today, ["CoachId"] = coachUser.Id, ["SeatBookingId"] = referred.InfoMeeting!.BookingId!.Value.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Enrol/{referred.Id}", form)).StatusCode);
        // Sent again (a double click, a second tab): refused, and nothing more is written.
        var again = await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/enrolment", new { date = Today, coachId = coachUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var messages = await MessagesAsync(referred.Id);
        Assert.Equal([MessageKind.Enrolled, MessageKind.InfoMeetingCancelled], messages.Select(m => m.Kind));
        Assert.Equal(2, messages.Select(m => m.MessageId).Distinct().Count());

        var enrolment = messages[0];
        Assert.True(enrolment.HasDetails);
        Assert.Contains("Conny Varberg", enrolment.Body);
        Assert.Contains(coachUser.Email!, enrolment.Body);
        var details = Details(enrolment);
        Assert.Equal(Today, details.GetProperty("enrolmentDate").GetString());
        Assert.Equal("varberg", details.GetProperty("jobCentre").GetString());
        Assert.Equal("08-508 123 45", details.GetProperty("coach").GetProperty("phone").GetString());
        Assert.Equal("2026-03-17", details.GetProperty("planDue").GetString());

        var cancellation = Details(messages[1]);
        Assert.Equal("EnrolledBeforeMeeting", cancellation.GetProperty("reason").GetString());
        Assert.StartsWith("2026-03-12T10:00:00", cancellation.GetProperty("meetingStart").GetString());
        Assert.EndsWith("En kallelse som deltagaren redan har fått gäller inte längre.",
            JsonDocument.Parse(messages[1].Body).RootElement.GetProperty("text").GetString());

        // The district's case worker reads both in the inbox.
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var inbox = await caseWorker.GetStringAsync("/Messages/Inbox");
        Assert.Contains("Deltagaren är inskriven på Jobbtorg Vårberg", inbox);
        Assert.Contains("Deltagaren skrevs in före informationsmötet 2026-03-12 10:00", inbox);
    }

    [Fact]
    public async Task Without_a_booked_meeting_the_page_asks_nothing_more_and_the_district_hears_only_of_the_enrolment()
    {
        // An imported referral is neither booked nor waiting, and carries no consent.
        var caseId = Assert.Single(await Jobbtorg.Tests.InfoMeetings.MeetingKit.ImportReferralsAsync(app, [new(TestPeople.Adult(app.Today), District)]));
        var (coachUser, coach) = await CoachAsync("Cilla Varberg");
        var page = await coach.GetStringAsync($"/Cases/Enrol/{caseId}");
        Assert.DoesNotContain("enrol-cancels-meeting", page);
        Assert.Contains("name=\"SeatBookingId\" value=\"0\"", page);

        var enrolled = await coach.SubmitFormAsync($"/Cases/Enrol/{caseId}", new() { ["EnrolmentDate"] = Today, ["CoachId"] = coachUser.Id });
        var casePage = await FollowAsync(coach, enrolled);
        Assert.DoesNotContain("platsen har gått vidare", casePage);

        // Without consent the message carries only the case reference and the request for consent: not the coach.
        var message = Assert.Single(await MessagesAsync(caseId));
        Assert.Equal((MessageKind.Enrolled, false), (message.Kind, message.HasDetails));
        Assert.DoesNotContain("Cilla", message.Body);
        Assert.Equal(DistrictOutbox.NoConsentText, JsonDocument.Parse(message.Body).RootElement.GetProperty("text").GetString());
    }
}

/// <summary>The enrolment's two messages against a district system's endpoint: each arrives once, signed, in the order
/// written (the enrolment, then the cancelled time). Its own application, on its own database.</summary>
[Trait("Category", "Http")]
public sealed class EnrolmentDeliveryTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task The_district_system_receives_the_enrolment_and_the_cancelled_time_exactly_once()
    {
        await using var receiver = new DistrictReceiver();
        await receiver.StartAsync();
        var app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
        {
            ["Jobbtorg:DistrictEndpoints:0:District"] = "alvsjo",
            ["Jobbtorg:DistrictEndpoints:0:Url"] = receiver.Url,
            ["Jobbtorg:DistrictEndpoints:0:Secret"] = receiver.Secret,
            ["Jobbtorg:Outbox:PollInterval"] = "00:00:00.050",
        });
        await app.InitializeAsync();
        try
        {
            var today = app.Today.ToString("yyyy-MM-dd");
            var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/info-meetings", new
            {
                jobCentre = "varberg", kind = "Adult", date = app.Today.AddDays(2).ToString("yyyy-MM-dd"), time = "10:00", durationMinutes = 60,
                room = "Sal 2", capacity = 5, language = "svenska",
            })).StatusCode);
            var referral = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
            {
                personalNumber = TestPeople.Adult(app.Today), district = "alvsjo", targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
                consentGiven = true, consentDate = today,
            });
            var referred = (await referral.Content.ReadFromJsonAsync<CaseDto>(Json))!;
            Assert.Equal("Booked", referred.InfoMeeting!.Status);
            var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "varberg");
            var coach = await app.SignInAsync(coachUser);
            Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/enrolment", new { date = today, coachId = coachUser.Id })).StatusCode);

            Assert.True(await receiver.WaitForAsync(r => r.Messages.Count >= 2), $"received {receiver.Messages.Count} of 2");
            var stored = await app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == referred.Id).OrderBy(m => m.Id).ToListAsync());
            // Delivered, and not sent again afterwards.
            for (var i = 0; i < 100 && !stored.All(m => m.State == DeliveryState.Delivered); i++)
            {
                await Task.Delay(50);
                stored = await app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == referred.Id).OrderBy(m => m.Id).ToListAsync());
            }
            await Task.Delay(300);
            Assert.All(stored, m => Assert.Equal(DeliveryState.Delivered, m.State));
            Assert.Equal(["Enrolled", "InfoMeetingCancelled"], receiver.Requests.Select(r => r.Kind));
            Assert.Equal(stored.Select(m => m.MessageId), receiver.Requests.Select(r => r.MessageId));
            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
            Assert.All(receiver.Requests, r => Assert.Equal(referred.CaseRef, r.CaseRef));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
