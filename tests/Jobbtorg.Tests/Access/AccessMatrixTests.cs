using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jobbtorg.Tests.Access;

/// <summary>Everyone who can knock: staff of each role, inside and outside the case's reach, and system keys of each scope.</summary>
public enum Actor
{
    CoachHere, CoachElsewhere, Matcher, CaseWorkerHere, CaseWorkerElsewhere, ManagerHere, ManagerElsewhere, ManagerCityWide,
    Analyst, Administrator, Provider, LogReviewer,
    KeyDistrictHere, KeyDistrictElsewhere, KeyAllScopes, KeyReports, KeyReportCases, KeyImport, KeyExport, KeyFollowUp, KeyNoScope,
}

/// <summary>
/// Who may do what, as the README promises it, tried on the pages and the API alike. Every row is one action; the set
/// beside it is who succeeds. Everyone else must fail and leave nothing changed. The case is always a Farsta case
/// referred by Enskede-Årsta-Vantör ("here"); "elsewhere" is Kista's centre or Rinkeby-Kista's district.
/// </summary>
[Collection(AccessMatrixCollection.Name)]
[Trait("Category", "Http")]
public sealed class AccessMatrixTests(AccessMatrixApp fixture, ITestOutputHelper output)
{
    private static readonly Actor[] Staff = Enum.GetValues<Actor>().Where(a => !a.ToString().StartsWith("Key")).ToArray();
    private static readonly Actor[] Keys = Enum.GetValues<Actor>().Where(a => a.ToString().StartsWith("Key")).ToArray();

    private static readonly Actor[] WorkHere = [Actor.CoachHere, Actor.ManagerHere, Actor.ManagerCityWide, Actor.Administrator];
    private static readonly Actor[] SeeHere = [.. WorkHere, Actor.Matcher, Actor.CaseWorkerHere];

    private enum Setup { None, Referred, Enrolled, BookedToday, FirstAppointment, FollowUpDue }

    private sealed record Row(string Action, Setup Setup, Actor[] Allowed, Func<Ctx, Task<bool>> Attempt);

    /// <summary>One attempt: the actor's client, and the case made for this attempt alone.</summary>
    private sealed record Ctx(AccessMatrixApp App, HttpClient Client, int CaseId, int? BookingMeetingId);

    private static int reviewedMonths;

