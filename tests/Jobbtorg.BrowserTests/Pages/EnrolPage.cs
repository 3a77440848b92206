using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>Enrolling a referred person: enrolment date and coach.</summary>
public sealed class EnrolPage(IPage page) : PageObject(page)
{
    public ILocator EnrolmentDate => Field("EnrolmentDate");

    /// <summary>A select of the centre's coaches; the one with the fewest open cases is preselected.</summary>
    public ILocator Coach => Field("CoachId");

    public ILocator Submit => Page.Locator("main form [type=submit]");

    /// <summary>The id of the coach the page suggests (the preselected option).</summary>
    public Task<string> SuggestedCoachIdAsync() => Coach.InputValueAsync();

    /// <summary>Enrols with the suggested coach (or the given one) and returns to the case page.</summary>
    public async Task<CasePage> EnrolAsync(DateOnly? enrolmentDate = null, string? coachId = null)
    {
        if (enrolmentDate is { } d)
        {
            await EnrolmentDate.FillAsync(NewReferralPage.Iso(d));
        }

        if (coachId is not null)
        {
            await Coach.SelectOptionAsync(new SelectOptionValue { Value = coachId });
        }

        await SubmitAndExpectAsync(Submit, CasePage.PathPrefix);
        return new CasePage(Page);
    }
}
