using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>The info meetings of a job centre (/InfoMeetings) with the schedule form, and one meeting's page.</summary>
public sealed class InfoMeetingsPage(IPage page) : PageObject(page)
{
    public const string Path = "/InfoMeetings";

    public ILocator MenuLink => Page.Locator("header nav a[href='/InfoMeetings']");
    public ILocator ScheduleForm => Page.Locator("[data-testid='schedule-form']");
    public ILocator Quotas => Page.Locator("[data-testid='quotas']");
    public ILocator Attendees => Page.Locator("[data-testid='attendees']");

    public static async Task<InfoMeetingsPage> OpenFromMenuAsync(PageObject from)
    {
        var meetings = new InfoMeetingsPage(from.Page);
        await meetings.ClickAndWaitForNewDocumentAsync(meetings.MenuLink);
        return meetings;
    }

    private async Task FillAsync(DateOnly date, string room, int capacity, int weeks, string time = "09:30")
    {
        await Field("Meeting.Date").FillAsync(date.ToString("yyyy-MM-dd"));
        await Field("Meeting.Time").FillAsync(time);
        await Field("Meeting.Room").FillAsync(room);
        await Field("Meeting.Capacity").FillAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field("Meeting.Weeks").FillAsync(weeks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Schedules and expects to be back on the list without errors.</summary>
    public async Task ScheduleAsync(DateOnly date, string room, int capacity, int weeks, string time = "09:30")
    {
        await FillAsync(date, room, capacity, weeks, time);
        await SubmitAndExpectAsync(HandlerSubmit("Schedule"), Path);
    }

    /// <summary>Submits the form expecting it to be refused; returns the messages shown.</summary>
    public async Task<IReadOnlyList<string>> ScheduleRefusedAsync(DateOnly date, string room, int capacity, int weeks)
    {
        await FillAsync(date, room, capacity, weeks);
        await ClickAndWaitForNewDocumentAsync(HandlerSubmit("Schedule"));
        return await ErrorMessagesAsync();
    }

    /// <summary>Records an outcome for the attendee with the case number on an open meeting page.</summary>
    public async Task RecordAttendanceAsync(string caseRef, string outcome)
    {
        var row = Attendees.Locator("tbody tr", new() { HasText = caseRef });
        await ClickAndWaitForNewDocumentAsync(row.Locator($"button[name='outcome'][value='{outcome}']"));
    }

    public ILocator AttendeeStatus(string caseRef) => Attendees.Locator("tbody tr", new() { HasText = caseRef }).Locator("[data-testid='status']");

    /// <summary>Opens the first meeting in the given room.</summary>
    public async Task OpenMeetingAsync(string room)
    {
        var link = Page.Locator("tr[data-meeting]", new() { HasText = room }).First.Locator("a[href^='/InfoMeetings/Meeting/']");
        await ClickAndWaitForNewDocumentAsync(link);
    }
}
