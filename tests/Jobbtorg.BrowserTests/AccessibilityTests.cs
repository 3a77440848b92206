using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>axe reports nothing, of any impact, on every page of every role, in Swedish and English, on a laptop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Farsta = "Jobbtorg Farsta";

    [Fact]
    public async Task The_login_page_has_no_axe_violations()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).GotoAsync(server.BaseUrl);
        await AssertEveryWayAsync(page, "/Account/Login");
    }

    [Fact]
    public async Task A_coachs_pages_have_no_axe_violations()
    {
        var ids = await WithDbAsync(async db =>
        {
            var enrolled = await db.Cases.Where(c => c.JobCentre.Name == Farsta && c.Status == CaseStatus.Enrolled
                    && db.PlanVersions.Any(v => v.CaseId == c.Id && v.Activities.Count > 0))
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var referred = await db.Cases.Where(c => c.JobCentre.Name == Farsta && c.Status == CaseStatus.Referred)
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var booking = await db.InfoMeetingBookings.Where(b => b.Case.JobCentre.Name == Farsta)
                .OrderByDescending(b => b.Id).Select(b => new { b.Id, MeetingId = b.Meeting.Id }).FirstAsync();
            return (enrolled, referred, booking.Id, booking.MeetingId);
        });
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, "coach.farsta@demo.jobbtorg.se", DemoData.Password);

        // A journal note, so that the page for correcting one can be checked too.
        var casePage = new CasePage(page);
        await casePage.GotoAsync(server.BaseUrl, ids.enrolled);
        await casePage.WriteNoteAsync("Samtal om ansökningar till lagerarbete.");
        var correct = await casePage.CorrectNoteLinks.First.GetAttributeAsync("href");

        await AssertPagesAsync(page,
            "/", "/Cases", $"/Cases/Details/{ids.enrolled}", $"/Cases/Details/{ids.referred}", $"/Cases/Enrol/{ids.referred}",
            $"/Cases/Pause/{ids.enrolled}", $"/Cases/Close/{ids.enrolled}", correct!,
            $"/Plans/Edit/{ids.enrolled}", $"/Plans/Version/{ids.enrolled}/1", "/Attendance", $"/Attendance/Case/{ids.enrolled}",
            $"/Cases/ThreePartyMeeting/{ids.enrolled}", "/InfoMeetings", $"/InfoMeetings/Meeting/{ids.MeetingId}",
            $"/InfoMeetings/Invitation/{ids.Id}", $"/InfoMeetings/CaseBooking/{ids.referred}", "/Account/Password");
    }

    [Fact]
    public async Task A_case_workers_pages_have_no_axe_violations()
    {
        var own = await WithDbAsync(db => db.Cases.Where(c => c.District.Code == "enskede-arsta-vantor").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await AssertPagesAsync("handlaggare.eav@demo.jobbtorg.se",
            "/", "/Referrals/New", "/Messages/Inbox", "/Messages/Inbox?all=true", "/Cases", $"/Cases/Details/{own}", $"/ProtectedIdentity/Case/{own}");
    }

    [Fact]
    public async Task A_managers_and_an_analysts_pages_have_no_axe_violations()
    {
        await AssertPagesAsync("chef.farsta@demo.jobbtorg.se",
            "/", "/Reports", "/Reports?groupBy=district", "/Reports/JobGuarantee", "/Reports/Committee", "/Reports/Cases", "/Attendance/Rates");
        await AssertPagesAsync("analytiker@demo.jobbtorg.se", "/", "/Reports");
    }

    [Fact]
    public async Task An_administrators_and_a_providers_pages_have_no_axe_violations()
    {
        var coachId = await WithDbAsync(db => db.Users.Where(u => u.Email == "coach.farsta@demo.jobbtorg.se").Select(u => u.Id).FirstAsync());
        await AssertPagesAsync("admin@demo.jobbtorg.se",
            "/", "/Import", "/Messages/Queue", "/Staff", "/Staff/New", $"/Staff/Details/{coachId}", $"/Staff/Handover/{coachId}",
            "/Attendance/Rates", "/InfoMeetings", "/Retention");
        await AssertPagesAsync("anordnare.sprakskolan@demo.jobbtorg.se", "/Attendance");
    }

    [Fact]
    public async Task The_access_log_review_pages_have_no_axe_violations()
    {
        var now = server.Clock.GetUtcNow();
        var lastMonth = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
        await WithDbAsync(async db =>
        {
            var read = await db.Cases.Where(c => c.JobCentre.Name == Farsta).OrderBy(c => c.Id).Select(c => new { c.Id, c.CaseRef, c.ParticipantId }).FirstAsync();
            Features.AccessLog.AccessLogEntry Entry(DateTimeOffset at, bool outside = false, bool isProtected = false) => new()
            {
                At = at, Principal = "Coach Farsta", PrincipalKind = Features.AccessLog.PrincipalKind.User, ParticipantId = read.ParticipantId,
                CaseId = read.Id, CaseRef = read.CaseRef, Kind = Features.AccessLog.AccessKind.Read, Action = "GET /Cases/Details",
                Path = $"/Cases/Details/{read.Id}", RemoteAddress = "10.0.0.12", OutsideCaseload = outside, ProtectedIdentity = isProtected,
                Reason = outside ? "Vikarierar för kollega" : null,
            };
            db.AccessLog.AddRange(Entry(now.AddHours(-2)), Entry(now.AddDays(-1).AddHours(-12), outside: true), Entry(now.AddDays(-3), isProtected: true),
                Entry(new DateTimeOffset(lastMonth.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)),
                Entry(new DateTimeOffset(lastMonth.AddDays(5).ToDateTime(new TimeOnly(21, 0)), TimeSpan.Zero)));
            return await db.SaveChangesAsync();
        });
        await AssertPagesAsync("admin@demo.jobbtorg.se", "/AccessLog/Review", "/AccessLog/Review/Months", $"/AccessLog/Review/Month/{lastMonth:yyyy-MM}");
    }

    private async Task AssertPagesAsync(string user, params string[] paths)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, user, DemoData.Password);
        await AssertPagesAsync(page, paths);
    }

    private async Task AssertPagesAsync(IPage page, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(server.BaseUrl + path);
            Assert.True(response?.Status == 200, $"{path}: {response?.Status}");
            await AssertEveryWayAsync(page, path);
        }
    }

    /// <summary>
    /// The page in Swedish at 1366 and 390 px and in English at 390 px, where longer words are likelier to break the
    /// layout; returns to Swedish at 1366 px.
    /// </summary>
    private async Task AssertEveryWayAsync(IPage page, string path)
    {
        foreach (var language in new[] { "sv", "en" })
        {
            if (await page.Locator("html").GetAttributeAsync("lang") != language)
            {
                await page.Locator("button[name=culture]").First.ClickAsync();
                await page.Locator($"html[lang={language}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.WaitForDocumentLoadedAsync();
                Assert.EndsWith(path, page.Url.Replace(server.BaseUrl, ""), StringComparison.Ordinal);
            }

            foreach (var size in language == "sv" ? new[] { Layout.Desktop, Layout.Phone } : [Layout.Phone])
            {
                await Layout.SetWidthAsync(page, size);
                output.WriteLine($"{path} at {size[0]} px in {language}");
                await Accessibility.AssertNoViolationsAsync(page, output);
            }
        }

        await page.Locator("button[name=culture]").First.ClickAsync();
        await page.Locator("html[lang=sv]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForDocumentLoadedAsync();
        await Layout.SetWidthAsync(page, Layout.Desktop);
    }

    private async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }
}
