using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>Closing a case (or withdrawing a referral): date, reason and sub-reason.</summary>
public sealed class ClosePage(IPage page) : PageObject(page)
{
    public ILocator ClosureDate => Field("ClosureDate");

    /// <summary>A select whose option values are ClosureReason enum names.</summary>
    public ILocator Reason => Field("Reason");

    /// <summary>A select whose option values are ClosureSubReason enum names.</summary>
    public ILocator SubReason => Field("SubReason");

    public ILocator Note => Field("Note");
    public ILocator Submit => Page.Locator("main form [type=submit]");

    public async Task<CasePage> CloseAsync(string reason, string? subReason = null, DateOnly? closureDate = null, string? note = null)
    {
        if (closureDate is { } d)
        {
            await ClosureDate.FillAsync(NewReferralPage.Iso(d));
        }

        await Reason.SelectOptionAsync(new SelectOptionValue { Value = reason });
        await SubReason.SelectOptionAsync(new SelectOptionValue { Value = subReason ?? "" });
        if (note is not null)
        {
            await Note.FillAsync(note);
        }

        await SubmitAndExpectAsync(Submit, CasePage.PathPrefix);
        return new CasePage(Page);
    }
}
