using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.InfoMeetings.MeetingKit;

namespace Jobbtorg.Tests.InfoMeetings;

[Collection(BookingRulesCollection.Name)]
[Trait("Category", "Http")]
public sealed class AttendanceAndAccessTests(JobbtorgAppFactory app)
{
    private HttpClient Robot => app.ApiClient(JobbtorgAppFactory.RobotKey);

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, int caseId, string outcome) =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/info-meeting/attendance", new { outcome });

    private async Task<int> SeatsAsync(int meetingId) =>
        (await Robot.GetFromJsonAsync<InfoMeetingDto>($"/api/info-meetings/{meetingId}", Json))!.BookedSeats;

    // Vällingby: Hässelby-Vällingby.
    [Fact]
    public async Task Attendance_is_recorded_on_the_day_no_shows_are_booked_again_and_the_waiting_time_is_reported()
    {
        var start = app.Today;
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "vallingby");
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "vallingby");
        var coach = await app.SignInAsync(coachUser);
        var meeting = (await ScheduleAsync(manager, "vallingby", "Adult", start.AddDays(2), capacity: 10)).Single();
        var nextWeek = (await ScheduleAsync(manager, "vallingby", "Adult", start.AddDays(9), capacity: 10)).Single();

        var attends = await ReferAsync(app, new Person(TestPeople.Adult(start), "hasselby-vallingby", ReferralDate: start.AddDays(-4)));
        var attendsToo = await ReferAsync(app, new Person(TestPeople.Adult(start), "hasselby-vallingby", ReferralDate: start.AddDays(-1)));
        var staysAway = await ReferAsync(app, new Person(TestPeople.Adult(start), "hasselby-vallingby"));
        var closed = await ReferAsync(app, new Person(TestPeople.Adult(start), "hasselby-vallingby"));
        var enrolledEarly = await ReferAsync(app, new Person(TestPeople.Adult(start), "hasselby-vallingby"));
        Assert.All(new[] { attends, attendsToo, staysAway, closed, enrolledEarly }, c => Assert.Equal(meeting.Id, c.InfoMeeting!.Meeting!.Id));
        Assert.Equal(5, await SeatsAsync(meeting.Id));

        // From which day attendance can be recorded is InfoMeetingRulesTests. Closing or enrolling the case gives its seat back.
        var close = await coach.SubmitFormAsync($"/Cases/Close/{closed.Id}", new() { ["ClosureDate"] = start.ToString("yyyy-MM-dd"), ["Reason"] = "Unknown" });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var enrol = await coach.SubmitFormAsync($"/Cases/Enrol/{enrolledEarly.Id}", new() { ["EnrolmentDate"] = start.ToString("yyyy-MM-dd"), ["CoachId"] = coachUser.Id });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.Equal(3, await SeatsAsync(meeting.Id));
        Assert.Equal("Cancelled", (await StateAsync(Robot, closed.Id)).Status);
        Assert.Equal("Cancelled", (await StateAsync(Robot, enrolledEarly.Id)).Status);

        app.Clock.Advance(TimeSpan.FromDays(2)); // the meeting day, after the start
        coach = await app.SignInAsync(coachUser); // the earlier sign-in has expired on the moved clock
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(Robot, attends.Id, "Attended")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(await app.SignInAsNewAsync(Roles.Coach, centre: "kista"), attends.Id, "Attended")).StatusCode);
        Assert.Equal("Attended", (await ReadBookingAsync(await RecordAsync(coach, attends.Id, "Attended"))).Status);
        Assert.Equal("Attended", (await ReadBookingAsync(await RecordAsync(coach, attendsToo.Id, "Attended"))).Status);
        var rebooked = await ReadBookingAsync(await RecordAsync(coach, staysAway.Id, "NoShow"));
        Assert.Equal(("Booked", nextWeek.Id), (rebooked.Status, rebooked.Meeting!.Id));
        Assert.StartsWith("The case has no booking", await RefusalAsync(await RecordAsync(coach, attends.Id, "NoShow")));

        // The district sees who came and who did not; the seats of those who came stay taken.
        var attendees = (await Robot.GetFromJsonAsync<List<AttendeeDto>>($"/api/info-meetings/{meeting.Id}/attendees", Json))!;
        Assert.Equal([(attends.Id, BookingStatus.Attended), (attendsToo.Id, BookingStatus.Attended), (staysAway.Id, BookingStatus.NoShow)],
            attendees.Select(a => (a.CaseId, a.Status)));
        Assert.All(attendees, a => Assert.Equal("hasselby-vallingby", a.District));
        Assert.Equal(3, await SeatsAsync(meeting.Id));
        // The no-show, and only it, is a message to the district.
        var messages = await app.WithDbAsync(db => db.DistrictMessages.Where(m => m.CaseId == attends.Id || m.CaseId == attendsToo.Id || m.CaseId == staysAway.Id)
            .Select(m => new { m.CaseId, m.Kind }).ToListAsync());
        Assert.Equal([(staysAway.Id, Jobbtorg.Features.DistrictMessages.MessageKind.InfoMeetingNoShow)], messages.Select(m => (m.CaseId, m.Kind)));
        var outcomes = await app.WithDbAsync(db => db.InfoMeetingOutcomes.Where(o => o.CaseId == attends.Id || o.CaseId == attendsToo.Id || o.CaseId == staysAway.Id)
            .OrderBy(o => o.CaseId).Select(o => new { o.CaseId, o.Date, o.Attended }).ToListAsync());
        Assert.Equal([(attends.Id, true), (attendsToo.Id, true), (staysAway.Id, false)], outcomes.Select(o => (o.CaseId, o.Attended)));
        Assert.All(outcomes, o => Assert.Equal(start.AddDays(2), o.Date));

        // Enrolled after the meeting, the two who came are measured: 6 and 3 days from referral, median 4.5.
        foreach (var id in new[] { attends.Id, attendsToo.Id })
            Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync($"/Cases/Enrol/{id}",
                new() { ["EnrolmentDate"] = app.Today.ToString("yyyy-MM-dd"), ["CoachId"] = coachUser.Id })).StatusCode);
        var report = JsonDocument.Parse(await Robot.GetStringAsync(
            $"/api/reports/indicators?from={start:yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}&groupBy=jobCentre")).RootElement;
        var vallingby = report.GetProperty("groups").GetProperty("vallingby");
        Assert.Equal(3, vallingby.GetProperty("newlyEnrolled").GetInt32());
        Assert.Equal(4.5, vallingby.GetProperty("medianDaysReferralToInfoMeeting").GetDouble());
        await AssertConsistentAsync(app);
    }

    [Fact]
    public async Task A_district_key_sees_only_its_own_cases_and_only_managers_schedule_meetings()
    {
        var cases = await ImportReferralsAsync(app, [new Person(TestPeople.Adult(app.Today), "enskede-arsta-vantor"), new Person(TestPeople.Adult(app.Today), "alvsjo")]);
        var (own, other) = (cases[0], cases[1]);
        var eav = app.ApiClient(JobbtorgAppFactory.EavKey);
        Assert.Equal("None", (await StateAsync(eav, own)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await eav.GetAsync($"/api/cases/{other}/info-meeting")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(eav, other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eav.PostAsync($"/api/cases/{other}/info-meeting/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(eav, other, "Attended")).StatusCode);
        Assert.Equal("None", (await StateAsync(Robot, other)).Status);

        var day = NextMonday(app.Today).AddDays(3);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostMeetingAsync(eav, "farsta", "Adult", day, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await eav.PutAsJsonAsync("/api/districts/enskede-arsta-vantor/quotas/Adult", new { placesPerWeek = 99 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostMeetingAsync(await app.SignInAsNewAsync(Roles.Coach, centre: "lunda"), "lunda", "Adult", day, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostMeetingAsync(await app.SignInAsNewAsync(Roles.CaseWorker, district: "enskede-arsta-vantor"), "lunda", "Adult", day, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/info-meetings")).StatusCode);

        // A manager schedules only at their own centre (and its branches) and sets only the quotas it serves.
        var lundaManager = await app.SignInAsNewAsync(Roles.Manager, centre: "lunda");
        var refused = await PostMeetingAsync(lundaManager, "varberg", "Adult", day, 5);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("You may only schedule meetings at your own job centre.",
            JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("jobCentre")[0].GetString());
        Assert.Equal("You may only set the quotas of districts your job centre serves.",
            await RefusalAsync(await lundaManager.PutAsJsonAsync("/api/districts/alvsjo/quotas/Adult", new { placesPerWeek = 99 })));
        Assert.Equal(HttpStatusCode.NotFound, (await lundaManager.PutAsJsonAsync("/api/districts/atlantis/quotas/Adult", new { placesPerWeek = 1 })).StatusCode);
        Assert.Equal(20, (await Robot.GetFromJsonAsync<Dictionary<MeetingKind, int>>("/api/districts/alvsjo/quotas", Json))![MeetingKind.Adult]);
        var lundaMeeting = (await ScheduleAsync(lundaManager, "lunda", "Adult", day, 5)).Single();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsNewAsync(Roles.Manager, centre: "varberg")).PostAsync($"/api/info-meetings/{lundaMeeting.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lundaManager.PostAsync("/api/info-meetings/999999/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_bad_meeting_is_refused_naming_each_field_in_english_or_swedish()
    {
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var before = await app.WithDbAsync(db => db.InfoMeetings.CountAsync());

        var empty = await admin.PostAsJsonAsync("/api/info-meetings", new { durationMinutes = 5, weeks = 60, capacity = InfoMeeting.MaxCapacity + 1, room = new string('x', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["capacity", "date", "durationMinutes", "jobCentre", "kind", "room", "time", "weeks"],
            errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Choose the job centre.", errors.GetProperty("jobCentre")[0].GetString());
        Assert.Equal("The number of seats is between 1 and 500.", errors.GetProperty("capacity")[0].GetString());

        var swedish = app.ApiClient(JobbtorgAppFactory.RobotKey);
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        var admin2 = await app.SignInAsNewAsync(Roles.Administrator);
        admin2.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");
        var svErrors = JsonDocument.Parse(await (await admin2.PostAsJsonAsync("/api/info-meetings", new { jobCentre = "atlantis", capacity = 0 }))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Antalet platser är mellan 1 och 500.", svErrors.GetProperty("capacity")[0].GetString());
        Assert.Contains("atlantis", svErrors.GetProperty("jobCentre")[0].GetString());
        Assert.Equal("Ange lokal.", svErrors.GetProperty("room")[0].GetString());

        // A value of the wrong kind is named too.
        var badKind = await admin.PostAsJsonAsync("/api/info-meetings", new { jobCentre = "lunda", kind = "Teenager" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True(JsonDocument.Parse(await badKind.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.InfoMeetings.CountAsync()));

        // Other endpoints name their fields as well.
        var noDistrict = JsonDocument.Parse(await (await swedish.GetAsync("/api/info-meetings/next-free")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Välj stadsdel.", noDistrict.GetProperty("errors").GetProperty("district")[0].GetString());
        var noPlaces = await admin.PutAsJsonAsync("/api/districts/alvsjo/quotas/Adult", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noPlaces.StatusCode);
        Assert.True(JsonDocument.Parse(await noPlaces.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("placesPerWeek", out _));
        Assert.StartsWith("The weekly places are between", await RefusalAsync(await admin.PutAsJsonAsync("/api/districts/alvsjo/quotas/Adult", new { placesPerWeek = -1 })));
        var noOutcome = await Robot.PostAsJsonAsync($"/api/cases/{(await ImportReferralsAsync(app, [new Person(TestPeople.Adult(app.Today), "alvsjo")]))[0]}/info-meeting/attendance", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.True(JsonDocument.Parse(await noOutcome.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("outcome", out _));
    }
}
