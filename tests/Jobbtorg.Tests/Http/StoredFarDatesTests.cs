using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// Dates at the very ends of the calendar written straight into the database, as data from before the input limits
/// (or from a careless migration) could hold them: every page, report and API that shows such cases still answers.
/// A database of its own, so the odd cases do not show up in other tests' figures.
/// </summary>
[Trait("Category", "Http")]
public sealed class StoredFarDatesTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private static readonly DateOnly Last = DateOnly.MaxValue;   // 9999-12-31
    private static readonly DateOnly First = DateOnly.MinValue;  // 0001-01-01
    private const string District = "enskede-arsta-vantor";     // served by Jobbtorg Farsta

    private async Task<int> ReferAsync(string firstName) =>
        int.Parse((await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName, lastName = "Långtbort", district = District,
            targetGroup = "UnemployedOnBenefit", receivesBenefit = true, consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        })).Headers.Location!.OriginalString.Split('/').Last());

    /// <summary>Three cases: enrolled on the last day of the calendar with a plan and a placement ending then; enrolled on
    /// the first day with a pause, attendance and a journal note from then and closed on the last day; and an ordinary
    /// case with a municipal job that ends on the last day and follow-up facts dated then.</summary>
    private async Task<(int Future, int Past, int Ordinary, string CoachId)> SeedAsync()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Kalender");
        var future = await ReferAsync("Framtid");
        var past = await ReferAsync("Forntid");
        var ordinary = await ReferAsync("Vanlig");
        var activityType = await app.WithDbAsync(db => db.ActivityTypes.Where(a => a.RequiresDailyAttendance).Select(a => a.Id).FirstAsync());

        await app.WithDbAsync(async db =>
        {
            var participant = await db.Cases.Where(c => c.Id == ordinary).Select(c => c.ParticipantId).SingleAsync();
            await db.Cases.Where(c => c.Id == future).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.EnrolmentDate, Last).SetProperty(c => c.Status, CaseStatus.Enrolled).SetProperty(c => c.CoachId, coach.Id)
                .SetProperty(c => c.ReportingGroup, ReportingGroup.Other25Plus).SetProperty(c => c.ConsentDate, Last));
            await db.Cases.Where(c => c.Id == past).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ReferralDate, First).SetProperty(c => c.EnrolmentDate, First).SetProperty(c => c.Status, CaseStatus.Closed)
                .SetProperty(c => c.CoachId, coach.Id).SetProperty(c => c.ReportingGroup, ReportingGroup.Other25Plus)
                .SetProperty(c => c.FirstPlanAgreedOn, First).SetProperty(c => c.ClosureDate, Last)
                .SetProperty(c => c.ClosureReason, ClosureReason.Work).SetProperty(c => c.ClosureSubReason, ClosureSubReason.Unsubsidised)
                .SetProperty(c => c.OpenParticipantId, (int?)null));
            await db.Cases.Where(c => c.Id == ordinary).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.EnrolmentDate, new DateOnly(2025, 1, 7)).SetProperty(c => c.Status, CaseStatus.Enrolled)
                .SetProperty(c => c.CoachId, coach.Id).SetProperty(c => c.ReportingGroup, ReportingGroup.Other25Plus));

            var futurePlan = new PlanVersion { CaseId = future, Number = 1, CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow(), GoalSsykCode = "5223", GoalTitle = "Butikssäljare" };
            var pastPlan = new PlanVersion { CaseId = past, Number = 1, CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow(), GoalSsykCode = "5223", GoalTitle = "Butikssäljare" };
            foreach (var plan in new[] { futurePlan, pastPlan })
                plan.Activities.Add(new PlannedActivity { ActivityTypeId = activityType, StartDate = First, EndDate = Last, HoursPerWeek = 20 });
            db.PlanVersions.AddRange(futurePlan, pastPlan);
            db.CasePauses.Add(new CasePause { CaseId = past, PausedOn = First, ResumedOn = First.AddDays(3), Reason = PauseReason.Other });
            db.CasePauses.Add(new CasePause { CaseId = future, PausedOn = Last, Reason = PauseReason.Sickness });
            db.Placements.AddRange(
                new Placement { CaseId = future, Kind = PlacementKind.Employment, StartDate = Last, EndDate = Last },
                new Placement { CaseId = ordinary, Kind = PlacementKind.MunicipalJob, StartDate = new DateOnly(2025, 2, 1), EndDate = Last },
                new Placement { CaseId = past, Kind = PlacementKind.MunicipalJob, StartDate = First, EndDate = First });
            db.AttendanceDays.AddRange(
                new AttendanceDay { CaseId = past, Date = First, Status = AttendanceStatus.Present },
                new AttendanceDay { CaseId = future, Date = Last, Status = AttendanceStatus.UnexcusedAbsence });
            db.InfoMeetingOutcomes.AddRange(
                new InfoMeetingOutcome { CaseId = past, Date = First, Attended = true },
                new InfoMeetingOutcome { CaseId = future, Date = Last, Attended = true });
            db.JournalEntries.AddRange(
                new JournalEntry { CaseId = past, EventDate = First, Text = "Forntida anteckning.", AuthorId = coach.Id, AuthorName = "Coach Kalender", WrittenAt = app.Clock.GetUtcNow() },
                new JournalEntry { CaseId = future, EventDate = Last, Text = "Framtida anteckning.", AuthorId = coach.Id, AuthorName = "Coach Kalender", WrittenAt = app.Clock.GetUtcNow() });
            db.BenefitMonths.AddRange(
                new BenefitMonth { ParticipantId = participant, Month = new DateOnly(9999, 12, 1), ReceivesBenefit = false },
                new BenefitMonth { ParticipantId = participant, Month = First, ReceivesBenefit = true });
            db.OccupationObservations.AddRange(
                new OccupationObservation { ParticipantId = participant, Date = Last, Status = OccupationStatus.Working },
                new OccupationObservation { ParticipantId = participant, Date = First, Status = OccupationStatus.Neither });
            var farsta = await db.JobCentres.SingleAsync(j => j.Code == "farsta");
            var meeting = InfoMeeting.Schedule(new MeetingRequest
            {
                JobCentre = "farsta", Kind = MeetingKind.Adult, Date = app.Today.AddDays(7), Time = new TimeOnly(9, 0), DurationMinutes = 480,
                Room = "Sal 1", Capacity = 10, Language = "svenska",
            }, farsta.Id, "test", app.Clock.GetUtcNow()).Meetings.Single();
            db.InfoMeetings.Add(meeting);
            await db.SaveChangesAsync();
            // A meeting is never scheduled this far ahead: its time is written as a stored value.
            await db.InfoMeetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.StartsAt, new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero)).SetProperty(m => m.WeekStart, new DateOnly(9999, 12, 27)));
            // The agreement dates are the plan's own (set when agreed): written as stored values.
            await db.PlanVersions.Where(p => p.Id == futurePlan.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Agreed).SetProperty(p => p.AgreedOn, Last));
            await db.PlanVersions.Where(p => p.Id == pastPlan.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Agreed).SetProperty(p => p.AgreedOn, First));
            return 0;
        });
        return (future, past, ordinary, coach.Id);
    }

    [Fact]
    public async Task Cases_with_dates_at_the_ends_of_the_calendar_do_not_break_any_page_report_or_api()
    {
        var (future, past, ordinary, coachId) = await SeedAsync();
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var coach = await app.SignInAsync(await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == coachId)));
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: District);
        var robot = app.ApiClient(JobbtorgAppFactory.RobotKey);

        var pages = new List<(HttpClient Client, string Url)>
        {
            (admin, "/"), (coach, "/"), (manager, "/"), (caseWorker, "/"),
            (admin, "/Reports"), (admin, "/Reports?period=year&year=2026&groupBy=reportingGroup"), (admin, "/Reports?from=1900-01-01&to=2099-12-31&asOf=2099-12-31"),
            (admin, "/Reports?handler=Excel"), (admin, "/Reports?handler=Excel&from=1900-01-01&to=2099-12-31&asOf=2099-12-31"),
            (admin, "/Reports/JobGuarantee"), (manager, "/Reports/JobGuarantee?from=1900-01-01&to=2099-12-31"),
            (admin, "/Cases"), (admin, "/Attendance/Rates"), (coach, "/Attendance"), (manager, "/InfoMeetings"), (manager, "/InfoMeetings?from=2099-12-28"),
            (admin, "/Messages/Inbox"), (caseWorker, "/Messages/Inbox"),
            (robot, "/api/cases"), (robot, "/api/reports/indicators?from=2026-01-01&to=2026-12-31"),
            (robot, "/api/reports/indicators?from=1900-01-01&to=2099-12-31&asOf=2099-12-31&groupBy=district"),
            (robot, "/api/export/case-events"), (robot, "/api/info-meetings?from=2099-01-01&to=2099-12-31"),
        };
        foreach (var id in new[] { future, past, ordinary })
        {
            pages.Add((admin, $"/Cases/Details/{id}"));
            pages.Add((coach, $"/Cases/Details/{id}"));
            pages.Add((caseWorker, $"/Cases/Details/{id}"));
            pages.Add((coach, $"/Attendance/Case/{id}"));
            if (id != ordinary) pages.Add((admin, $"/Plans/Version/{id}/1"));
            pages.Add((robot, $"/api/cases/{id}"));
            pages.Add((robot, $"/api/cases/{id}/info-meeting"));
        }

        var failures = new List<string>();
        foreach (var (client, url) in pages)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{url}: {(int)response.StatusCode}");
        }
        Assert.Empty(failures);

        // The case page shows what is stored, and the deadline and review stop at the calendar's end instead of failing.
        var futurePage = await admin.GetStringAsync($"/Cases/Details/{future}");
        Assert.Contains("9999-12-31", futurePage);
        var dto = await robot.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{future}");
        Assert.Equal("9999-12-31", dto.GetProperty("enrolmentDate").GetString());
        Assert.Equal("9999-12-31", dto.GetProperty("planReviewDue").GetString());
    }
}
