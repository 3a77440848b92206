using System.Net;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.ThreePartyMeetings;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.ThreePartyMeetings;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ThreePartyMeetingPageTests(JobbtorgAppFactory app)
{
    private const string District = "enskede-arsta-vantor"; // served by Jobbtorg Farsta

    private sealed record Parties(int CaseId, string CaseRef, string PersonalNumber, AppUser CoachUser, HttpClient Coach, HttpClient CaseWorker);

    /// <summary>A case referred by the district's case worker and enrolled by a coach at Farsta.</summary>
    private async Task<Parties> EnrolledCaseAsync()
    {
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var coach = await app.SignInAsync(coachUser);
        var personalNumber = TestPeople.Adult(app.Today);
        var referral = await caseWorker.SubmitFormAsync("/Referrals/New", new()
        {
            ["Input.PersonalNumber"] = personalNumber, ["Input.FirstName"] = "Tre", ["Input.LastName"] = "Testsson",
            ["Input.District"] = District, ["Input.TargetGroup"] = "UnemployedOnBenefit", ["Input.ReceivesBenefit"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, referral.StatusCode);
        var id = int.Parse(referral.Headers.Location!.OriginalString.Split('/').Last());
        var enrol = await coach.SubmitFormAsync($"/Cases/Enrol/{id}", new() { ["EnrolmentDate"] = app.Today.ToString("yyyy-MM-dd"), ["CoachId"] = coachUser.Id });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CaseRef).SingleAsync());
        return new Parties(id, caseRef, personalNumber, coachUser, coach, caseWorker);
    }

    private static Dictionary<string, string> Booking(DateOnly date, string time, string minutes = "60", string form = "Video", string place = "Länk skickas med e-post") => new()
    {
        ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Time"] = time, ["Input.DurationMinutes"] = minutes, ["Input.Form"] = form, ["Input.Place"] = place,
    };

    private Task<List<ThreePartyMeeting>> MeetingsAsync(int caseId) =>
        app.WithDbAsync(db => db.ThreePartyMeetings.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task The_case_worker_books_a_meeting_that_both_sides_see_with_a_calendar_file_and_either_side_can_cancel()
    {
        var p = await EnrolledCaseAsync();
        var day = app.Today.AddDays(2);
        var url = $"/Cases/ThreePartyMeeting/{p.CaseId}";

        var booked = await p.CaseWorker.SubmitFormAsync(url, Booking(day, "13:00"));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal($"/Cases/Details/{p.CaseId}", booked.Headers.Location!.OriginalString);

        var meeting = Assert.Single(await MeetingsAsync(p.CaseId));
        Assert.Equal(ThreePartyMeetingStatus.Planned, meeting.Status);
        // 13:00 in Stockholm (12:00 UTC in winter), stored as UTC.
        Assert.Equal(Jobbtorg.Features.Shared.Clock.FromStockholm(day, new TimeOnly(13, 0)), meeting.StartsAt);
        Assert.Equal(TimeSpan.Zero, meeting.StartsAt.Offset);
        Assert.Equal(60, meeting.DurationMinutes);
        Assert.Equal(ThreePartyMeetingForm.Video, meeting.Form);

        // Visible on the case page to both sides and on both start pages.
        foreach (var side in new[] { p.Coach, p.CaseWorker })
        {
            Assert.Contains($"/Cases/ThreePartyMeeting/{p.CaseId}/{meeting.Id}", await side.GetStringAsync($"/Cases/Details/{p.CaseId}"));
            var start = await side.GetStringAsync("/");
            Assert.Contains("upcoming-three-party", start);
            Assert.Contains(p.CaseRef, start);
        }

        // The calendar file is in Stockholm time and names the case number, not the person.
        var ics = await p.Coach.GetAsync($"{url}/{meeting.Id}?handler=Ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains($"DTSTART;TZID=Europe/Stockholm:{day:yyyyMMdd}T130000", calendar);
        Assert.Contains(p.CaseRef, calendar);
        Assert.DoesNotContain(p.PersonalNumber[2..8], calendar);
        Assert.DoesNotContain("Testsson", calendar);

        // The coach cancels; the meeting leaves the start pages and the calendar file says so.
        var cancel = await p.Coach.SubmitFormAsync($"{url}/{meeting.Id}", new(), $"{url}/{meeting.Id}?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(ThreePartyMeetingStatus.Cancelled, Assert.Single(await MeetingsAsync(p.CaseId)).Status);
        Assert.DoesNotContain(p.CaseRef, await p.CaseWorker.GetStringAsync("/"));
        Assert.Contains("STATUS:CANCELLED", await p.Coach.GetStringAsync($"{url}/{meeting.Id}?handler=Ics"));
    }

    [Fact]
    public async Task The_booking_form_uses_each_id_once_and_each_way_of_meeting_has_its_own_label()
    {
        var p = await EnrolledCaseAsync();
        var url = $"/Cases/ThreePartyMeeting/{p.CaseId}";
        var page = await p.Coach.GetStringAsync(url);

        Assert.Empty(HtmlIds.Duplicates(page));
        var ids = HtmlIds.All(page);
        var labelled = HtmlIds.Labelled(page);
        foreach (var form in Enum.GetValues<ThreePartyMeetingForm>())
        {
            Assert.Contains($"Input_Form_{form}", ids);
            Assert.Contains($"Input_Form_{form}", labelled);
        }
        Assert.Contains("value=\"InPerson\" checked", page.Replace("checked=\"checked\"", "checked"));

        // Refused and shown again, the form still uses each id once.
        var refused = await p.Coach.SubmitFormAsync(url, Booking(app.Today.AddDays(-1), "10:00"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Empty(HtmlIds.Duplicates(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Overlapping_times_past_times_and_missing_fields_are_refused_in_swedish_next_to_the_fields()
    {
        var p = await EnrolledCaseAsync();
        var day = app.Today.AddDays(3);
        var url = $"/Cases/ThreePartyMeeting/{p.CaseId}";
        Assert.Equal(HttpStatusCode.Redirect, (await p.Coach.SubmitFormAsync(url, Booking(day, "09:00"))).StatusCode);

        var overlap = await p.CaseWorker.SubmitFormAsync(url, Booking(day, "09:30", form: "InPerson", place: "Jobbtorg Farsta"));
        Assert.Equal(HttpStatusCode.OK, overlap.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await overlap.Content.ReadAsStringAsync());
        Assert.Contains("Ärendet har redan ett trepartssamtal vid den tiden", html);
        Assert.Contains("field-validation-error", html);

        var past = System.Net.WebUtility.HtmlDecode(await (await p.Coach.SubmitFormAsync(url, Booking(app.Today.AddDays(-1), "10:00"))).Content.ReadAsStringAsync());
        Assert.Contains("Mötet måste börja senare än nu.", past);

        var missing = System.Net.WebUtility.HtmlDecode(await (await p.Coach.SubmitFormAsync(url, Booking(day, "15:00", minutes: "500", place: ""))).Content.ReadAsStringAsync());
        Assert.Contains("Ange var mötet hålls, eller hur man ansluter via video eller telefon.", missing);
        Assert.Contains("Mötet ska vara mellan 15 och 240 minuter långt.", missing);

        // Right after the first one is fine.
        Assert.Equal(HttpStatusCode.Redirect, (await p.CaseWorker.SubmitFormAsync(url, Booking(day, "10:00"))).StatusCode);
        Assert.Equal(2, (await MeetingsAsync(p.CaseId)).Count);
    }

    [Fact]
    public async Task After_the_meeting_the_coach_records_notes_in_the_journal_and_the_meeting_is_held()
    {
        var p = await EnrolledCaseAsync();
        // A meeting that began an hour ago, booked the day before.
        var meetingId = await BookDirectlyAsync(p, app.Clock.GetUtcNow().AddHours(-1));
        var url = $"/Cases/ThreePartyMeeting/{p.CaseId}/{meetingId}";

        // The case worker does not write in the job centre's journal.
        var refused = await p.CaseWorker.SubmitFormAsync(url, new() { ["NotesText"] = "x" }, $"{url}?handler=Notes");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "");

        var empty = await p.Coach.SubmitFormAsync(url, new() { ["NotesText"] = " " }, $"{url}?handler=Notes");
        Assert.Contains("Skriv anteckningarna från mötet.", System.Net.WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));

        var saved = await p.Coach.SubmitFormAsync(url, new() { ["NotesText"] = "Överens om praktik. Handläggaren följer upp." }, $"{url}?handler=Notes");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var meeting = Assert.Single(await MeetingsAsync(p.CaseId));
        Assert.Equal(ThreePartyMeetingStatus.Held, meeting.Status);
        var note = await app.WithDbAsync(db => db.JournalEntries.SingleAsync(j => j.Id == meeting.NotesEntryId));
        Assert.Equal(p.CaseId, note.CaseId);
        Assert.Equal(p.CoachUser.Id, note.AuthorId);
        Assert.Equal(p.CoachUser.DisplayName, note.AuthorName);
        Assert.Equal(DateOnly.FromDateTime(meeting.LocalStart.DateTime), note.EventDate);
        Assert.StartsWith("Trepartssamtal ", note.Text);
        Assert.EndsWith("Överens om praktik. Handläggaren följer upp.", note.Text);
        Assert.Contains($"#note-{note.Id}", await p.Coach.GetStringAsync(url));

        // Held is final.
        var again = await p.Coach.SubmitFormAsync(url, new() { ["NotesText"] = "Igen" }, $"{url}?handler=Notes");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.CaseId == p.CaseId)));
    }

    [Fact]
    public async Task Another_districts_case_worker_neither_sees_nor_books_the_meetings()
    {
        var p = await EnrolledCaseAsync();
        var stranger = await app.SignInAsNewAsync(Roles.CaseWorker, district: "bromma");
        var url = $"/Cases/ThreePartyMeeting/{p.CaseId}";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        // A matcher at the centre sees the case but books nothing.
        var matcher = await app.SignInAsNewAsync(Roles.Matcher, centre: "farsta");
        Assert.Equal(HttpStatusCode.OK, (await matcher.GetAsync(url)).StatusCode);
        var post = await matcher.SubmitFormAsync(url, Booking(app.Today.AddDays(4), "10:00"));
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.OriginalString ?? "");
        Assert.Empty(await MeetingsAsync(p.CaseId));
    }

    private async Task<int> BookDirectlyAsync(Parties p, DateTimeOffset start)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Jobbtorg.Data.JobbtorgDb>();
        var coach = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(p.CoachUser.Id);
        var c = await db.Cases.SingleAsync(x => x.Id == p.CaseId);
        var meeting = ThreePartyMeeting.Book(c, [], start, 60, ThreePartyMeetingForm.Phone, "Coachen ringer upp", coach!, start.AddDays(-1));
        db.ThreePartyMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
