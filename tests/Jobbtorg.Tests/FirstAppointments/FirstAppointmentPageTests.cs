using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.FirstAppointments;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.InfoMeetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StockholmClock = Jobbtorg.Features.Shared.Clock;

namespace Jobbtorg.Tests.FirstAppointments;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class FirstAppointmentPageTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta
    private const string ReferralText = "Har skulder och sover dåligt sedan skilsmässan.";

    private sealed record Parties(int CaseId, string CaseRef, string PersonalNumber, AppUser CoachUser, HttpClient Coach, HttpClient CaseWorker);

    /// <summary>The next working day after today, in the same week or the next. The collection's clock is shared by every
    /// test of the collection and never moves here.</summary>
    private DateOnly NextWorkingDayAfterToday() => NextWorkingDay(app.Today);

    private static DateOnly NextWorkingDay(DateOnly after)
    {
        var day = after.AddDays(1);
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>A case referred by the district's case worker (with or without the person's consent), enrolled by a Farsta coach
    /// who has a telephone number on file.</summary>
    private async Task<Parties> EnrolledCaseAsync(bool consent = true)
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == coachUser.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "08-508 000 00")));
        var coach = await app.SignInAsync(coachUser);
        var personalNumber = TestPeople.Adult(app.Today);
        var form = new Dictionary<string, string>
        {
            ["Input.PersonalNumber"] = personalNumber, ["Input.FirstName"] = "Första", ["Input.LastName"] = "Samtalsson",
            ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true",
            ["Input.Text"] = ReferralText,
        };
        if (consent) { form["Input.ConsentGiven"] = "true"; form["Input.ConsentDate"] = app.Today.ToString("yyyy-MM-dd"); }
        var referral = await caseWorker.SubmitFormAsync("/Referrals/New", form);
        Assert.Equal(HttpStatusCode.Redirect, referral.StatusCode);
        var id = int.Parse(referral.Headers.Location!.OriginalString.Split('/').Last());
        var enrol = await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = app.Today.ToString("yyyy-MM-dd"), ["CoachId"] = coachUser.Id });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CaseRef).SingleAsync());
        return new Parties(id, caseRef, personalNumber, coachUser, coach, caseWorker);
    }

    private static Dictionary<string, string> Booking(DateOnly date, string time, string coachId) => new()
    {
        ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Time"] = time, ["Input.CoachId"] = coachId,
    };

    private Task<List<FirstAppointment>> AppointmentsAsync(int caseId) =>
        app.WithDbAsync(db => db.FirstAppointments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync());

    private Task<List<DistrictMessage>> MessagesAsync(int caseId) =>
        app.WithDbAsync(db => db.DistrictMessages.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == MessageKind.FirstAppointment)
            .OrderBy(m => m.Id).ToListAsync());

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The error shown beside a form field (the validation span for it).</summary>
    private static string? FieldError(string html, string field)
    {
        var at = html.IndexOf($"data-valmsg-for=\"{field}\"", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = html.IndexOf('>', at) + 1;
        var text = html[start..html.IndexOf("</span>", start, StringComparison.Ordinal)].Trim();
        return text.Length == 0 ? null : text;
    }

    [Fact]
    public async Task Booked_from_the_case_it_shows_on_the_case_and_both_start_pages_with_a_letter_and_a_calendar_file()
    {
        var day = NextWorkingDayAfterToday();
        var p = await EnrolledCaseAsync();
        var url = $"/Cases/FirstAppointment/{p.CaseId}";

        var booked = await p.Coach.SubmitFormAsync(url, Booking(day, "10:30", p.CoachUser.Id));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal($"/Cases/Details/{p.CaseId}", booked.Headers.Location!.OriginalString);
        var a = Assert.Single(await AppointmentsAsync(p.CaseId));
        Assert.Equal(FirstAppointmentStatus.Booked, a.Status);
        Assert.Equal(StockholmClock.FromStockholm(day, new TimeOnly(10, 30)), a.StartsAt);
        Assert.Equal(p.CoachUser.Id, a.CoachId);

        // On the case page for both sides; the coach's "my first appointments", the case worker's district list with the coach.
        foreach (var side in new[] { p.Coach, p.CaseWorker })
            Assert.Contains("case-first-appointment", await side.GetStringAsync($"/Cases/Details/{p.CaseId}"));
        var coachStart = await p.Coach.GetStringAsync("/");
        Assert.Contains("my-first-appointments", coachStart);
        Assert.Contains(p.CaseRef, coachStart[coachStart.IndexOf("my-first-appointments", StringComparison.Ordinal)..]);
        var workerStart = WebUtility.HtmlDecode(await p.CaseWorker.GetStringAsync("/"));
        var section = workerStart[workerStart.IndexOf("district-first-appointments", StringComparison.Ordinal)..];
        Assert.Contains(p.CaseRef, section);
        Assert.Contains(p.CoachUser.DisplayName, section);
        // Another coach of the centre does not have it among their own.
        var otherCoach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        Assert.DoesNotContain(p.CaseRef, await otherCoach.GetStringAsync("/"));

        // The letter: time, place, coach and how to reach them; nothing from the referral, no personal number.
        var letter = await HtmlAsync(await p.CaseWorker.GetAsync($"{url}/Letter"));
        Assert.Contains("Första samtal med din jobbcoach", letter);
        Assert.Contains("10:30–11:30", letter);
        Assert.Contains(day.ToString("d MMMM yyyy", Jobbtorg.Features.Shared.Texts.Swedish), letter);
        Assert.Contains("Jobbtorg Farsta", letter);
        Assert.Contains(p.CoachUser.DisplayName, letter);
        Assert.Contains(p.CoachUser.Email!, letter);
        Assert.Contains("08-508 000 00", letter);
        foreach (var sensitive in new[] { p.PersonalNumber, p.PersonalNumber[2..8], ReferralText, "skulder", "försörjningsstöd", "ekonomiskt bistånd", "samtycke", p.CaseRef })
            Assert.DoesNotContain(sensitive, letter, StringComparison.OrdinalIgnoreCase);

        // The calendar file, parsed back: Stockholm time, the place, the coach.
        var ics = await p.Coach.GetAsync($"{url}/Letter?handler=Ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Stockholm", e.Start!.TzId);
        Assert.Equal(day.ToDateTime(new TimeOnly(10, 30)), e.Start.Value);
        Assert.Equal(day.ToDateTime(new TimeOnly(11, 30)), e.End!.Value);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Contains("Jobbtorg Farsta", e.Location);
        Assert.Contains(p.CoachUser.DisplayName, e.Description);
        Assert.DoesNotContain(p.PersonalNumber[2..8], await (await p.Coach.GetAsync($"{url}/Letter?handler=Ics")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Booked_from_the_info_meeting_page_for_someone_who_attended_and_back_to_the_meeting()
    {
        var day = NextWorkingDayAfterToday();
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/districts/{District}/quotas/Adult", new { placesPerWeek = 1000 })).StatusCode);
        var meeting = (await MeetingKit.ScheduleAsync(manager, "farsta", "Adult", app.Today, capacity: 10, time: "13:00")).Single();
        var people = await MeetingKit.ImportReferralsAsync(app, MeetingKit.Adults(app, District, 2));
        foreach (var id in people)
            Assert.True((await MeetingKit.BookAsync(app.ApiClient(JobbtorgAppFactory.RobotKey), id, meeting.Id)).IsSuccessStatusCode);
        var (came, stayedAway) = (people[0], people[1]);
        Assert.True((await coach.PostAsJsonAsync($"/api/cases/{came}/info-meeting/attendance", new { outcome = "Attended" })).IsSuccessStatusCode);
        Assert.True((await coach.PostAsJsonAsync($"/api/cases/{stayedAway}/info-meeting/attendance", new { outcome = "NoShow" })).IsSuccessStatusCode);

        var meetingUrl = $"/InfoMeetings/Meeting/{meeting.Id}";
        var page = await coach.GetStringAsync(meetingUrl);
        var section = page[page.IndexOf("meeting-first-appointments", StringComparison.Ordinal)..];
        Assert.Contains($"data-case=\"{came}\"", section);
        Assert.DoesNotContain($"data-case=\"{stayedAway}\"", section);
        Assert.Contains($"/Cases/FirstAppointment/{came}?returnUrl=", section);

        var booked = await coach.SubmitFormAsync(meetingUrl, Booking(day, "09:00", coachUser.Id),
            $"/Cases/FirstAppointment/{came}?returnUrl={Uri.EscapeDataString(meetingUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(meetingUrl, booked.Headers.Location!.OriginalString);
        var a = Assert.Single(await AppointmentsAsync(came));
        Assert.Equal(StockholmClock.FromStockholm(day, new TimeOnly(9, 0)), a.StartsAt);
        // The meeting page now shows the time instead of the form.
        var after = await coach.GetStringAsync(meetingUrl);
        Assert.Contains("data-testid=\"first-appointment\"", after);
        Assert.DoesNotContain($"/Cases/FirstAppointment/{came}?returnUrl=", after);
        // A return address outside the meeting pages is not followed: back to the case instead.
        var elsewhere = await coach.SubmitFormAsync(meetingUrl, Booking(day, "11:00", coachUser.Id),
            $"/Cases/FirstAppointment/{stayedAway}?returnUrl={Uri.EscapeDataString("//elsewhere.example/x")}");
        Assert.Equal($"/Cases/Details/{stayedAway}", elsewhere.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Past_weekend_holiday_after_hours_and_a_foreign_coach_are_refused_beside_their_fields()
    {
        var p = await EnrolledCaseAsync();
        var url = $"/Cases/FirstAppointment/{p.CaseId}";
        var kistaCoach = await app.CreateUserAsync(Roles.Coach, centre: "kista");
        var working = NextWorkingDay(app.Today);
        var saturday = WorkingDays.MondayOf(app.Today).AddDays(12);
        var holiday = new DateOnly(app.Today.Year + 1, 1, 1); // New Year's Day

        var past = await HtmlAsync(await p.Coach.SubmitFormAsync(url, Booking(app.Today.AddDays(-1), "10:00", p.CoachUser.Id)));
        Assert.Equal("Samtalet kan inte ligga bakåt i tiden.", FieldError(past, "Input.Date"));
        var weekend = await HtmlAsync(await p.Coach.SubmitFormAsync(url, Booking(saturday, "10:00", p.CoachUser.Id)));
        Assert.Contains("är inte en arbetsdag", FieldError(weekend, "Input.Date"));
        var newYear = await HtmlAsync(await p.Coach.SubmitFormAsync(url, Booking(holiday, "10:00", p.CoachUser.Id)));
        Assert.Contains("är inte en arbetsdag", FieldError(newYear, "Input.Date"));
        var early = await HtmlAsync(await p.Coach.SubmitFormAsync(url, Booking(working, "07:30", p.CoachUser.Id)));
        Assert.Equal("Samtalet måste ligga inom arbetstiden, 08:00–17:00, och tar 60 minuter.", FieldError(early, "Input.Time"));
        var late = await HtmlAsync(await p.Coach.SubmitFormAsync(url, Booking(working, "16:30", p.CoachUser.Id)));
        Assert.NotNull(FieldError(late, "Input.Time"));
        var foreign = await HtmlAsync(await p.Coach.SubmitFormAsync(url, Booking(working, "10:00", kistaCoach.Id)));
        Assert.Equal("Välj en jobbcoach på ärendets jobbtorg.", FieldError(foreign, "Input.CoachId"));
        Assert.Null(FieldError(foreign, "Input.Date"));
        Assert.Empty(await AppointmentsAsync(p.CaseId));
        Assert.Empty(await MessagesAsync(p.CaseId));

        // The API names the same fields, in the reader's language.
        var api = await p.Coach.PostAsJsonAsync($"/api/cases/{p.CaseId}/first-appointment",
            new { date = saturday.ToString("yyyy-MM-dd"), time = "07:00", coachId = kistaCoach.Id });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _));
        Assert.True(errors.TryGetProperty("coachId", out _));
        var missing = await p.Coach.PostAsJsonAsync($"/api/cases/{p.CaseId}/first-appointment", new { coachId = p.CoachUser.Id });
        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("date", out _) && missingErrors.TryGetProperty("time", out _));
    }

    [Fact]
    public async Task A_second_open_appointment_and_a_closed_case_are_refused_on_the_page_and_in_the_api()
    {
        var p = await EnrolledCaseAsync();
        var day = NextWorkingDay(app.Today);
        var api = $"/api/cases/{p.CaseId}/first-appointment";
        var first = await p.Coach.PostAsJsonAsync(api, new { date = day.ToString("yyyy-MM-dd"), time = "10:00", coachId = p.CoachUser.Id });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await p.Coach.PostAsJsonAsync(api, new { date = day.ToString("yyyy-MM-dd"), time = "13:00", coachId = p.CoachUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await HtmlAsync(await p.Coach.SubmitFormAsync($"/Cases/FirstAppointment/{p.CaseId}", Booking(day, "14:00", p.CoachUser.Id)));
        Assert.Contains("Ärendet har redan ett bokat första samtal: flytta eller avboka det.", page);
        Assert.Single(await AppointmentsAsync(p.CaseId));

        // Closed: the booked time stays as it was, and no new one can be made.
        var closed = await EnrolledCaseAsync();
        var close = await closed.Coach.PostAsJsonAsync($"/api/cases/{closed.CaseId}/closure", new { date = app.Today.ToString("yyyy-MM-dd"), reason = "Studies" });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var refused = await closed.Coach.PostAsJsonAsync($"/api/cases/{closed.CaseId}/first-appointment",
            new { date = day.ToString("yyyy-MM-dd"), time = "10:00", coachId = closed.CoachUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).ToString();
        Assert.True(detail.Contains("Ärendet är avslutat") || detail.Contains("The case is closed"), detail);
        Assert.Empty(await AppointmentsAsync(closed.CaseId));
    }

    [Fact]
    public async Task Moving_and_cancelling_with_a_reason_tell_the_district_with_consent_and_leave_room_for_a_new_booking()
    {
        var p = await EnrolledCaseAsync(consent: true);
        var url = $"/Cases/FirstAppointment/{p.CaseId}";
        var day = NextWorkingDay(app.Today);
        var later = NextWorkingDay(day);
        Assert.Equal(HttpStatusCode.Redirect, (await p.Coach.SubmitFormAsync(url, Booking(day, "10:00", p.CoachUser.Id))).StatusCode);

        var moved = await p.Coach.SubmitFormAsync(url, Booking(later, "14:00", p.CoachUser.Id), $"{url}?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var a = Assert.Single(await AppointmentsAsync(p.CaseId));
        Assert.Equal(StockholmClock.FromStockholm(later, new TimeOnly(14, 0)), a.StartsAt);
        Assert.Equal(1, a.Moves);
        // The calendar file moves the same entry.
        var calendar = Ical.Net.Calendar.Load(await p.Coach.GetStringAsync($"{url}/Letter?handler=Ics"))!;
        Assert.Equal(1, Assert.Single(calendar.Events).Sequence);

        var noReason = await HtmlAsync(await p.Coach.SubmitFormAsync(url, new() { ["Reason"] = " " }, $"{url}?handler=Cancel"));
        Assert.Equal("Ange varför samtalet avbokas.", FieldError(noReason, "Reason"));
        Assert.Equal(FirstAppointmentStatus.Booked, Assert.Single(await AppointmentsAsync(p.CaseId)).Status);

        var cancelled = await p.Coach.SubmitFormAsync(url, new() { ["Reason"] = "Deltagaren är sjuk den veckan." }, $"{url}?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        a = Assert.Single(await AppointmentsAsync(p.CaseId));
        Assert.Equal(FirstAppointmentStatus.Cancelled, a.Status);
        Assert.Equal("Deltagaren är sjuk den veckan.", a.CancelReason);
        Assert.Contains("STATUS:CANCELLED", await p.Coach.GetStringAsync($"{url}/Letter?handler=Ics"));

        // The district heard of each change, with details; the reason stays with the job centre.
        var messages = await MessagesAsync(p.CaseId);
        Assert.Equal(["Booked", "Moved", "Cancelled"], messages.Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("details").GetProperty("change").GetString()));
        Assert.All(messages, m => Assert.True(m.HasDetails));
        var movedBody = JsonDocument.Parse(messages[1].Body).RootElement;
        Assert.Equal(p.CoachUser.DisplayName, movedBody.GetProperty("details").GetProperty("coach").GetProperty("name").GetString());
        Assert.Contains($"{later:yyyy-MM-dd} 14:00", movedBody.GetProperty("text").GetString());
        Assert.DoesNotContain("sjuk", messages[2].Body);
        // The case worker sees the appointment cancelled, but not the reason.
        var casePage = await HtmlAsync(await p.CaseWorker.GetAsync($"/Cases/Details/{p.CaseId}"));
        Assert.Contains("Avbokat", casePage);
        Assert.DoesNotContain("sjuk den veckan", casePage);

        // A new time can be booked now.
        Assert.Equal(HttpStatusCode.Redirect, (await p.Coach.SubmitFormAsync(url, Booking(later, "09:00", p.CoachUser.Id))).StatusCode);
        Assert.Equal(2, (await AppointmentsAsync(p.CaseId)).Count);
    }

    [Fact]
    public async Task Without_consent_the_district_is_only_asked_to_obtain_consent()
    {
        var p = await EnrolledCaseAsync(consent: false);
        var day = NextWorkingDay(app.Today);
        Assert.Equal(HttpStatusCode.Redirect,
            (await p.Coach.SubmitFormAsync($"/Cases/FirstAppointment/{p.CaseId}", Booking(day, "11:00", p.CoachUser.Id))).StatusCode);
        var message = Assert.Single(await MessagesAsync(p.CaseId));
        Assert.False(message.HasDetails);
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.True(body.GetProperty("consentRequired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("details").ValueKind);
        Assert.Equal(DistrictOutbox.NoConsentText, body.GetProperty("text").GetString());
        Assert.DoesNotContain(p.CoachUser.DisplayName, message.Body);
    }

    [Fact]
    public async Task The_outcome_is_recorded_once_the_appointment_has_begun_and_a_no_show_is_reported()
    {
        var came = await EnrolledCaseAsync();
        var missed = await EnrolledCaseAsync();
        var ahead = await EnrolledCaseAsync();
        await BookDirectlyAsync(came, app.Clock.GetUtcNow().AddMinutes(-30));
        await BookDirectlyAsync(missed, app.Clock.GetUtcNow().AddMinutes(-30));
        Assert.Equal(HttpStatusCode.OK, (await ahead.Coach.PostAsJsonAsync($"/api/cases/{ahead.CaseId}/first-appointment",
            new { date = NextWorkingDay(app.Today).ToString("yyyy-MM-dd"), time = "10:00", coachId = ahead.CoachUser.Id })).StatusCode);

        var url = $"/Cases/FirstAppointment/{came.CaseId}";
        Assert.Contains("outcome-form", await came.Coach.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await came.Coach.SubmitFormAsync(url, new() { ["attended"] = "true" }, $"{url}?handler=Outcome")).StatusCode);
        var held = Assert.Single(await AppointmentsAsync(came.CaseId));
        Assert.Equal(FirstAppointmentStatus.Attended, held.Status);
        Assert.Contains("Genomfört", await came.CaseWorker.GetStringAsync($"/Cases/Details/{came.CaseId}"));
        Assert.Empty(await MessagesAsync(came.CaseId)); // attended is not reported
        // Held once: no second first appointment.
        var again = await came.Coach.PostAsJsonAsync($"/api/cases/{came.CaseId}/first-appointment",
            new { date = NextWorkingDay(app.Today).ToString("yyyy-MM-dd"), time = "10:00", coachId = came.CoachUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var noShow = await missed.Coach.PostAsJsonAsync($"/api/cases/{missed.CaseId}/first-appointment/outcome", new { attended = false });
        Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        Assert.Equal(FirstAppointmentStatus.NoShow, Assert.Single(await AppointmentsAsync(missed.CaseId)).Status);
        var reported = Assert.Single(await MessagesAsync(missed.CaseId));
        Assert.Contains("kom inte till det första samtalet", JsonDocument.Parse(reported.Body).RootElement.GetProperty("text").GetString());

        // Not before it begins.
        var early = await ahead.Coach.PostAsJsonAsync($"/api/cases/{ahead.CaseId}/first-appointment/outcome", new { attended = true });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(FirstAppointmentStatus.Booked, Assert.Single(await AppointmentsAsync(ahead.CaseId)).Status);
    }

    [Fact]
    public async Task Only_the_centre_books_the_district_reads_and_providers_and_keys_without_scope_see_nothing()
    {
        var p = await EnrolledCaseAsync();
        var day = NextWorkingDay(app.Today);
        var api = $"/api/cases/{p.CaseId}/first-appointment";
        var page = $"/Cases/FirstAppointment/{p.CaseId}";
        var body = new { date = day.ToString("yyyy-MM-dd"), time = "10:00", coachId = p.CoachUser.Id };

        // The district's case worker sees it but books nothing; another district's neither sees nor books.
        var refused = await p.CaseWorker.PostAsJsonAsync(api, body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var stranger = await app.SignInAsNewAsync(Roles.CaseWorker, district: "bromma");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(api, body)).StatusCode);
        var provider = await app.SignInAsNewAsync(Roles.Provider);
        Assert.NotEqual(HttpStatusCode.OK, (await provider.GetAsync(page)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await provider.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync(api, body)).StatusCode);
        Assert.Empty(await AppointmentsAsync(p.CaseId));

        // A manager of the centre books.
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync(api, body)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await p.CaseWorker.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.CaseWorker.GetAsync($"{page}/Letter")).StatusCode);
        var districtKey = await app.ApiClient(JobbtorgAppFactory.EavKey).GetAsync(api);
        Assert.Equal(HttpStatusCode.OK, districtKey.StatusCode);
        var dto = await districtKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Booked", dto.GetProperty("status").GetString());
        Assert.Equal(p.CoachUser.DisplayName, dto.GetProperty("coach").GetProperty("name").GetString());
        var noScope = await app.ApiClient(JobbtorgAppFactory.NoScopeKey).GetAsync(api);
        Assert.True(noScope.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{noScope.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(JobbtorgAppFactory.EavKey).PostAsJsonAsync($"{api}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.CaseWorker.PostAsJsonAsync($"{api}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(FirstAppointmentStatus.Booked, Assert.Single(await AppointmentsAsync(p.CaseId)).Status);
    }

    private async Task BookDirectlyAsync(Parties p, DateTimeOffset start)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Jobbtorg.Data.JobbtorgDb>();
        var coach = await db.Users.SingleAsync(u => u.Id == p.CoachUser.Id);
        var c = await db.Cases.SingleAsync(x => x.Id == p.CaseId);
        // Any time of day: the hours are judged when booking, and this one was booked the day before with hours that allowed it.
        var hours = new FirstAppointmentOptions { Opens = TimeOnly.MinValue, Closes = TimeOnly.MaxValue, Minutes = 60 };
        while (!WorkingDays.IsWorkingDay(DateOnly.FromDateTime(start.ToOffset(TimeSpan.FromHours(1)).DateTime))) start = start.AddDays(-1);
        var a = FirstAppointment.Book(c, [], start, coach, [coach.Id], hours, "Test", start.AddDays(-1));
        db.FirstAppointments.Add(a);
        await db.SaveChangesAsync();
    }
}
