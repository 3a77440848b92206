using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InfoMeetingTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Manager = "chef.farsta@demo.jobbtorg.se";
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string Coach = "coach.farsta@demo.jobbtorg.se";

    // An official test personal number from the Swedish Tax Agency (Skatteverket); not one the demo data uses.
    private const string PersonalNumber = "19800102-2386";

    [Fact]
    public async Task Manager_schedules_a_weekly_meeting_case_worker_sees_the_booked_time_coach_marks_attendance()
    {
        // Tomorrow at 07:00 comes before every demo meeting, so the new referral is booked on this one.
        var tomorrow = TimeProvider.System.Today().AddDays(1);
        var room = $"Rum {Guid.NewGuid():N}"[..10];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Manager, DemoData.Password);
        var meetings = await InfoMeetingsPage.OpenFromMenuAsync(myWork);
        await meetings.ScheduleAsync(tomorrow, room, capacity: 12, weeks: 4, time: "07:00");
        Assert.Equal(4, await page.Locator("tr[data-meeting]", new() { HasText = room }).CountAsync());
        await meetings.SignOutAsync();

        myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, CaseWorker, DemoData.Password);
        var casePage = await (await myWork.StartReferralAsync()).RegisterAsync(new NewReferralPage.Referral(
            PersonalNumber, "Mötes", "Testsson", "enskede-arsta-vantor", "UnemployedOnBenefit", ConsentDate: TimeProvider.System.Today()));
        var booked = await casePage.InfoMeetingBooked.InnerTextAsync();
        Assert.Contains(tomorrow.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("sv-SE")), booked);
        Assert.Contains("kl. 07:00", booked);
        Assert.Contains(room, await page.Locator("main").InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var caseRef = (await casePage.CaseRef.InnerTextAsync()).Trim();
        var caseId = casePage.CaseId;
        await casePage.SignOutAsync();

        // The next morning the coach marks who came.
        server.Clock.Offset = TimeSpan.FromDays(1);
        try
        {
            myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Coach, DemoData.Password);
            meetings = await InfoMeetingsPage.OpenFromMenuAsync(myWork);
            await meetings.OpenMeetingAsync(room);
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
            await meetings.RecordAttendanceAsync(caseRef, "Attended");
            Assert.Equal("Närvarande", (await meetings.AttendeeStatus(caseRef).InnerTextAsync()).Trim());

            // Who came gets a quick "book first appointment" form under the attendees: the next working day at 10:00 by default.
            var firstAppointments = page.Locator("[data-testid=meeting-first-appointments]");
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
            // The post leads back to the same address: only a new document shows that it was answered.
            await page.LoadNewDocumentAsync(() => firstAppointments.Locator($"tr[data-case='{caseId}']").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Boka första samtal" }).ClickAsync());
            Assert.Contains("10:00", await firstAppointments.Locator($"tr[data-case='{caseId}'] [data-testid=first-appointment]").InnerTextAsync());

            casePage = new CasePage(page);
            await casePage.GotoAsync(server.BaseUrl, caseId);
            Assert.Contains("Närvarande", await casePage.InfoMeetingHistory.InnerTextAsync());
            Assert.Equal(1, await casePage.EnrolLink.CountAsync());
            Assert.Contains("Bokat", await page.Locator("[data-testid=case-first-appointment]").InnerTextAsync());
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
            await page.GotoAsync($"{server.BaseUrl}/Cases/FirstAppointment/{caseId}");
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
            await page.GotoAsync($"{server.BaseUrl}/Cases/FirstAppointment/{caseId}/Letter");
            Assert.Contains("Första samtal med din jobbcoach", await page.Locator("main").InnerTextAsync());
            await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Manager_schedules_meetings_sees_a_refused_field_and_opens_a_meeting_all_passing_axe()
    {
        var firstDay = TimeProvider.System.Today().AddDays(7);
        var room = $"Sal {Guid.NewGuid():N}"[..10];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Manager, DemoData.Password);
        var meetings = await InfoMeetingsPage.OpenFromMenuAsync(myWork);
        Assert.Equal(InfoMeetingsPage.Path, meetings.CurrentPath);
        Assert.True(await meetings.ScheduleForm.IsVisibleAsync());
        Assert.True(await meetings.Quotas.IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        var errors = await meetings.ScheduleRefusedAsync(firstDay, room, capacity: 0, weeks: 2);
        Assert.Contains("Antalet platser är mellan 1 och 500.", errors);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await meetings.ScheduleAsync(firstDay, room, capacity: 20, weeks: 2);
        Assert.Equal(2, await page.Locator("tr[data-meeting]", new() { HasText = room }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "info-meetings");

        await meetings.OpenMeetingAsync(room);
        Assert.StartsWith("/InfoMeetings/Meeting/", meetings.CurrentPath, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "info-meeting");
    }
}
