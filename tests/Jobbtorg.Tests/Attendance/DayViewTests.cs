using System.Net;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Attendance.AttendanceKit;

namespace Jobbtorg.Tests.Attendance;

/// <summary>The group day view, the participant's page and the provider's narrow view. Today is Tue 10 March 2026;
/// each test has its own activity type so that the groups do not mix.</summary>
[Collection(AttendanceCollection.Name)]
[Trait("Category", "Http")]
public sealed class DayViewTests(JobbtorgAppFactory app)
{
    private readonly AttendanceKit kit = new(app);
    private static readonly DateOnly Enrolled = new(2026, 2, 2);
    private static readonly DateOnly Monday = new(2026, 3, 9);

    [Fact]
    public async Task The_day_view_registers_a_whole_group_in_one_save()
    {
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(await kit.CaseAsync(Enrolled, [new("start-up-group", Enrolled.AddDays(1))]));
        var ended = await kit.CaseAsync(Enrolled, [new("start-up-group", Enrolled.AddDays(1), End: new DateOnly(2026, 3, 6))]);
        var type = await kit.ActivityTypeIdAsync("start-up-group");
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");

        var page = await coach.GetStringAsync($"/Attendance?activity=start-up-group&date={D(Monday)}");
        foreach (var id in ids) Assert.Contains($"data-case=\"{id}\"", page);
        Assert.DoesNotContain($"data-case=\"{ended}\"", page);

        // "Mark all present" fills in present for everyone not yet registered, without saving.
        var allPresent = await coach.GetStringAsync($"/Attendance?activity=start-up-group&date={D(Monday)}&allPresent=true");
        Assert.Contains("value=\"Present\" checked=\"checked\"", allPresent);
        Assert.Empty(await kit.RegistrationsAsync(ids[0]));

        var response = await coach.SubmitFormAsync($"/Attendance?activity=start-up-group&date={D(Monday)}", Form("start-up-group", Monday,
            Row(0, ids[0], Monday, type, "Present"),
            Row(1, ids[1], Monday, type, "ExcusedAbsence", "CareOfSickChild"),
            Row(2, ids[2], Monday, type, "Present")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var first = Assert.Single(await kit.RegistrationsAsync(ids[0]));
        Assert.Equal((Monday, AttendanceStatus.Present, type), (first.Date, first.Status, first.ActivityTypeId!.Value));
        Assert.NotNull(first.RecordedBy);
        var excused = Assert.Single(await kit.RegistrationsAsync(ids[1]));
        Assert.Equal((AttendanceStatus.ExcusedAbsence, AbsenceReason.CareOfSickChild), (excused.Status, excused.Reason));
        Assert.Single(await kit.RegistrationsAsync(ids[2]));
        Assert.Empty(await kit.MessagesAsync(ids[1], MessageKind.UnexcusedAbsence));

        // A correction updates the row and records who made it.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        await coach.SubmitFormAsync($"/Attendance?activity=start-up-group&date={D(Monday)}", Form("start-up-group", Monday,
            Row(0, ids[1], Monday, type, "Present")));
        var corrected = Assert.Single(await kit.RegistrationsAsync(ids[1]));
        Assert.Equal((AttendanceStatus.Present, (AbsenceReason?)null), (corrected.Status, corrected.Reason));
        Assert.True(corrected.RecordedAt > excused.RecordedAt);

        var rates = await coach.GetStringAsync("/Attendance/Rates");
        Assert.Contains("data-testid=\"per-activity\"", rates);
    }

