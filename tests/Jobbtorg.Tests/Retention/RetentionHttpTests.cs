using System.Net;
using System.Text;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Retention;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Retention;

/// <summary>The retention round in the running application, on SQLite and PostgreSQL: the person goes on the right day,
/// the reports answer the same, no row is left without what it refers to, and every page still opens the erased case.</summary>
[Trait("Category", "Http")]
public sealed class RetentionHttpTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private async Task<RetentionRun?> RunAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionRound>().RunAsync(today);
    }

    private async Task<string> ReportAsync(string groupBy) =>
        await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .GetStringAsync($"/api/reports/indicators?from=2019-01-01&to=2020-12-31&asOf=2026-01-01{(groupBy == "" ? "" : "&groupBy=" + groupBy)}");

    [Fact]
    public async Task An_erased_person_leaves_the_reports_the_same_no_orphans_and_pages_that_open()
    {
        var gone = TestPeople.Aged(30, 34, new DateOnly(2019, 1, 3));
        var kept = TestPeople.Aged(40, 44, new DateOnly(2019, 1, 3));
        var stream = Stream(
            Referral("E-1", gone, "2019-01-03"), InfoMeeting("E-1", "2019-01-10"), Enrolment("E-1", "2019-01-10"),
            PlanAgreed("E-1", "2019-01-15"), Pause("E-1", "2019-02-01"), Resume("E-1", "2019-02-20"),
            Reports.CaseEvents.Attendance("E-1", "2019-02-21", "UnexcusedAbsence"), Placement("E-1", "MunicipalJob", "2019-03-01", "2019-08-31"),
            Closure("E-1", "2019-09-01", "Work"), BenefitMonth(gone, "2020-03", false), BenefitMonth(gone, "2019-05", true),
            OccupationStatus(gone, "2019-11-29", "Working"), OccupationStatus(gone, "2021-06-01", "Neither"),
            Referral("K-1", kept, "2019-01-03"), Enrolment("K-1", "2019-01-10"), Closure("K-1", "2019-06-01", "Studies"),
            Referral("K-2", kept, "2023-01-03"), Enrolment("K-2", "2023-01-10"), Closure("K-2", "2023-06-01", "Work"));
        var import = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(stream, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var admin = await app.CreateUserAsync(Roles.Administrator);
        var caseId = await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Participant).SingleAsync(x => x.CaseRef == "E-1");
            (c.Participant.FirstName, c.Participant.LastName) = ("Gunnel", "Gallringsdotter");
            db.JournalEntries.Add(new JournalEntry
            {
                CaseId = c.Id, EventDate = new DateOnly(2019, 2, 1), Text = "Samtal om sjukskrivningen.", AuthorId = admin.Id,
                AuthorName = admin.DisplayName, WrittenAt = new DateTimeOffset(2019, 2, 1, 10, 0, 0, TimeSpan.Zero),
            });
            var now = app.Clock.GetUtcNow();
            db.AccessLog.AddRange(
                new AccessLogEntry { At = now.AddYears(-11), Principal = "Old reader", Action = "GET /Cases/Details", Path = "/Cases/Details", CaseId = c.Id, Hash = "a" },
                new AccessLogEntry { At = now.AddDays(-1), Principal = "Recent reader", Action = "GET /Cases/Details", Path = "/Cases/Details", CaseId = c.Id, Hash = "b" });
            await db.SaveChangesAsync();
            // The kept follow-up facts were entered by hand from a call: who and when go with the person.
            await db.BenefitMonths.Where(b => b.ParticipantId == c.ParticipantId && b.Month == new DateOnly(2020, 3, 1))
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Source, Features.FollowUp.FollowUpSource.Call).SetProperty(b => b.RecordedBy, "Coach Kvarnström")
                    .SetProperty(b => b.RecordedAt, now).SetProperty(b => b.InformedOn, new DateOnly(2020, 4, 2)));
            await db.OccupationObservations.Where(o => o.ParticipantId == c.ParticipantId && o.Date == new DateOnly(2019, 11, 29))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Source, Features.FollowUp.FollowUpSource.Letter).SetProperty(o => o.RecordedBy, "Coach Kvarnström")
                    .SetProperty(o => o.RecordedAt, now));
            return c.Id;
        });
        var reports = new[] { "", "district", "gender", "reportingGroup", "benefit" };
        var before = new List<string>();
        foreach (var groupBy in reports) before.Add(await ReportAsync(groupBy));

        var dayBefore = await RunAsync(new DateOnly(2024, 8, 31));
        Assert.Equal(0, dayBefore!.People);
        // The access log ages by the clock's own day, whatever date the round is for.
        Assert.Equal(1, dayBefore.AccessLogEntries);
        var run = await RunAsync(new DateOnly(2024, 9, 1));

        Assert.Equal(1, run!.People);
        // (The app's own requests are logged too; only these two entries are the test's.)
        Assert.Equal(["Recent reader"], await app.WithDbAsync(db => db.AccessLog.Where(e => e.Principal.EndsWith(" reader")).Select(e => e.Principal).ToListAsync()));
        Assert.Equal(before, await Task.WhenAll(reports.Select(ReportAsync)));
        await app.WithDbAsync(async db =>
        {
            Assert.Empty(await ErasedData.OrphansAsync(db));
            Assert.Empty(await ErasedData.TextsHoldingAsync(db, [.. ErasedData.Forms(gone), "Gallringsdotter", "sjukskrivningen"]));
            Assert.True(await db.Participants.AnyAsync(p => p.PersonalNumber == kept));
            Assert.Equal(0, await db.JournalEntries.CountAsync(j => j.CaseId == caseId));
            // The benefit month of the follow-up and the observation near the job's follow-up day stay; the others go.
            Assert.Equal([new DateOnly(2020, 3, 1)], await db.BenefitMonths.Where(b => !db.Participants.Any(p => p.Id == b.ParticipantId && p.ErasedOn == null)).Select(b => b.Month).ToListAsync());
            Assert.Equal([new DateOnly(2019, 11, 29)], await db.OccupationObservations.Where(o => !db.Participants.Any(p => p.Id == o.ParticipantId && p.ErasedOn == null)).Select(o => o.Date).ToListAsync());
            // They keep their value and source, not who entered them, when, or the day of the call.
            var month = await db.BenefitMonths.AsNoTracking().SingleAsync(b => !db.Participants.Any(p => p.Id == b.ParticipantId && p.ErasedOn == null));
            Assert.Equal((Features.FollowUp.FollowUpSource.Call, (string?)null, (DateTimeOffset?)null, (DateOnly?)null),
                (month.Source, month.RecordedBy, month.RecordedAt, month.InformedOn));
            var observation = await db.OccupationObservations.AsNoTracking().SingleAsync(o => !db.Participants.Any(p => p.Id == o.ParticipantId && p.ErasedOn == null));
            Assert.Equal((Features.FollowUp.FollowUpSource.Letter, (string?)null, (DateTimeOffset?)null), (observation.Source, observation.RecordedBy, observation.RecordedAt));
            return 0;
        });

        var client = await app.SignInAsync(admin);
        foreach (var page in new[]
                 {
                     $"/Cases/Details/{caseId}", "/Cases", "/Cases?Status=Closed", "/Retention",
                     "/Reports?period=custom&from=2019-01-01&to=2019-12-31&asOf=2026-01-01&groupBy=district",
                     "/Reports/Cases?period=custom&from=2019-01-01&to=2019-12-31&asOf=2026-01-01&measure=closed",
                 })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Gallringsdotter", html);
            Assert.DoesNotContain(gone[..8], html);
        }
        var details = await client.GetStringAsync($"/Cases/Details/{caseId}");
        Assert.True(details.Contains("Gallrad") || details.Contains("Erased"), "the erased person is not shown as erased");

        // The export leaves the erased out (their facts name no one), and keeps everyone else.
        var export = (await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync("/api/export/case-events"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(export, line => line.Contains("GALLRAD") || line.Contains("\"E-1\""));
        Assert.Contains(export, line => line.Contains("\"K-2\"") && line.Contains(kept));
    }
}
