using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>A case's page: facts, job guarantee, actions, journal and history.</summary>
public sealed partial class CasePage(IPage page) : PageObject(page)
{
    public const string PathPrefix = "/Cases/Details/";

    public ILocator Status => Page.Locator("[data-testid='case-status']");
    public ILocator CaseRef => Page.Locator("[data-testid='case-ref']");
    public ILocator InfoMeetingBooked => Page.Locator("[data-testid='info-meeting-booked']");
    public ILocator InfoMeetingHistory => Page.Locator("[data-testid='info-meeting-history']");
    public ILocator Deadline => Page.Locator("[data-testid='deadline']");
    public ILocator Guarantee => Page.Locator("[data-testid='guarantee']");
    public ILocator ReviewDue => Page.Locator("[data-testid='review-due']");
    public ILocator ClosureReason => Page.Locator("[data-testid='closure-reason']");
    public ILocator Timeline => Page.Locator("[data-testid='timeline']");
    public ILocator TimelineEntries => Timeline.Locator("li");

    public ILocator EnrolLink => Page.Locator("a[href^='/Cases/Enrol/']");
    public ILocator PlanLink => Page.Locator("a[href^='/Plans/Edit/']");
    public ILocator PauseLink => Page.Locator("a[href^='/Cases/Pause/']");
    public ILocator CloseLink => Page.Locator("a[href^='/Cases/Close/']");
    public ILocator CorrectNoteLinks => Page.Locator("a[href^='/Cases/CorrectNote/']");

    /// <summary>Every link or form that changes the case.</summary>
    public ILocator ActionLinks => Page.Locator(
        "a[href^='/Cases/Enrol/'], a[href^='/Plans/Edit/'], a[href^='/Cases/Pause/'], a[href^='/Cases/Close/'], a[href^='/Cases/CorrectNote/']");

    public ILocator NoteText => Field("Note.Text");
    public ILocator NoteDate => Field("Note.Date");
    public ILocator NoteForm => Page.Locator("form[action*='handler=Note']");
    public ILocator JournalEntries => Page.Locator("li[id^='note-']");

    /// <summary>The flash message shown after an action (role=status).</summary>
    public ILocator Notice => Page.Locator("main .notice[role=status]");

    public async Task<IResponse?> GotoAsync(string baseUrl, int caseId) => await Page.GotoAsync($"{baseUrl}{PathPrefix}{caseId}");

    /// <summary>The case id read from the address.</summary>
    public int CaseId
    {
        get
        {
            var match = CaseIdPattern().Match(CurrentPath);
            if (!match.Success)
            {
                throw new InvalidOperationException($"{Page.Url} is not a case page.");
            }

            return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<string> StatusTextAsync() => (await Status.InnerTextAsync()).Trim();

    /// <summary>The first yyyy-MM-dd date in an element's text, or null.</summary>
    public static async Task<DateOnly?> DateInAsync(ILocator element)
    {
        var match = IsoDate().Match(await element.InnerTextAsync());
        return match.Success
            ? DateOnly.ParseExact(match.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public async Task<IReadOnlyList<string>> TimelineTextsAsync() =>
        (await TimelineEntries.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    public async Task<EnrolPage> FollowEnrolAsync()
    {
        await ClickAndWaitForNewDocumentAsync(EnrolLink);
        return new EnrolPage(Page);
    }

    public async Task<PlanPage> FollowPlanAsync()
    {
        await ClickAndWaitForNewDocumentAsync(PlanLink);
        return new PlanPage(Page);
    }

    public async Task<ClosePage> FollowCloseAsync()
    {
        await ClickAndWaitForNewDocumentAsync(CloseLink);
        return new ClosePage(Page);
    }

    /// <summary>Writes a journal note (dated today unless given) and stays on the case page.</summary>
    public async Task WriteNoteAsync(string text, DateOnly? date = null)
    {
        if (date is { } d)
        {
            await NoteDate.FillAsync(NewReferralPage.Iso(d));
        }

        await NoteText.FillAsync(text);
        await SubmitAndExpectAsync(NoteForm.Locator("[type=submit]"), PathPrefix);
    }

    [GeneratedRegex(@"^/Cases/Details/(\d+)$")]
    private static partial Regex CaseIdPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    public static partial Regex IsoDate();
}
