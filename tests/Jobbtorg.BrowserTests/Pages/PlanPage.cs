using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>Writing a job plan version: goal occupation, activities and the participant's agreement.</summary>
public sealed class PlanPage(IPage page) : PageObject(page)
{
    public const string PathPrefix = "/Plans/Edit/";

    public ILocator StartSubmit => HandlerSubmit("Start");

    /// <summary>Free text with a datalist of "code name" values (SSYK 2012); a bare 4-digit code is accepted too.</summary>
    public ILocator Goal => Field("Goal");
    public ILocator Summary => Field("Summary");
    public ILocator GoalSubmit => HandlerSubmit("Goal");

    public ILocator ActivityType => Field("Activity.ActivityTypeId");
    public ILocator ActivityProvider => Field("Activity.ProviderId");
    public ILocator ActivityStart => Field("Activity.StartDate");
    public ILocator ActivityEnd => Field("Activity.EndDate");
    public ILocator ActivityHours => Field("Activity.HoursPerWeek");
    public ILocator ActivityNote => Field("Activity.Note");
    public ILocator AddActivitySubmit => HandlerSubmit("Add");

    /// <summary>One remove form per activity of the draft.</summary>
    public ILocator RemoveActivityForms => Page.Locator("form[action*='handler=Remove']");

    public ILocator AgreedOn => Field("AgreedOn");
    public ILocator ParticipantAgrees => Checkbox("ParticipantAgrees");
    public ILocator AgreeSubmit => HandlerSubmit("Agree");

    /// <summary>Starts a draft version when the page offers to (no plan yet, or a review).</summary>
    public async Task StartDraftIfNeededAsync()
    {
        if (await StartSubmit.CountAsync() > 0)
        {
            await SubmitAndExpectAsync(StartSubmit, PathPrefix);
        }

        await Goal.WaitForAsync();
    }

    /// <summary>The option of the goal's datalist for an SSYK code, e.g. "5223 Butikssäljare, fackhandel".</summary>
    public async Task<string> OccupationOptionAsync(string ssykCode)
    {
        var listId = await Goal.GetAttributeAsync("list")
            ?? throw new InvalidOperationException("The goal field has no datalist.");
        var value = await Page.Locator($"datalist[id='{listId}'] option[value^='{ssykCode} ']").GetAttributeAsync("value");
        return value ?? throw new InvalidOperationException($"The datalist offers no occupation {ssykCode}.");
    }

    /// <summary>Types the goal (e.g. "5223 Butikssäljare, fackhandel" or just "5223") and saves it.</summary>
    public async Task SetGoalAsync(string goal, string? summary = null)
    {
        await Goal.FillAsync(goal);
        if (summary is not null)
        {
            await Summary.FillAsync(summary);
        }

        await SubmitAndExpectAsync(GoalSubmit, PathPrefix);
    }

    /// <summary>The activity type ids the form offers, in the order shown.</summary>
    public async Task<IReadOnlyList<string>> ActivityTypeIdsAsync()
    {
        var values = await ActivityType.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        return values.Where(v => v.Length > 0).ToList();
    }

    public async Task AddActivityAsync(string activityTypeId, DateOnly start, decimal hoursPerWeek, DateOnly? end = null, string? note = null)
    {
        await ActivityType.SelectOptionAsync(new SelectOptionValue { Value = activityTypeId });
        await ActivityStart.FillAsync(NewReferralPage.Iso(start));
        await ActivityEnd.FillAsync(end is { } e ? NewReferralPage.Iso(e) : "");
        await ActivityHours.FillAsync(hoursPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ActivityNote.FillAsync(note ?? "");
        await SubmitAndExpectAsync(AddActivitySubmit, PathPrefix);
    }

    /// <summary>Records that the participant agreed to the draft on a date; lands on the case page.</summary>
    public async Task<CasePage> RecordAgreementAsync(DateOnly agreedOn)
    {
        await AgreedOn.FillAsync(NewReferralPage.Iso(agreedOn));
        await ParticipantAgrees.CheckAsync();
        await SubmitAndExpectAsync(AgreeSubmit, CasePage.PathPrefix);
        return new CasePage(Page);
    }
}
