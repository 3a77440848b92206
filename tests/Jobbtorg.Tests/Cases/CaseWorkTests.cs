using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Cases;

[CollectionDefinition(Name)]
public sealed class CaseWorkCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "CaseWork";
}

/// <summary>Enrol, pause, resume and close give the same case whether a coach works it on the pages or a client through
/// the API, and each is stored whole or not at all: the case, the district's message and the info-meeting seat.</summary>
[Collection(CaseWorkCollection.Name)]
[Trait("Category", "Http")]
public sealed class CaseWorkTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private string Today => app.Today.ToString("yyyy-MM-dd");

    private async Task<InfoMeetingDto> ScheduleMeetingAsync()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var scheduled = await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "farsta", kind = "Adult", date = app.Today.AddDays(7).ToString("yyyy-MM-dd"), time = "10:00", durationMinutes = 60,
            room = "Sal 1", capacity = 20, language = "svenska",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        return (await scheduled.Content.ReadFromJsonAsync<List<InfoMeetingDto>>(Json))!.Single();
    }

    private async Task<CaseDto> ReferAsync()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = true, consentDate = Today,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!;
    }

    private async Task<CaseDto> ReadAsync(HttpClient client, int id) => (await client.GetFromJsonAsync<CaseDto>($"/api/cases/{id}", Json))!;

    private async Task<int> BookedSeatsAsync(int meetingId) => await app.WithDbAsync(db => db.InfoMeetings.Where(m => m.Id == meetingId).Select(m => m.BookedSeats).SingleAsync());

    private async Task<int> AllBookedSeatsAsync() => await app.WithDbAsync(db => db.InfoMeetings.SumAsync(m => m.BookedSeats));

    private async Task<List<MessageKind>> MessagesAsync(int caseId) =>
        await app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == caseId).OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync());

    /// <summary>The parts of a case both ways must agree on (not its id, reference or booking id).</summary>
    private static object Outcome(CaseDto c) => new
    {
        c.Status, c.EnrolmentDate, c.ReportingGroup, c.Coach, c.JobGuaranteeDeadline, c.JobGuarantee, c.ClosureDate, c.ClosureReason,
        c.ClosureSubReason, Booking = c.InfoMeeting?.Status,
    };

    [Fact]
    public async Task Enrolling_on_the_page_and_through_the_API_gives_the_same_case_and_frees_both_seats()
    {
        await ScheduleMeetingAsync();
        var onPage = await ReferAsync();
        var throughApi = await ReferAsync();
        Assert.Equal(("Booked", "Booked"), (onPage.InfoMeeting!.Status, throughApi.InfoMeeting!.Status));
        var seatsBefore = await AllBookedSeatsAsync();
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Lika");
        var coach = await app.SignInAsync(coachUser);

        var page = await coach.SubmitFormAsync($"/Cases/Enrol/{onPage.Id}", new()
        {
            ["EnrolmentDate"] = Today, ["CoachId"] = coachUser.Id, ["SeatBookingId"] = onPage.InfoMeeting.BookingId!.Value.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var api = await coach.PostAsJsonAsync($"/api/cases/{throughApi.Id}/enrolment", new { date = Today, coachId = coachUser.Id });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        var enrolled = await ReadAsync(coach, onPage.Id);
        Assert.Equal((CaseStatus.Enrolled, "Coach Lika", "Cancelled"), (enrolled.Status, enrolled.Coach, enrolled.InfoMeeting!.Status));
        Assert.Equal(Outcome(enrolled), Outcome(await ReadAsync(coach, throughApi.Id)));
        Assert.Equal(Outcome(enrolled), Outcome((await api.Content.ReadFromJsonAsync<CaseDto>(Json))!));
        Assert.Equal(seatsBefore - 2, await AllBookedSeatsAsync());
    }

    [Fact]
    public async Task Pausing_resuming_and_closing_on_the_pages_and_through_the_API_give_the_same_case_and_messages()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Samma");
        var coach = await app.SignInAsync(coachUser);
        var onPage = (await ReferAsync()).Id;
        var throughApi = (await ReferAsync()).Id;
        foreach (var id in new[] { onPage, throughApi })
            Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{id}/enrolment", new { date = Today, coachId = coachUser.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Pause/{onPage}", new() { ["PauseDate"] = Today, ["Reason"] = "Sickness" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{throughApi}/pause", new { date = Today, reason = "Sickness" })).StatusCode);
        var paused = await ReadAsync(coach, onPage);
        Assert.Equal(CaseStatus.Paused, paused.Status);
        Assert.Null(paused.JobGuaranteeDeadline);
        Assert.Equal(Outcome(paused), Outcome(await ReadAsync(coach, throughApi)));

        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Details/{onPage}", new() { ["ResumeDate"] = Today },
            $"/Cases/Details/{onPage}?handler=Resume")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{throughApi}/resume", new { date = Today })).StatusCode);
        var resumed = await ReadAsync(coach, onPage);
        Assert.Equal(CaseStatus.Enrolled, resumed.Status);
        Assert.Equal(Outcome(resumed), Outcome(await ReadAsync(coach, throughApi)));

        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Close/{onPage}",
            new() { ["ClosureDate"] = Today, ["Reason"] = "Work", ["SubReason"] = "Subsidised" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{throughApi}/closure",
            new { date = Today, reason = "Work", subReason = "Subsidised" })).StatusCode);
        var closed = await ReadAsync(coach, onPage);
        Assert.Equal((CaseStatus.Closed, ClosureReason.Work), (closed.Status, closed.ClosureReason));
        Assert.Equal(Outcome(closed), Outcome(await ReadAsync(coach, throughApi)));
        // The district hears every turn, the same both ways (a case booked on another test's meeting also hears its time was cancelled).
        MessageKind[] turns = [MessageKind.Enrolled, MessageKind.Paused, MessageKind.Resumed, MessageKind.Closure];
        Assert.Equal(turns, (await MessagesAsync(onPage)).Where(k => k != MessageKind.InfoMeetingCancelled));
        Assert.Equal(turns, (await MessagesAsync(throughApi)).Where(k => k != MessageKind.InfoMeetingCancelled));
    }

    [Fact]
    public async Task A_refused_closure_writes_no_message_and_keeps_the_seat_on_the_page_and_through_the_API()
    {
        await ScheduleMeetingAsync();
        var referred = await ReferAsync();
        var meeting = referred.InfoMeeting!.Meeting!;
        var seats = await BookedSeatsAsync(meeting.Id);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var beforeReferral = app.Today.AddDays(-1).ToString("yyyy-MM-dd");

        var api = await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/closure", new { date = beforeReferral, reason = "Unknown" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var page = await coach.SubmitFormAsync($"/Cases/Close/{referred.Id}", new() { ["ClosureDate"] = beforeReferral, ["Reason"] = "Unknown" });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Avslutsdatumet kan inte vara före", await page.Content.ReadAsStringAsync());

        var after = await ReadAsync(coach, referred.Id);
        Assert.Equal((CaseStatus.Referred, "Booked", meeting.Id), (after.Status, after.InfoMeeting!.Status, after.InfoMeeting.Meeting!.Id));
        Assert.Equal(seats, await BookedSeatsAsync(meeting.Id));
        Assert.Empty(await MessagesAsync(referred.Id));
    }

    [Fact]
    public async Task A_closure_whose_message_cannot_be_stored_leaves_the_case_and_its_seat_as_they_were()
    {
        await ScheduleMeetingAsync();
        var referred = await ReferAsync();
        var meeting = referred.InfoMeeting!.Meeting!;
        var seats = await BookedSeatsAsync(meeting.Id);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

        await RefuseMessagesAsync(true);
        try
        {
            var api = await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/closure", new { date = Today, reason = "Unknown" });
            Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        }
        finally
        {
            await RefuseMessagesAsync(false);
        }

        var after = await ReadAsync(coach, referred.Id);
        Assert.Equal((CaseStatus.Referred, "Booked", meeting.Id), (after.Status, after.InfoMeeting!.Status, after.InfoMeeting.Meeting!.Id));
        Assert.Equal(seats, await BookedSeatsAsync(meeting.Id));
        Assert.Empty(await MessagesAsync(referred.Id));

        // With the outbox working again the same closure goes through whole.
        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/closure", new { date = Today, reason = "Unknown" })).StatusCode);
        Assert.Equal(seats - 1, await BookedSeatsAsync(meeting.Id));
        Assert.Equal([MessageKind.Closure, MessageKind.InfoMeetingCancelled], await MessagesAsync(referred.Id));
    }

    [Fact]
    public async Task The_API_names_a_missing_field_and_refuses_a_case_worker_and_a_coach_of_another_centre()
    {
        var referred = await ReferAsync();
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var missing = await coach.PostAsJsonAsync($"/api/cases/{referred.Id}/enrolment", new { coachId = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"date\"", await missing.Content.ReadAsStringAsync());

        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseWorker.PostAsJsonAsync($"/api/cases/{referred.Id}/enrolment", new { date = Today })).StatusCode);
        var elsewhere = await app.SignInAsNewAsync(Roles.Coach, centre: "kista");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/cases/{referred.Id}/enrolment", new { date = Today })).StatusCode);
        Assert.Equal(CaseStatus.Referred, (await ReadAsync(coach, referred.Id)).Status);
    }

    /// <summary>Makes the database refuse every new district message, as a failing outbox would, after the case's own
    /// change has been written in the same transaction.</summary>
    private Task<int> RefuseMessagesAsync(bool refuse) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
        (refuse, JobbtorgAppFactory.OnPostgres) switch
        {
            (true, false) => "CREATE TRIGGER refuse_messages BEFORE INSERT ON \"DistrictMessages\" BEGIN SELECT RAISE(ABORT, 'the outbox is down'); END;",
            (false, false) => "DROP TRIGGER refuse_messages;",
            (true, true) => "CREATE FUNCTION refuse_messages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the outbox is down'; END $$; " +
                            "CREATE TRIGGER refuse_messages BEFORE INSERT ON \"DistrictMessages\" FOR EACH ROW EXECUTE FUNCTION refuse_messages();",
            (false, true) => "DROP TRIGGER refuse_messages ON \"DistrictMessages\"; DROP FUNCTION refuse_messages();",
        }));
}
