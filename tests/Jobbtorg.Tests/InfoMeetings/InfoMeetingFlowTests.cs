using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.InfoMeetings;

[CollectionDefinition(Name)]
public sealed class InfoMeetingCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "InfoMeetings";
}

[Collection(InfoMeetingCollection.Name)]
[Trait("Category", "Http")]
public sealed class InfoMeetingFlowTests(JobbtorgAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private object Referral(string personalNumber, string district) => new
    {
        personalNumber, district, targetGroup = "UnemployedOnBenefit", receivesBenefit = true, consentGiven = true,
        consentDate = app.Today.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Referrals_fill_the_earliest_meeting_then_the_next_and_then_wait()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "vallingby");
        var firstDay = app.Today.AddDays(7);
        var scheduled = await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "vallingby", kind = "Adult", date = firstDay.ToString("yyyy-MM-dd"), time = "09:30", durationMinutes = 90,
            room = "Sal 1", capacity = 2, language = "svenska", weeks = 2,
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var meetings = (await scheduled.Content.ReadFromJsonAsync<List<InfoMeetingDto>>(Json))!;
        Assert.Equal(2, meetings.Count);

        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var answers = new List<CaseDto>();
        for (var i = 0; i < 5; i++)
        {
            var response = await robot.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), "bromma"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            answers.Add((await response.Content.ReadFromJsonAsync<CaseDto>(Json))!);
        }

        Assert.Equal([meetings[0].Id, meetings[0].Id, meetings[1].Id, meetings[1].Id], answers.Take(4).Select(a => a.InfoMeeting!.Meeting!.Id));
        Assert.Equal("Waiting", answers[4].InfoMeeting!.Status);

        // A cancellation frees a seat and the waiting case takes it.
        var cancelled = await robot.PostAsync($"/api/cases/{answers[0].Id}/info-meeting/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var waiting = await robot.GetFromJsonAsync<CaseBookingDto>($"/api/cases/{answers[4].Id}/info-meeting", Json);
        Assert.Equal("Booked", waiting!.Status);
        Assert.Equal(meetings[0].Id, waiting.Meeting!.Id);
    }

    [Fact]
    public async Task A_case_worker_sees_the_booked_time_and_downloads_the_invitation_in_Stockholm_time()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "kista");
        var day = app.Today.AddDays(10);
        var scheduled = await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "kista", kind = "Adult", date = day.ToString("yyyy-MM-dd"), time = "13:15", durationMinutes = 60,
            room = "Rum Tensta", capacity = 5, language = "arabiska",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);

        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "spanga-tensta");
        var referred = await caseWorker.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), "spanga-tensta"));
        var created = (await referred.Content.ReadFromJsonAsync<CaseDto>(Json))!;
        Assert.Equal("Booked", created.InfoMeeting!.Status);

        var page = await caseWorker.GetStringAsync($"/Cases/Details/{created.Id}");
        Assert.Contains("kl. 13:15", page);
        Assert.Contains("Rum Tensta", page);

        var start = await caseWorker.GetStringAsync("/");
        Assert.Contains("Nästa lediga tid", start);
        Assert.Contains("kl. 13:15", start);

        var ics = await caseWorker.GetAsync($"/InfoMeetings/Invitation/{created.InfoMeeting.BookingId}?handler=Ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains($"DTSTART;TZID=Europe/Stockholm:{day:yyyyMMdd}T131500", calendar);
        Assert.Contains($"DTEND;TZID=Europe/Stockholm:{day:yyyyMMdd}T141500", calendar);
        Assert.Contains("BEGIN:VTIMEZONE", calendar);

        var letter = await caseWorker.GetStringAsync($"/InfoMeetings/Invitation/{created.InfoMeeting.BookingId}");
        Assert.Contains("Kallelse till informationsmöte", letter);
        Assert.Contains("13:15–14:15", letter);
        Assert.Contains("legitimation", letter);
    }

    [Fact]
    public async Task On_the_case_page_a_case_worker_chooses_another_meeting_is_told_when_it_is_full_and_cancels()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        async Task<InfoMeetingDto> ScheduleAsync(int days, int capacity) => (await (await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date = app.Today.AddDays(days).ToString("yyyy-MM-dd"), time = "10:00", durationMinutes = 60,
            room = $"Rum {days}", capacity, language = "svenska",
        })).Content.ReadFromJsonAsync<List<InfoMeetingDto>>(Json))!.Single();
        var first = await ScheduleAsync(7, 5);
        var small = await ScheduleAsync(14, 1);
        var last = await ScheduleAsync(21, 1);

        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "farsta");
        async Task<CaseDto> ReferAsync() =>
            (await (await caseWorker.PostAsJsonAsync("/api/referrals", Referral(TestPeople.Adult(app.Today), "farsta"))).Content.ReadFromJsonAsync<CaseDto>(Json))!;
        async Task<CaseBookingDto> BookingAsync(int caseId) => (await caseWorker.GetFromJsonAsync<CaseBookingDto>($"/api/cases/{caseId}/info-meeting", Json))!;
        var one = await ReferAsync();
        var two = await ReferAsync();
        Assert.Equal(first.Id, one.InfoMeeting!.Meeting!.Id);
        Assert.Equal(first.Id, two.InfoMeeting!.Meeting!.Id);

        var chosen = await caseWorker.SubmitFormAsync($"/Cases/Details/{one.Id}", new() { ["MeetingId"] = small.Id.ToString() },
            $"/InfoMeetings/CaseBooking/{one.Id}?handler=Book");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var afterChoice = await BookingAsync(one.Id);
        Assert.Equal(("Booked", small.Id, true), (afterChoice.Status, afterChoice.Meeting!.Id, afterChoice.ChosenByHand));

        // The small meeting is full now: the page says so and the case keeps its place on the first meeting.
        var full = await caseWorker.SubmitFormAsync($"/Cases/Details/{two.Id}", new() { ["MeetingId"] = small.Id.ToString() },
            $"/InfoMeetings/CaseBooking/{two.Id}?handler=Book");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("Mötet är fullbokat.", await full.Content.ReadAsStringAsync());
        Assert.Equal(first.Id, (await BookingAsync(two.Id)).Meeting!.Id);

        // Cancelling frees the seat and books the case on the next meeting with room, not the one it gave up.
        var cancel = await caseWorker.SubmitFormAsync($"/Cases/Details/{two.Id}", new(),
            $"/InfoMeetings/CaseBooking/{two.Id}?handler=Outcome&outcome=Cancelled");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(last.Id, (await BookingAsync(two.Id)).Meeting!.Id);
        var page = await caseWorker.GetStringAsync($"/Cases/Details/{two.Id}");
        Assert.Contains("Avbokad", page); // the earlier booking, listed with its outcome
    }
}
