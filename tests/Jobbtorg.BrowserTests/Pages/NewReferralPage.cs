using Microsoft.Playwright;

namespace Jobbtorg.BrowserTests.Pages;

/// <summary>A case worker's referral form.</summary>
public sealed class NewReferralPage(IPage page) : PageObject(page)
{
    public const string Path = "/Referrals/New";

    public ILocator PersonalNumber => Field("Input.PersonalNumber");
    public ILocator FirstName => Field("Input.FirstName");
    public ILocator LastName => Field("Input.LastName");
    /// <summary>A select whose option values are district codes.</summary>
    public ILocator District => Field("Input.District");
    /// <summary>A select whose option values are TargetGroup enum names.</summary>
    public ILocator TargetGroup => Field("Input.TargetGroup");
    public ILocator ReceivesBenefit => Checkbox("Input.ReceivesBenefit");
    public ILocator Text => Field("Input.Text");
    public ILocator ConsentGiven => Checkbox("Input.ConsentGiven");
    public ILocator ConsentDate => Field("Input.ConsentDate");
    public ILocator Submit => Page.Locator("main form [type=submit]");

    public async Task<IResponse?> GotoAsync(string baseUrl) => await Page.GotoAsync(baseUrl + Path);

    public sealed record Referral(
        string PersonalNumber,
        string FirstName,
        string LastName,
        string District,
        string TargetGroup,
        DateOnly? ConsentDate,
        bool ReceivesBenefit = true,
        string? Text = null);

    /// <summary>Fills the form, registers the referral and lands on the new case's page.</summary>
    public async Task<CasePage> RegisterAsync(Referral referral)
    {
        await PersonalNumber.FillAsync(referral.PersonalNumber);
        await FirstName.FillAsync(referral.FirstName);
        await LastName.FillAsync(referral.LastName);
        await District.SelectOptionAsync(new SelectOptionValue { Value = referral.District });
        await TargetGroup.SelectOptionAsync(new SelectOptionValue { Value = referral.TargetGroup });
        await ReceivesBenefit.SetCheckedAsync(referral.ReceivesBenefit);
        if (referral.Text is not null)
        {
            await Text.FillAsync(referral.Text);
        }

        await ConsentGiven.SetCheckedAsync(referral.ConsentDate is not null);
        await ConsentDate.FillAsync(referral.ConsentDate is { } d ? Iso(d) : "");
        await SubmitAndExpectAsync(Submit, CasePage.PathPrefix);
        return new CasePage(Page);
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