    private static readonly Row[] Rows =
    [
        // Reading a case
        new("read the case page", Setup.Enrolled, SeeHere, async x => await Ok(x.Client.GetAsync($"/Cases/Details/{x.CaseId}"))),
        new("read the case through the API", Setup.Enrolled, [.. SeeHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/cases/{x.CaseId}"))),
        new("read the case's info meeting through the API", Setup.Referred, [.. SeeHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/cases/{x.CaseId}/info-meeting"))),
        new("read the invitation letter", Setup.BookedToday, SeeHere, async x => await Ok(x.Client.GetAsync($"/InfoMeetings/Invitation/{await x.App.BookingOfAsync(x.CaseId)}"))),
        new("read the invitation calendar file", Setup.BookedToday, SeeHere,
            async x => await Ok(x.Client.GetAsync($"/InfoMeetings/Invitation/{await x.App.BookingOfAsync(x.CaseId)}?handler=Ics"))),
        new("read the case's placements through the API", Setup.Enrolled, [.. SeeHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/cases/{x.CaseId}/placements"))),
        // Placements are recorded by the centre's coaches and matchers; managers and districts only read them.
        new("record a placement through the API", Setup.Enrolled, [Actor.CoachHere, Actor.Matcher, Actor.Administrator], async x =>
            await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/placements", new
            {
                kind = "Employment", start = x.App.Today.ToString("yyyy-MM-dd"), employerName = "Stockholms stad", hoursPerWeek = 40, wageForm = "AgreedWage",
            }))
            && await x.App.Db(db => db.Placements.AnyAsync(p => p.CaseId == x.CaseId))),
        new("record a placement on its page", Setup.Enrolled, [Actor.CoachHere, Actor.Matcher, Actor.Administrator], async x =>
            await Posted(x.Client, $"/Cases/Placements/{x.CaseId}/New", new()
            {
                ["Input.Kind"] = "Internship", ["Input.Start"] = x.App.Today.ToString("yyyy-MM-dd"), ["Input.EmployerName"] = "Stockholms stad",
                ["Input.HoursPerWeek"] = "20", ["Input.WageForm"] = "Unpaid",
            })
            && await x.App.Db(db => db.Placements.AnyAsync(p => p.CaseId == x.CaseId))),
        new("read the three-party meetings page", Setup.Enrolled, SeeHere, async x => await Ok(x.Client.GetAsync($"/Cases/ThreePartyMeeting/{x.CaseId}"))),
        // The case worker reads the plan and attendance only with consent, which these cases have.
        new("read the participant's attendance", Setup.Enrolled, SeeHere, async x => await Ok(x.Client.GetAsync($"/Attendance/Case/{x.CaseId}"))),

        // Working a case
        new("write a journal note", Setup.Enrolled, WorkHere, async x =>
            await Posted(x.Client, $"/Cases/Details/{x.CaseId}?handler=Note", new() { ["Note.Date"] = x.App.Today.ToString("yyyy-MM-dd"), ["Note.Text"] = "Anteckning." })
            && await x.App.Db(db => db.JournalEntries.AnyAsync(j => j.CaseId == x.CaseId))),
        new("enrol", Setup.Referred, WorkHere, async x =>
            await Posted(x.Client, $"/Cases/Enrol/{x.CaseId}", new() { ["EnrolmentDate"] = x.App.Today.ToString("yyyy-MM-dd"), ["CoachId"] = x.App.FarstaCoachId })
            && await x.App.StatusAsync(x.CaseId) == CaseStatus.Enrolled),
        new("enrol through the API", Setup.Referred, WorkHere, async x =>
            await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/enrolment", new { date = x.App.Today.ToString("yyyy-MM-dd"), coachId = x.App.FarstaCoachId }))
            && await x.App.StatusAsync(x.CaseId) == CaseStatus.Enrolled),
        new("pause", Setup.Enrolled, WorkHere, async x =>
            await Posted(x.Client, $"/Cases/Pause/{x.CaseId}", new() { ["PauseDate"] = x.App.Today.ToString("yyyy-MM-dd"), ["Reason"] = "Sickness" })
            && await x.App.StatusAsync(x.CaseId) == CaseStatus.Paused),
        new("start a plan", Setup.Enrolled, WorkHere, async x =>
            await Posted(x.Client, $"/Plans/Edit/{x.CaseId}?handler=Start", [])
            && await x.App.Db(db => db.PlanVersions.AnyAsync(p => p.CaseId == x.CaseId))),
        new("close", Setup.Enrolled, WorkHere, async x =>
            await Posted(x.Client, $"/Cases/Close/{x.CaseId}", new() { ["ClosureDate"] = x.App.Today.ToString("yyyy-MM-dd"), ["Reason"] = "Studies" })
            && await x.App.StatusAsync(x.CaseId) == CaseStatus.Closed),
        new("close through the API", Setup.Enrolled, WorkHere, async x =>
            await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/closure", new { date = x.App.Today.ToString("yyyy-MM-dd"), reason = "Studies" }))
            && await x.App.StatusAsync(x.CaseId) == CaseStatus.Closed),
        new("withdraw a referral", Setup.Referred, [.. WorkHere, Actor.CaseWorkerHere], async x =>
            await Posted(x.Client, $"/Cases/Close/{x.CaseId}", new() { ["ClosureDate"] = x.App.Today.ToString("yyyy-MM-dd"), ["Reason"] = "Other", ["SubReason"] = "Moved" })
            && await x.App.StatusAsync(x.CaseId) == CaseStatus.Closed),
        new("book a three-party meeting", Setup.Enrolled, [.. WorkHere, Actor.CaseWorkerHere], async x =>
            await Posted(x.Client, $"/Cases/ThreePartyMeeting/{x.CaseId}", new()
            {
                ["Input.Date"] = x.App.Today.AddDays(2).ToString("yyyy-MM-dd"), ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60",
                ["Input.Form"] = "InPerson", ["Input.Place"] = "Jobbtorg Farsta",
            }) && await x.App.Db(db => db.ThreePartyMeetings.AnyAsync(m => m.CaseId == x.CaseId))),

        // The first one-to-one appointment: booked by the centre, read by the district (its case worker and its key).
        new("book a first appointment on the page", Setup.Enrolled, WorkHere, async x =>
            await Posted(x.Client, $"/Cases/FirstAppointment/{x.CaseId}", new()
            {
                ["Input.Date"] = x.App.Today.AddDays(1).ToString("yyyy-MM-dd"), ["Input.Time"] = "10:00", ["Input.CoachId"] = x.App.FarstaCoachId,
            }) && await x.App.Db(db => db.FirstAppointments.AnyAsync(a => a.CaseId == x.CaseId))),
        new("book a first appointment through the API", Setup.Enrolled, WorkHere, async x =>
            await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/first-appointment",
                new { date = x.App.Today.AddDays(1).ToString("yyyy-MM-dd"), time = "10:00", coachId = x.App.FarstaCoachId }))
            && await x.App.Db(db => db.FirstAppointments.AnyAsync(a => a.CaseId == x.CaseId))),
        new("read the first appointment through the API", Setup.FirstAppointment, [.. SeeHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/cases/{x.CaseId}/first-appointment"))),
        new("read the first appointment's letter", Setup.FirstAppointment, SeeHere,
            async x => await Ok(x.Client.GetAsync($"/Cases/FirstAppointment/{x.CaseId}/Letter"))),
        new("cancel a first appointment through the API", Setup.FirstAppointment, WorkHere, async x =>
            await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/first-appointment/cancel", new { reason = "Krock med annan tid." }))
            && await x.App.Db(db => db.FirstAppointments.AnyAsync(a => a.CaseId == x.CaseId && a.Status == Features.FirstAppointments.FirstAppointmentStatus.Cancelled))),

        // Info meetings of a case
        new("book the next free info meeting on the case page", Setup.Referred, [.. WorkHere, Actor.CaseWorkerHere], async x =>
            await Posted(x.Client, $"/InfoMeetings/CaseBooking/{x.CaseId}?handler=BookNext", []) && await x.App.HasBookingAsync(x.CaseId)),
        new("book an info meeting through the API", Setup.Referred, [.. WorkHere, Actor.CaseWorkerHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/info-meeting", new { meetingId = x.BookingMeetingId }))
                       && await x.App.HasBookingAsync(x.CaseId)),
        new("cancel an info-meeting booking through the API", Setup.BookedToday, [.. WorkHere, Actor.CaseWorkerHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.PostAsync($"/api/cases/{x.CaseId}/info-meeting/cancel", null))
                       && await x.App.Db(db => db.InfoMeetingBookings.AnyAsync(b => b.CaseId == x.CaseId && b.Status == BookingStatus.Cancelled))),
        new("cancel an info-meeting booking on the case page", Setup.BookedToday, [.. WorkHere, Actor.CaseWorkerHere], async x =>
            await Posted(x.Client, $"/InfoMeetings/CaseBooking/{x.CaseId}?handler=Outcome&outcome=Cancelled", [])
            && await x.App.Db(db => db.InfoMeetingBookings.AnyAsync(b => b.CaseId == x.CaseId && b.Status == BookingStatus.Cancelled))),
        new("record info-meeting attendance through the API", Setup.BookedToday, WorkHere,
            async x => await Ok(x.Client.PostAsJsonAsync($"/api/cases/{x.CaseId}/info-meeting/attendance", new { outcome = "Attended" }))
                       && await x.App.Db(db => db.InfoMeetingBookings.AnyAsync(b => b.CaseId == x.CaseId && b.Status == BookingStatus.Attended))),
        new("record info-meeting attendance on the case page", Setup.BookedToday, WorkHere, async x =>
            await Posted(x.Client, $"/InfoMeetings/CaseBooking/{x.CaseId}?handler=Outcome&outcome=Attended", [])
            && await x.App.Db(db => db.InfoMeetingBookings.AnyAsync(b => b.CaseId == x.CaseId && b.Status == BookingStatus.Attended))),

        // Not tied to one case
        new("open the case list", Setup.None, [.. SeeHere, Actor.CoachElsewhere, Actor.CaseWorkerElsewhere, Actor.ManagerElsewhere],
            async x => await Ok(x.Client.GetAsync("/Cases"))),
        new("open the referral form", Setup.None, [Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/Referrals/New"))),
        new("refer a person of Enskede-Årsta-Vantör through the API", Setup.None,
            [Actor.CaseWorkerHere, Actor.ManagerHere, Actor.ManagerCityWide, Actor.Administrator, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => (await x.Client.PostAsJsonAsync("/api/referrals", new
            {
                personalNumber = TestPeople.Adult(x.App.Today), district = AccessMatrixApp.District, targetGroup = "UnemployedOnBenefit",
                receivesBenefit = true, consentGiven = false,
            })).StatusCode == HttpStatusCode.Created),
        new("open the info-meeting schedule", Setup.None, [Actor.CoachHere, Actor.CoachElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/InfoMeetings"))),
        new("schedule an info meeting at Farsta", Setup.None, [Actor.ManagerHere, Actor.ManagerCityWide, Actor.Administrator],
            async x => (await x.Client.PostAsJsonAsync("/api/info-meetings", new
            {
                jobCentre = "farsta", kind = "Adult", date = x.App.Today.AddDays(21).ToString("yyyy-MM-dd"), time = "13:00", room = "Sal 9", capacity = 5,
            })).StatusCode == HttpStatusCode.Created),
        new("read next free info-meeting times", Setup.None, [.. SeeHere, Actor.CoachElsewhere, Actor.CaseWorkerElsewhere, Actor.ManagerElsewhere,
                Actor.KeyDistrictHere, Actor.KeyDistrictElsewhere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/info-meetings/next-free?district={AccessMatrixApp.District}&kind=Adult"))),
        new("register attendance for a group", Setup.None, [Actor.CoachHere, Actor.CoachElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator, Actor.Provider],
            async x => await Ok(x.Client.GetAsync("/Attendance"))),
        new("read attendance rates", Setup.None, [Actor.CoachHere, Actor.CoachElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/Attendance/Rates"))),
        // A district's case worker reads the report of their own district (Reports/DistrictReportTests).
        new("read the report page", Setup.None,
            [Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Analyst, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/Reports"))),
        new("read the committee report", Setup.None,
            [Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Analyst, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/Reports/Committee"))),
        new("read Enskede-Årsta-Vantör's committee report and its workbook", Setup.None,
            [Actor.CaseWorkerHere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Analyst, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync($"/Reports/Committee?handler=Excel&district={AccessMatrixApp.District}"))),
        new("read the indicator report through the API", Setup.None,
            [Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Analyst,
                Actor.Administrator, Actor.KeyAllScopes, Actor.KeyReports],
            async x => await Ok(x.Client.GetAsync("/api/reports/indicators?from=2026-01-01&to=2026-02-28"))),
        new("read Enskede-Årsta-Vantör's indicator report through the API", Setup.None,
            [Actor.CaseWorkerHere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Analyst, Actor.Administrator,
                Actor.KeyAllScopes, Actor.KeyReports],
            async x => await Ok(x.Client.GetAsync($"/api/reports/indicators?from=2026-01-01&to=2026-02-28&district={AccessMatrixApp.District}"))),
        new("open the cases behind a report number", Setup.None,
            [Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator, Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere],
            async x => await Ok(x.Client.GetAsync("/Reports/Cases?from=2026-01-01&to=2026-02-28&measure=enrolled"))),
        new("open the cases behind a report number through the API", Setup.None,
            [Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator, Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere,
                Actor.KeyAllScopes, Actor.KeyReportCases],
            async x => await Ok(x.Client.GetAsync("/api/reports/indicators/cases?from=2026-01-01&to=2026-02-28&measure=enrolled"))),
        new("read the district inbox", Setup.None, [Actor.CaseWorkerHere, Actor.CaseWorkerElsewhere, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/Messages/Inbox"))),
        new("read the message queue", Setup.None, [Actor.Administrator], async x => await Ok(x.Client.GetAsync("/Messages/Queue"))),
        new("open the import page", Setup.None, [Actor.Administrator], async x => await Ok(x.Client.GetAsync("/Import"))),
        // An administrator signed in may import and export too (through the upload page, or the API with the page's token).
        new("import case events", Setup.None, [Actor.Administrator, Actor.KeyAllScopes, Actor.KeyImport], async x =>
            await Ok(x.Client.PostAsync("/api/import/case-events", new StringContent("\n", Encoding.UTF8, "application/x-ndjson")))),
        new("export case events", Setup.None, [Actor.Administrator, Actor.KeyAllScopes, Actor.KeyExport], async x =>
        {
            using var response = await x.Client.GetAsync("/api/export/case-events", HttpCompletionOption.ResponseHeadersRead);
            return response.StatusCode == HttpStatusCode.OK;
        }),
        new("post follow-up benefit months", Setup.Enrolled, [Actor.Administrator, Actor.KeyAllScopes, Actor.KeyFollowUp, Actor.KeyDistrictHere], async x =>
            await Ok(x.Client.PostAsJsonAsync("/api/follow-up/benefit-months",
                new[] { new { personalNumber = await x.App.PersonalNumberOfAsync(x.CaseId), month = "2026-01", receivesBenefit = false } }))),

        new("read the retention runs", Setup.None, [Actor.Administrator], async x => await Ok(x.Client.GetAsync("/Retention"))),
        // Consent: the job centre's staff of the case, the district's case worker and key, administrators (these cases have consent).
        new("record a withdrawal of consent on the case", Setup.Referred, [.. WorkHere, Actor.CaseWorkerHere], async x =>
            await Posted(x.Client, $"/Cases/Consent/{x.CaseId}", new() { ["Input.Given"] = "false", ["Input.Date"] = x.App.Today.ToString("yyyy-MM-dd") })
            && await x.App.Db(db => db.Cases.AnyAsync(c => c.Id == x.CaseId && !c.ConsentGiven))),
        new("record a withdrawal of consent through the API", Setup.Referred, [.. WorkHere, Actor.CaseWorkerHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.PutAsJsonAsync($"/api/cases/{x.CaseId}/consent", new { given = false, date = x.App.Today.ToString("yyyy-MM-dd") }))
                       && await x.App.Db(db => db.Cases.AnyAsync(c => c.Id == x.CaseId && !c.ConsentGiven))),
        new("read the consent history through the API", Setup.Referred, [.. SeeHere, Actor.KeyDistrictHere, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/cases/{x.CaseId}/consent"))),

        // Staff administration
        new("open the staff list", Setup.None, [Actor.Administrator], async x => await Ok(x.Client.GetAsync("/Staff"))),
        new("create a user", Setup.None, [Actor.Administrator], async x =>
        {
            var email = $"matrix-{Guid.NewGuid():N}@test.jobbtorg.se";
            return await Posted(x.Client, "/Staff/New", new() { ["Email"] = email, ["DisplayName"] = "Matrix Nyanställd", ["Input.Role"] = Roles.Analyst })
                   && await x.App.Db(db => db.Users.AnyAsync(u => u.Email == email));
        }),
        new("give a user a new one-time password", Setup.None, [Actor.Administrator], async x =>
        {
            var user = await x.App.App.CreateUserAsync(Roles.Analyst);
            return await Posted(x.Client, $"/Staff/Details/{user.Id}?handler=ResetPassword", [])
                   && await x.App.Db(db => db.Users.AnyAsync(u => u.Id == user.Id && u.MustChangePassword));
        }),
        new("hand over a Farsta coach's open cases", Setup.Enrolled, [Actor.ManagerHere, Actor.ManagerCityWide, Actor.Administrator], async x =>
        {
            var leaving = await x.App.App.CreateUserAsync(Roles.Coach, centre: "farsta");
            await x.App.Db(db => db.Cases.Where(c => c.Id == x.CaseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CoachId, leaving.Id)));
            return await Posted(x.Client, $"/Staff/Handover/{leaving.Id}", new() { ["AllTo"] = x.App.FarstaCoachId })
                   && await x.App.Db(db => db.Cases.AnyAsync(c => c.Id == x.CaseId && c.CoachId == x.App.FarstaCoachId));
        }),
        // The register extract (GDPR art. 15): administrators, and keys with the scope privacy:extract.
        new("produce a register extract", Setup.Enrolled, [Actor.Administrator], async x =>
        {
            using var response = await x.Client.PostAsync("/Privacy/Extract", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["PersonalNumber"] = await x.App.PersonalNumberOfAsync(x.CaseId),
            }));
            return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("data-testid=\"extract\"");
        }),
        new("read a register extract through the API", Setup.Enrolled, [Actor.Administrator, Actor.KeyAllScopes],
            async x => await Ok(x.Client.GetAsync($"/api/people/{await x.App.PersonalNumberOfAsync(x.CaseId)}/register-extract"))),
        // The access log's review: the log reviewer and administrators, and nobody who works cases.
        new("open the access-log review", Setup.None, [Actor.LogReviewer, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/AccessLog/Review"))),
        new("open the months of the access-log review", Setup.None, [Actor.LogReviewer, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/AccessLog/Review/Months"))),
        new("mark a month of the access log reviewed", Setup.None, [Actor.LogReviewer, Actor.Administrator], async x =>
        {
            var month = new DateOnly(2020, 1, 1).AddMonths(Interlocked.Increment(ref reviewedMonths));
            var note = $"Granskat {Guid.NewGuid():N}";
            return await Posted(x.Client, $"/AccessLog/Review/Month/{month:yyyy-MM}", new() { ["Note"] = note })
                   && await x.App.Db(db => db.Set<Features.AccessLog.Review.AccessLogReview>().AnyAsync(r => r.Month == month && r.Note == note));
        }),

        // The follow-up worklist: the job centre's coaches and managers (each sees their own centres' cases) and administrators.
        new("open the follow-up worklist", Setup.None,
            [Actor.CoachHere, Actor.CoachElsewhere, Actor.ManagerHere, Actor.ManagerElsewhere, Actor.ManagerCityWide, Actor.Administrator],
            async x => await Ok(x.Client.GetAsync("/FollowUp/Worklist"))),
        new("record a benefit check by hand", Setup.FollowUpDue, WorkHere, async x =>
            await Posted(x.Client, $"/FollowUp/Record/{x.CaseId}", new()
            {
                ["Benefit.ReceivesBenefit"] = "false", ["Benefit.Source"] = "Call", ["Benefit.InformedOn"] = x.App.Today.ToString("yyyy-MM-dd"),
            })
            && await x.App.Db(db => db.BenefitMonths.AnyAsync(b => db.Cases.Any(c => c.Id == x.CaseId && c.ParticipantId == b.ParticipantId)))),

        new("read reference data", Setup.None, [.. Staff.Except([Actor.Provider]), .. Keys.Except([Actor.KeyNoScope])],
            async x => await Ok(x.Client.GetAsync("/api/districts"))),
    ];

    public static TheoryData<string> Actions => [.. Rows.Select(r => r.Action)];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_succeeds_for_exactly_the_roles_and_keys_the_rules_name(string action)
    {
        var row = Rows.Single(r => r.Action == action);
        var mismatches = new List<string>();
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var caseId = row.Setup == Setup.None ? 0
                : await fixture.NewCaseAsync(row.Setup switch
                {
                    Setup.Enrolled or Setup.FirstAppointment => CaseSetup.Enrolled,
                    Setup.FollowUpDue => CaseSetup.ClosedToWorkHalfYearAgo,
                    _ => CaseSetup.Referred,
                });
            if (row.Setup == Setup.FirstAppointment) await fixture.BookFirstAppointmentAsync(caseId);
            int? meeting = null;
            if (row.Setup == Setup.BookedToday) await fixture.BookOnTodaysMeetingAsync(caseId);
            if (row.Setup == Setup.Referred) meeting = await fixture.FutureMeetingAsync();
            var succeeded = await row.Attempt(new Ctx(fixture, await fixture.ClientAsync(actor), caseId, meeting));
            var expected = row.Allowed.Contains(actor);
            if (succeeded != expected) mismatches.Add($"{actor}: {(succeeded ? "succeeded" : "was refused")}, expected {(expected ? "success" : "refusal")}");
        }
        output.WriteLine($"{action}: {Enum.GetValues<Actor>().Length} callers");
        Assert.True(mismatches.Count == 0, $"{action}:\n" + string.Join("\n", mismatches));
    }

    private static async Task<bool> Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.IsSuccessStatusCode;
    }

    /// <summary>A form post as the page would send it (the client carries the antiforgery token). Success is a redirect
    /// back into the app, or the page again; a refusal is 403/404 or a redirect to the sign-in or access-denied page.</summary>
    private static async Task<bool> Posted(HttpClient client, string url, Dictionary<string, string> fields)
    {
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.IsSuccessStatusCode
               || (response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/Account/", StringComparison.OrdinalIgnoreCase));
    }
}
