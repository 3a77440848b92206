using System.Net;
using System.Text;
using System.Text.Json;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Http;

/// <summary>
/// The demo data as a developer meets it on the day they start the app (Tue 10 March 2026): seeded into a database
/// that already holds some of the demo people, and looking like a job centre's ordinary day.
/// </summary>
[Trait("Category", "Http")]
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private async Task SeedDemoAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    private static string[] DemoNumbers()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Jobbtorg.Data.Reference.demo-personal-numbers.json")!;
        return JsonSerializer.Deserialize<string[]>(stream)!;
    }

    [Fact]
    public async Task Demo_data_seeds_beside_imported_people_reusing_them_and_only_once()
    {
        // Two of the demo people were imported before: one with an open case, one whose referral closed two years ago.
        var adults = DemoNumbers().Take(320).Where(n => PersonalNumber.Parse(n, app.Today).AgeOn(app.Today) is >= 30 and < 60).Take(2).ToArray();
        var (open, closed) = (adults[0], adults[1]);
        var stream = string.Join('\n',
            $$"""{"type":"referral","caseRef":"IMP-1","personalNumber":"{{open}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2026-02-02","gender":"F","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
            """{"type":"enrolment","caseRef":"IMP-1","date":"2026-02-09","jobCentre":"farsta","coach":"coach-extern"}""",
            $$"""{"type":"referral","caseRef":"IMP-2","personalNumber":"{{closed}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2024-01-03","gender":"M","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""",
            """{"type":"closure","caseRef":"IMP-2","date":"2024-02-01","reason":"Other","subReason":"Moved"}""") + "\n";
        var imported = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events",
            new StringContent(stream, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        await SeedDemoAsync();

        var (people, openCases, demoCases, farstaCoachCases) = await app.WithDbAsync(async db => (
            await db.Participants.CountAsync(p => p.PersonalNumber == open || p.PersonalNumber == closed),
            await db.Cases.CountAsync(c => c.Participant.PersonalNumber == open && c.Status != CaseStatus.Closed),
            await db.Cases.CountAsync(c => c.ReferredBy == DemoData.ReferredBy),
            await db.Cases.CountAsync(c => c.Coach!.Email == "coach.farsta@demo.jobbtorg.se" && c.Status != CaseStatus.Closed)));
        Assert.Equal(2, people); // each person once
        Assert.Equal(1, openCases); // the imported open case, no twin
        Assert.True(demoCases > 200, $"{demoCases} demo cases");
        Assert.True(farstaCoachCases > 10, $"the Farsta coach has {farstaCoachCases} open cases");
        Assert.Equal("IMP-1", await app.WithDbAsync(db => db.Cases.Where(c => c.Participant.PersonalNumber == open).Select(c => c.CaseRef).SingleAsync()));

        // A second start adds nothing.
        await SeedDemoAsync();
        Assert.Equal(demoCases, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.ReferredBy == DemoData.ReferredBy)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "coach.farsta@demo.jobbtorg.se")));
    }

    [Fact]
    public async Task Demo_data_looks_like_an_ordinary_day_at_a_job_centre()
    {
        await SeedDemoAsync();
        var today = app.Today;
        var cases = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Pauses)
            .Include(c => c.Plans).ThenInclude(p => p.Activities)
            .Where(c => c.ReferredBy == DemoData.ReferredBy && c.Status != CaseStatus.Closed).AsSplitQuery().ToListAsync());

        // Reviews: fewer than a quarter of the plans worked now are past their review date, none by more than six weeks.
        var reviewed = cases.Where(c => c.Status == CaseStatus.Enrolled && c.PlanReviewDue is not null).ToList();
        var reviewsLate = reviewed.Where(c => c.PlanReviewDue < today).ToList();
        Assert.True(reviewed.Count > 50, $"{reviewed.Count} plans");
        Assert.True(reviewsLate.Count * 4 < reviewed.Count, $"{reviewsLate.Count} of {reviewed.Count} reviews overdue");
        Assert.All(reviewsLate, c => Assert.True(c.PlanReviewDue >= today.AddDays(-42), $"review due {c.PlanReviewDue}"));

        // First plans: a few past the job guarantee's deadline, by days, not months; none of the old cases lacks one.
        var enrolled = cases.Where(c => c.IsEnrolled).ToList();
        var plansLate = enrolled.Where(c => c.FirstPlanAgreedOn is null && c.JobGuaranteeDeadline < today).ToList();
        Assert.InRange(plansLate.Count, 1, enrolled.Count / 10);
        Assert.All(plansLate, c => Assert.InRange(WorkingDays.CountWorkingDays(c.JobGuaranteeDeadline!.Value, today), 1, 10));

        // Referrals of the last weeks wait for enrolment: some came to last week's meeting, others are booked.
        var waiting = cases.Where(c => c.Status == CaseStatus.Referred).ToList();
        Assert.True(waiting.Count >= 5, $"{waiting.Count} waiting");
        Assert.All(waiting, c => Assert.True(c.ReferralDate >= today.AddDays(-35), $"referred {c.ReferralDate}"));
        Assert.Contains(waiting, c => c.FirstAttendedInfoMeeting is not null);
        var waitingIds = waiting.Select(c => c.Id).ToList();
        Assert.True(await app.WithDbAsync(db => db.InfoMeetingBookings.AnyAsync(b => waitingIds.Contains(b.CaseId)
            && b.Status == Jobbtorg.Features.InfoMeetings.BookingStatus.Booked)));
        Assert.True(await app.WithDbAsync(db => db.InfoMeetingOutcomes.AnyAsync(o => waitingIds.Contains(o.CaseId) && !o.Attended)));

        // Pauses are recent; and a few plans are thin, as one visit a week is.
        Assert.All(cases.Where(c => c.Status == CaseStatus.Paused), c => Assert.True(c.OpenPause!.PausedOn >= today.AddDays(-45)));
        var thin = cases.Count(c => PlanIntensity.IsThinPlan(c, today));
        Assert.InRange(thin, 1, reviewed.Count / 5);
    }
}