    [Fact]
    public async Task Bad_input_stores_nothing()
    {
        var a = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1))]);
        var b = await kit.CaseAsync(Enrolled, [new("internship", Enrolled.AddDays(1))]);
        var outsider = await kit.CaseAsync(Enrolled, [new("language-internship", Enrolled.AddDays(1))]);
        var type = await kit.ActivityTypeIdAsync("internship");
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var url = $"/Attendance?activity=internship&date={D(Monday)}";

        // An excused absence without its reason: the valid unexcused row next to it is not stored either.
        var missingReason = await coach.SubmitFormAsync(url, Form("internship", Monday,
            Row(0, a, Monday, type, "UnexcusedAbsence"), Row(1, b, Monday, type, "ExcusedAbsence")));
        Assert.Equal(HttpStatusCode.OK, missingReason.StatusCode);
        Assert.Contains("Välj orsak till den giltiga frånvaron.", await missingReason.Content.ReadAsStringAsync());

        // A case that has no internship that day, and a status that does not exist.
        var wrongCase = await coach.SubmitFormAsync(url, Form("internship", Monday,
            Row(0, a, Monday, type, "Present"), Row(1, outsider, Monday, type, "Present")));
        Assert.Equal(HttpStatusCode.OK, wrongCase.StatusCode);
        var unknown = await coach.SubmitFormAsync(url, Form("internship", Monday,
            Row(0, a, Monday, type, "Present"), Row(1, b, Monday, type, "Asleep")));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);

        // Weekends and days to come are refused.
        var saturday = new DateOnly(2026, 3, 7);
        var weekend = await coach.SubmitFormAsync(url, Form("internship", saturday, Row(0, a, saturday, type, "Present")));
        Assert.Contains("Närvaro registreras bara för vardagar.", await weekend.Content.ReadAsStringAsync());
        var tomorrow = new DateOnly(2026, 3, 11);
        await coach.SubmitFormAsync(url, Form("internship", tomorrow, Row(0, a, tomorrow, type, "Present")));

        foreach (var id in new[] { a, b, outsider })
        {
            Assert.Empty(await kit.RegistrationsAsync(id));
            Assert.Empty(await kit.MessagesAsync(id));
        }
    }

    [Fact]
    public async Task Unexcused_absence_sends_one_message_to_the_district_and_none_with_details_without_consent()
    {
        var consenting = await kit.CaseAsync(Enrolled, [new("active-job-search", Enrolled.AddDays(1))]);
        var withoutConsent = await kit.CaseAsync(Enrolled, [new("active-job-search", Enrolled.AddDays(1))], consent: false);
        var type = await kit.ActivityTypeIdAsync("active-job-search");
        var coach = await app.SignInAsNewAsync(Roles.Coach, centre: "farsta");
        var url = $"/Attendance?activity=active-job-search&date={D(Monday)}";
        var form = Form("active-job-search", Monday,
            Row(0, consenting, Monday, type, "UnexcusedAbsence"), Row(1, withoutConsent, Monday, type, "UnexcusedAbsence"));

        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync(url, form)).StatusCode);
        // The same answer saved again changes nothing and sends nothing more.
        Assert.Equal(HttpStatusCode.Redirect, (await coach.SubmitFormAsync(url, form)).StatusCode);

        var district = await app.WithDbAsync(db => db.Districts.SingleAsync(d => d.Code == "enskede-arsta-vantor"));
        var message = Assert.Single(await kit.MessagesAsync(consenting));
        Assert.Equal((MessageKind.UnexcusedAbsence, district.Id, true), (message.Kind, message.DistrictId, message.HasDetails));
        var registration = Assert.Single(await kit.RegistrationsAsync(consenting));
        Assert.Equal(registration.RecordedAt, message.CreatedAt);
        var details = Body(message).GetProperty("details");
        Assert.Equal("2026-03-09", details.GetProperty("date").GetString());
        Assert.Equal("active-job-search", details.GetProperty("activity").GetProperty("code").GetString());

        var bare = Assert.Single(await kit.MessagesAsync(withoutConsent));
        Assert.Equal(MessageKind.UnexcusedAbsence, bare.Kind);
        Assert.False(bare.HasDetails);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Body(bare).GetProperty("details").ValueKind);
        Assert.DoesNotContain("active-job-search", bare.Body);
        Assert.DoesNotContain("2026-03-09", bare.Body);
    }

    [Fact]
    public async Task A_provider_sees_only_the_participants_of_its_own_activities_and_nothing_else()
    {
        const string school = "5599000006", other = "5599000014";
        var own = await kit.CaseAsync(Enrolled, [new("sfi", Enrolled.AddDays(1), ProviderOrganisationNumber: school)]);
        var others = await kit.CaseAsync(Enrolled, [new("sfi", Enrolled.AddDays(1), ProviderOrganisationNumber: other)]);
        var type = await kit.ActivityTypeIdAsync("sfi");
        var user = await app.CreateUserAsync(Roles.Provider, name: "Anordnare Test");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.ProviderId = (await db.Providers.SingleAsync(p => p.OrganisationNumber == school)).Id;
            return await db.SaveChangesAsync();
        });
        var provider = await app.SignInAsync(user);

        var page = await provider.GetStringAsync($"/Attendance?activity=sfi&date={D(Monday)}");
        Assert.Contains($"data-case=\"{own}\"", page);
        Assert.DoesNotContain($"data-case=\"{others}\"", page);
        Assert.DoesNotContain("href=\"/Cases\"", page);

        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/Cases/Details/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/Cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/Attendance/Case/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/cases/{own}")).StatusCode);
        var start = await provider.GetAsync("/");
        Assert.Equal("/Attendance", start.Headers.Location?.OriginalString);

        // Another provider's participant cannot be slipped into the form.
        var url = $"/Attendance?activity=sfi&date={D(Monday)}";
        var refused = await provider.SubmitFormAsync(url, Form("sfi", Monday, Row(0, own, Monday, type, "Present"), Row(1, others, Monday, type, "Present")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Empty(await kit.RegistrationsAsync(own));

        Assert.Equal(HttpStatusCode.Redirect, (await provider.SubmitFormAsync(url, Form("sfi", Monday, Row(0, own, Monday, type, "Present")))).StatusCode);
        var saved = Assert.Single(await kit.RegistrationsAsync(own));
        Assert.Equal("Anordnare Test", saved.RecordedBy);
        Assert.Empty(await kit.RegistrationsAsync(others));
    }

    [Fact]
    public async Task The_coach_sees_unregistered_days_and_the_participants_rate_and_registers_them_on_the_participants_page()
    {
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var id = await kit.CaseAsync(Enrolled, [new("language-internship", new DateOnly(2026, 3, 2))], coach: coachUser.UserName!);
        var type = await kit.ActivityTypeIdAsync("language-internship");
        var coach = await app.SignInAsync(coachUser);

        var start = await coach.GetStringAsync("/");
        Assert.Contains("Närvaro ej registrerad", start);
        Assert.Contains($"/Attendance/Case/{id}", start);

        var details = await coach.GetStringAsync($"/Cases/Details/{id}");
        Assert.Contains("data-testid=\"case-attendance\"", details);

        // Mon 2–Mon 9 March: six working days so far, registered on the participant's page.
        var monday = new DateOnly(2026, 3, 2);
        var response = await coach.SubmitFormAsync($"/Attendance/Case/{id}", new Dictionary<string, string>(
            Row(0, id, monday, type, "Present")
                .Concat(Row(1, id, monday.AddDays(1), type, "Present"))
                .Concat(Row(2, id, monday.AddDays(2), type, "ExcusedAbsence", "JobInterview"))
                .Concat(Row(3, id, monday.AddDays(3), type, "UnexcusedAbsence"))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(4, (await kit.RegistrationsAsync(id)).Count);
        Assert.Single(await kit.MessagesAsync(id, MessageKind.UnexcusedAbsence));

        // Present 2 of 4 registered days; Fri 6, Mon 9 and today not registered.
        var page = await coach.GetStringAsync($"/Attendance/Case/{id}");
        Assert.Matches("data-testid=\"rate\">50\\s?%", page);
        Assert.Contains("data-testid=\"not-registered\">3<", page);
    }
}
