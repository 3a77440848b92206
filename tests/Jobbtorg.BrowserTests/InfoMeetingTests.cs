using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InfoMeetingTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Manager = "chef.farsta@demo.jobbtorg.se";

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
