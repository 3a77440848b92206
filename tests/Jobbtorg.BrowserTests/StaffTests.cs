using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StaffTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    private const string Administrator = "admin@demo.jobbtorg.se";

    [Fact]
    public async Task Administrator_creates_a_coach_who_signs_in_with_the_one_time_password_and_must_choose_a_new_one()
    {
        var email = $"ny.coach.{Guid.NewGuid():N}"[..18] + "@stad.se";
        const string newPassword = "sju sorters kakor till fikat";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The administrator creates the coach and reads the one-time password off the answer.
        var myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, Administrator, DemoData.Password);
        var staff = await StaffPage.OpenFromMenuAsync(myWork);
        Assert.True(await staff.StaffTable.IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await staff.StartNewUserAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        var oneTime = await staff.CreateAsync(email, "Nina Nyström", "Coach", "Jobbtorg Vällingby");
        Assert.Matches("^[2-9a-z]{4}(-[2-9a-z]{4}){3}$", oneTime);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "staff-user-created");
        await staff.SignOutAsync();

        // The coach signs in with it and can do nothing but choose a password of their own.
        var password = await new LoginPage(page).LogInWithOneTimePasswordAsync(server.BaseUrl, email, oneTime);
        Assert.True(await password.MustChangeNotice.IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
        await BrowserFixture.SaveScreenshotAsync(page, "must-change-password");
        await page.GotoAsync(server.BaseUrl + "/Cases");
        Assert.Equal(PasswordPage.Path, password.CurrentPath);

        var refusals = await password.ChangeRefusedAsync(oneTime, "password1234");
        Assert.NotEmpty(refusals);
        Assert.Equal(PasswordPage.Path, password.CurrentPath);
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        myWork = await password.ChangeAsync(oneTime, newPassword);
        Assert.True(await page.Locator("section[aria-labelledby='mine-h']").IsVisibleAsync()); // a coach's start page
        await myWork.SignOutAsync();

        // From now on the new password opens My work directly.
        myWork = await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, email, newPassword);
        Assert.Equal(MyWorkPage.Path, myWork.CurrentPath);
    }
}
