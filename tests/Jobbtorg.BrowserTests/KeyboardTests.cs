using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>The whole way from referral to attendance with the keyboard alone: Tab, Enter, Space and typing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string CaseWorker = "handlaggare.eav@demo.jobbtorg.se";
    private const string Coach = "coach.farsta@demo.jobbtorg.se";

    // An official test personal number from the Swedish Tax Agency (Skatteverket); not one the demo data or other tests use.
    private const string PersonalNumber = "19800103-2393";

    [Fact]
    public async Task Referral_enrolment_plan_and_attendance_work_with_the_keyboard_alone_and_focus_always_shows()
    {
        // Attendance is registered on working days: on a weekend the walk takes place on the next working day.
        var today = TimeProvider.System.Today();
        var day = today;
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(1);
        server.Clock.Offset = TimeSpan.FromDays(day.DayNumber - today.DayNumber);
        try
        {
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();

            // The case worker signs in and registers the referral.
            await SignInAsync(page, CaseWorker);
            await TabToAsync(page, "main a[href='/Referrals/New']");
            await EnterAsync(page);
            await TabToAsync(page, "[name='Input.PersonalNumber']");
            await page.Keyboard.TypeAsync(PersonalNumber);
            await TabToAsync(page, "[name='Input.FirstName']");
            await page.Keyboard.TypeAsync("Tangent");
            await TabToAsync(page, "[name='Input.LastName']");
            await page.Keyboard.TypeAsync("Bordsson");
            await TabToAsync(page, "[name='Input.District']");
            await page.Keyboard.TypeAsync("Enskede");
            Assert.Equal("enskede-arsta-vantor", await page.Locator("[name='Input.District']").InputValueAsync());
            await TabToAsync(page, "[name='Input.TargetGroup']");
            await page.Keyboard.TypeAsync("Arbetslös");
            Assert.Equal("UnemployedOnBenefit", await page.Locator("[name='Input.TargetGroup']").InputValueAsync());
            await TabToAsync(page, "input[type=checkbox][name='Input.ReceivesBenefit']");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await page.Locator("input[type=checkbox][name='Input.ReceivesBenefit']").IsCheckedAsync());
            await TabToAsync(page, "main form [type=submit]");
            await EnterAsync(page);
            var casePage = new CasePage(page);
            var caseId = casePage.CaseId;
            await TabToAsync(page, "header form[action='/Account/Logout'] [type=submit]");
            await EnterAsync(page);

            // The coach finds it among the referrals waiting for enrolment and enrols it with the suggested coach.
            await SignInAsync(page, Coach);
            await TabToAsync(page, $"section[aria-labelledby='await-h'] a[href='/Cases/Details/{caseId}']");
            await EnterAsync(page);
            await TabToAsync(page, "a[href^='/Cases/Enrol/']");
            await EnterAsync(page);
            await TabToAsync(page, "main form [type=submit]");
            await EnterAsync(page);
            Assert.Equal(caseId, casePage.CaseId);
            Assert.Equal(day.AddDays(0), await CasePage.DateInAsync(page.Locator("[data-testid='enrolment-date']")));

            // The plan: a goal, active job search from today, the participant's agreement.
            await TabToAsync(page, "a[href^='/Plans/Edit/']");
            await EnterAsync(page);
            if (await page.Locator("form[action*='handler=Start'] [type=submit]").CountAsync() > 0)
            {
                await TabToAsync(page, "form[action*='handler=Start'] [type=submit]");
                await EnterAsync(page);
            }

            await TabToAsync(page, "[name='Goal']");
            await page.Keyboard.TypeAsync("5223");
            await TabToAsync(page, "form[action*='handler=Goal'] [type=submit]");
            await EnterAsync(page);
            await TabToAsync(page, "[name='Activity.ActivityTypeId']");
            await page.Keyboard.TypeAsync("Aktivt jobbsökande");
            await TabToAsync(page, "form[action*='handler=Add'] [type=submit]");
            await EnterAsync(page);
            Assert.Equal(1, await page.Locator("form[action*='handler=Remove']").CountAsync());
            await TabToAsync(page, "input[type=checkbox][name='ParticipantAgrees']");
            await page.Keyboard.PressAsync("Space");
            await TabToAsync(page, "form[action*='handler=Agree'] [type=submit]");
            await EnterAsync(page);
            Assert.StartsWith(CasePage.PathPrefix, casePage.CurrentPath, StringComparison.Ordinal);
            Assert.Contains("ok", (await casePage.Guarantee.GetAttributeAsync("class") ?? "").Split(' '));

            // Attendance: the day's group for active job search, the new participant present.
            await TabToAsync(page, "header nav a[href='/Attendance']");
            await EnterAsync(page);
            await TabToAsync(page, "select#activity");
            await page.Keyboard.TypeAsync("Aktivt jobbsökande");
            // The suggested coach may be a colleague (the demo's caseloads decide): everyone's participants, then.
            await TabToAsync(page, "select#coach");
            await page.Keyboard.TypeAsync("Alla");
            await TabToAsync(page, "[data-testid='choose-day'] [type=submit]");
            await EnterAsync(page);
            var row = page.Locator($"tr[data-case='{caseId}']");
            Assert.Equal(1, await row.CountAsync());
            await TabToAsync(page, $"tr[data-case='{caseId}'] input[type=radio][value='Present']");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await row.Locator("input[type=radio][value='Present']").IsCheckedAsync());
            await TabToAsync(page, "[data-testid='register-day'] button[type=submit]");
            await EnterAsync(page);
            Assert.Equal("Närvarande", (await page.Locator($"tr[data-case='{caseId}'] [data-testid='stored']").InnerTextAsync()).Trim());
            await BrowserFixture.SaveScreenshotAsync(page, "keyboard-attendance");
        }
        finally
        {
            server.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await new LoginPage(page).GotoAsync(server.BaseUrl);
        await TabToAsync(page, "[name='Input.Email']");
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, "[name='Input.Password']");
        await page.Keyboard.TypeAsync(DemoData.Password);
        await EnterAsync(page);
        Assert.Equal(MyWorkPage.Path, new Uri(page.Url).AbsolutePath);
    }

    /// <summary>
    /// Presses Tab until the element the selector names has the focus; on the way, every element that takes the focus must
    /// show it (an outline the user can see) and lie within the window.
    /// </summary>
    private async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 800; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>(
                """
                selector => {
                    const e = document.activeElement;
                    if (!e || e === document.body) return ['', 'none'];
                    const style = getComputedStyle(e);
                    const shows = e.matches(':focus-within') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                    const r = e.getBoundingClientRect();
                    const seen = r.width > 0 && r.height > 0;
                    return [e.matches(selector) ? 'target' : 'other', shows && seen ? 'shown' : `${e.outerHTML.slice(0, 120)} (outline ${style.outlineStyle} ${style.outlineWidth}, ${Math.round(r.width)}×${Math.round(r.height)} px)`];
                }
                """,
                selector);
            if (focus[0] == "") continue;
            Assert.True(focus[1] == "shown", $"On {page.Url} the focus does not show on {focus[1]}");
            if (focus[0] == "target")
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    /// <summary>Presses Enter and waits for the document it loads; fails on the page's error messages.</summary>
    private async Task EnterAsync(IPage page)
    {
        await page.LoadNewDocumentAsync(() => page.Keyboard.PressAsync("Enter"));
        var errors = await page.Locator(".validation-summary-errors li, .field-validation-error").AllInnerTextsAsync();
        Assert.True(errors.Count == 0, $"{page.Url}: {string.Join(" | ", errors)}");
        output.WriteLine(page.Url);
    }
}
