using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>The info-meeting pages as a manager and a coach use them. These tests keep to Vårberg and
/// Rosenlundsgatan; the collection's clock is shared, so each works out its dates from today and only moves it on.</summary>
[Collection(InfoMeetingCollection.Name)]
[Trait("Category", "Http")]
public sealed class InfoMeetingPageTests(JobbtorgAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static Dictionary<string, string> MeetingForm(string centre, DateOnly date, string time = "09:30", string capacity = "12",
        string weeks = "1", string room = "Sal 2", string kind = "Adult") => new()
    {
        ["Meeting.JobCentre"] = centre, ["Meeting.Kind"] = kind, ["Meeting.Date"] = date.ToString("yyyy-MM-dd"), ["Meeting.Time"] = time,
        ["Meeting.DurationMinutes"] = "90", ["Meeting.Room"] = room, ["Meeting.Capacity"] = capacity, ["Meeting.Language"] = "svenska",
        ["Meeting.Weeks"] = weeks,
    };

    private async Task<HttpResponseMessage> ScheduleAsync(HttpClient manager, string centre, Dictionary<string, string> form) =>
        await manager.SubmitFormAsync($"/InfoMeetings?centre={centre}", form, $"/InfoMeetings?centre={centre}&handler=Schedule");

    private async Task<int> ScheduleOneAsync(HttpClient manager, string centre, DateOnly date, string room, string capacity = "12")
    {
        var response = await ScheduleAsync(manager, centre, MeetingForm(centre, date, capacity: capacity, room: room));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.InfoMeetings.Where(m => m.Room == room).Select(m => m.Id).SingleAsync());
    }

    private sealed record Referred(CaseDto Case, string PersonalNumber, string Name)
    {
        public int Id => Case.Id;
        public string CaseRef => Case.CaseRef;
    }

    private async Task<Referred> ReferAsync(string district)
    {
        var personalNumber = TestPeople.Adult(app.Today);
        var lastName = $"Deltagare{Guid.NewGuid():N}"[..16];
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber, district, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"), firstName = "Testa", lastName,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new((await response.Content.ReadFromJsonAsync<CaseDto>(Json))!, personalNumber, $"Testa {lastName}");
    }

    private async Task<CaseBookingDto> BookingOfAsync(int caseId) =>
        (await app.ApiClient(JobbtorgAppFactory.RobotKey).GetFromJsonAsync<CaseBookingDto>($"/api/cases/{caseId}/info-meeting", Json))!;

    /// <summary>The attendee row of a booking on the meeting page.</summary>
    private static string Row(string html, int caseId)
    {
        var match = Regex.Match(html, $"<tr data-booking=\"\\d+\" data-case=\"{caseId}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"Case {caseId} is not on the attendee list.");
        return match.Groups[1].Value;
    }

    private static string Notice(string html) => Regex.Match(html, "<p class=\"notice\" role=\"status\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task A_manager_schedules_a_weekly_recurrence_and_sees_every_meeting()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "rosenlundsgatan");
        var first = app.Today.AddDays(7);
        var room = $"Sal R{Guid.NewGuid():N}"[..12];

        var response = await ScheduleAsync(manager, "rosenlundsgatan", MeetingForm("rosenlundsgatan", first, time: "13:15", weeks: "3", room: room));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await manager.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("3 möten schemalades", Notice(page));
        var rows = Regex.Matches(page, "<tr data-meeting=\"\\d+\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => m.Value).Where(r => r.Contains(room)).ToList();
        Assert.Equal(3, rows.Count);
        for (var week = 0; week < 3; week++)
        {
            // Stockholm time across the change to summer time: always 13:15.
            var day = first.AddDays(7 * week).ToString("yyyy-MM-dd");
            Assert.Contains(rows, r => r.Contains($"{day} 13:15") && r.Contains("0 av 12") && r.Contains("Vuxen"));
            Assert.Contains($"Vecka {InfoMeeting.IsoWeekOf(first.AddDays(7 * week))}", page);
        }
        Assert.Contains("Informationsmöten", page); // the menu link
    }

    [Fact]
    public async Task A_bad_field_is_shown_in_swedish_next_to_it_and_nothing_is_stored()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "rosenlundsgatan");
        var room = $"Sal F{Guid.NewGuid():N}"[..12];

        var response = await ScheduleAsync(manager, "rosenlundsgatan", MeetingForm("rosenlundsgatan", app.Today.AddDays(7), capacity: "0", weeks: "2", room: room));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mötet schemalades inte", page);
        Assert.Matches("<span[^>]*id=\"Meeting_Capacity-error\"[^>]*>Antalet platser är mellan 1 och 500.</span>", page);
        Assert.Contains("aria-describedby=\"Meeting_Capacity-error\"", page);
        Assert.Contains($"value=\"{room}\"", page); // what was typed is kept
        Assert.False(await app.WithDbAsync(db => db.InfoMeetings.AnyAsync(m => m.Room == room)));
    }

    [Fact]
    public async Task A_coach_sees_the_meetings_but_cannot_schedule()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var room = $"Sal C{Guid.NewGuid():N}"[..12];
        await ScheduleOneAsync(manager, "varberg", app.Today.AddDays(8), room);
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "varberg");

        var page = await coach.GetStringAsync("/InfoMeetings");
        Assert.Contains(room, page);
        Assert.Contains("Jobbtorg Vårberg", page);
        Assert.DoesNotContain("data-testid=\"schedule-form\"", page);
        Assert.DoesNotContain("Spara platserna", page);

        var other = $"Sal X{Guid.NewGuid():N}"[..12];
        var response = await coach.SubmitFormAsync("/InfoMeetings", MeetingForm("varberg", app.Today.AddDays(9), room: other), "/InfoMeetings?handler=Schedule");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.InfoMeetings.AnyAsync(m => m.Room == other)));
    }

    [Fact]
    public async Task A_raised_quota_books_a_waiting_case()
    {
        const string district = "skarholmen";
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var districtId = await app.WithDbAsync(db => db.Districts.Where(d => d.Code == district).Select(d => d.Id).SingleAsync());
        await AssertQuotaRowAsync(manager, district);
        const int row = 0; // only this district's row is posted

        var closed = await manager.SubmitFormAsync("/InfoMeetings?centre=varberg", QuotaForm(row, district, "0"), "/InfoMeetings?centre=varberg&handler=Quotas");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await ScheduleOneAsync(manager, "varberg", app.Today.AddDays(10), $"Sal Q{Guid.NewGuid():N}"[..12]);
        var waiting = await ReferAsync(district);
        Assert.Equal("Waiting", waiting.Case.InfoMeeting!.Status);
        var before = await manager.GetStringAsync("/InfoMeetings?centre=varberg");
        Assert.Contains($"<tr data-case=\"{waiting.Id}\">", before);
        Assert.Contains($"href=\"/Cases/Details/{waiting.Id}\">{waiting.CaseRef}</a>", before);

        // A quota that is not a number is refused with the reason next to the field.
        var bad = await manager.SubmitFormAsync("/InfoMeetings?centre=varberg", QuotaForm(row, district, "-3"), "/InfoMeetings?centre=varberg&handler=Quotas");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Matches("<span[^>]*id=\"Quotas_\\d+__PlacesPerWeek-error\"[^>]*>Platserna per vecka är mellan 0 och 10000.</span>", await bad.Content.ReadAsStringAsync());

        var raised = await manager.SubmitFormAsync("/InfoMeetings?centre=varberg", QuotaForm(row, district, "15"), "/InfoMeetings?centre=varberg&handler=Quotas");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var after = await manager.GetStringAsync(raised.Headers.Location!.OriginalString);
        Assert.Contains("Kvoterna är sparade. 1 ärende på väntelistan bokades in på ett möte.", Notice(after));
        Assert.DoesNotContain($"<tr data-case=\"{waiting.Id}\">", after);
        Assert.Matches($"(?s)<tr data-district=\"{district}\" data-kind=\"Adult\">.*?value=\"15\"", after);
        Assert.Equal("Booked", (await BookingOfAsync(waiting.Id)).Status);
        Assert.Equal(15, await app.WithDbAsync(db => db.DistrictQuotas.Where(q => q.DistrictId == districtId && q.Kind == MeetingKind.Adult)
            .Select(q => q.PlacesPerWeek).SingleAsync()));
    }

    private static Dictionary<string, string> QuotaForm(int row, string district, string places) => new()
    {
        [$"Quotas[{row}].District"] = district, [$"Quotas[{row}].Kind"] = "Adult", [$"Quotas[{row}].PlacesPerWeek"] = places,
    };

    private static async Task AssertQuotaRowAsync(HttpClient manager, string district)
    {
        var page = await manager.GetStringAsync("/InfoMeetings?centre=varberg");
        Assert.Matches($"name=\"Quotas\\[\\d+\\].District\" value=\"{district}\"", page);
    }

    [Fact]
    public async Task A_coach_records_attendance_and_a_no_show_is_booked_again()
    {
        var start = app.Today;
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var meetingId = await ScheduleOneAsync(manager, "varberg", start.AddDays(2), $"Sal A{Guid.NewGuid():N}"[..12]);
        await ScheduleOneAsync(manager, "varberg", start.AddDays(16), $"Sal B{Guid.NewGuid():N}"[..12]);
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);
        var came = await ReferAsync("alvsjo");
        var stayedAway = await ReferAsync("hagersten-liljeholmen");
        foreach (var c in new[] { came, stayedAway })
            Assert.Equal(HttpStatusCode.OK, (await robot.PostAsJsonAsync($"/api/cases/{c.Id}/info-meeting", new { meetingId })).StatusCode);
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "varberg");
        var coach = await app.SignInAsync(coachUser);
        var url = $"/InfoMeetings/Meeting/{meetingId}";

        // Before the day only a cancellation can be recorded, and the page says when attendance opens.
        var early = await coach.GetStringAsync(url);
        Assert.Contains("Närvaro kan registreras från och med mötesdagen", early);
        Assert.DoesNotContain("value=\"Attended\"", Row(early, came.Id));
        Assert.Contains(came.CaseRef, Row(early, came.Id));
        Assert.Contains(came.Name, Row(early, came.Id));
        Assert.DoesNotContain(came.PersonalNumber, early);
        Assert.DoesNotContain(came.PersonalNumber[..8], early);

        // The morning of the meeting.
        var meetingStart = await app.WithDbAsync(db => db.InfoMeetings.Where(m => m.Id == meetingId).Select(m => m.StartsAt).SingleAsync());
        app.Clock.SetUtcNow(meetingStart.AddMinutes(30));
        coach = await app.SignInAsync(coachUser); // the sign-in of two days ago has expired
        var page = await coach.GetStringAsync(url);
        var bookingOf = (int caseId) => int.Parse(Regex.Match(page, $"<tr data-booking=\"(\\d+)\" data-case=\"{caseId}\">").Groups[1].Value);

        var attended = await coach.SubmitFormAsync(url, new() { ["bookingId"] = bookingOf(came.Id).ToString(), ["outcome"] = "Attended" }, url + "?handler=Outcome");
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);
        page = await coach.GetStringAsync(url);
        Assert.Contains("var på mötet och kan nu skrivas in", Notice(page));
        Assert.Contains("Närvarande", Row(page, came.Id));
        Assert.Contains($"href=\"/Cases/Enrol/{came.Id}\"", Row(page, came.Id));

        var noShow = await coach.SubmitFormAsync(url, new() { ["bookingId"] = bookingOf(stayedAway.Id).ToString(), ["outcome"] = "NoShow" }, url + "?handler=Outcome");
        Assert.Equal(HttpStatusCode.Redirect, noShow.StatusCode);
        page = await coach.GetStringAsync(url);
        Assert.Contains("uteblev", Notice(page));
        Assert.Contains("Ombokad till", Notice(page));
        Assert.Contains("Uteblev", Row(page, stayedAway.Id));
        Assert.DoesNotContain("/Cases/Enrol/", Row(page, stayedAway.Id));

        // The person who stayed away has a new booking, on a later meeting whose list shows them.
        var again = await BookingOfAsync(stayedAway.Id);
        Assert.Equal("Booked", again.Status);
        Assert.NotEqual(meetingId, again.Meeting!.Id);
        Assert.Contains("Bokad", Row(await coach.GetStringAsync($"/InfoMeetings/Meeting/{again.Meeting.Id}"), stayedAway.Id));

        // A second outcome for the same booking is refused with the reason.
        var twice = await coach.SubmitFormAsync(url, new() { ["bookingId"] = bookingOf(came.Id).ToString(), ["outcome"] = "NoShow" }, url + "?handler=Outcome");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("Bokningen har redan ett utfall", await twice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_manager_cancels_a_meeting_after_confirming_and_its_people_are_booked_again()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var meetingId = await ScheduleOneAsync(manager, "varberg", app.Today.AddDays(5), $"Sal K{Guid.NewGuid():N}"[..12]);
        await ScheduleOneAsync(manager, "varberg", app.Today.AddDays(12), $"Sal L{Guid.NewGuid():N}"[..12]);
        var person = await ReferAsync("alvsjo");
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsJsonAsync($"/api/cases/{person.Id}/info-meeting", new { meetingId })).StatusCode);
        var url = $"/InfoMeetings/Meeting/{meetingId}";

        var unconfirmed = await manager.SubmitFormAsync(url, new(), url + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Kryssa i rutan för att bekräfta", await unconfirmed.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.InfoMeetings.Where(m => m.Id == meetingId).Select(m => m.CancelledAt != null).SingleAsync()));

        var cancelled = await manager.SubmitFormAsync(url, new() { ["confirm"] = "true" }, url + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var page = await manager.GetStringAsync(url);
        Assert.Contains("Mötet är inställt. 1 var bokad: 1 fick ett annat möte och 0 hamnade på väntelistan.", Notice(page));
        Assert.Contains("data-testid=\"cancelled\"", page);
        Assert.NotEqual(meetingId, (await BookingOfAsync(person.Id)).Meeting!.Id);
    }
}
