using System.Net;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.SingleSignOn;

/// <summary>The app and a real OpenID Connect provider, each on Kestrel, shared by the tests of a class; each test
/// uses people of its own. The app exchanges codes with the provider over HTTP.</summary>
public abstract class SingleSignOnServers(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    public TestIdentityProvider Provider { get; } = new();
    public JobbtorgAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Provider.StartAsync();
        var all = new Dictionary<string, string>(settings)
        {
            ["Jobbtorg:OpenIdConnect:Authority"] = Provider.Authority,
            ["Jobbtorg:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
            ["Jobbtorg:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
        };
        // The provider's tokens carry the real time, so the app's clock starts at the real time too.
        App = JobbtorgAppFactory.WithSettings(all, clock: new FakeTimeProvider(DateTimeOffset.UtcNow), onKestrel: true);
        await App.InitializeAsync();
        await Provider.RegisterClientAsync(App.BaseUrl + "/signin-oidc");
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>Single sign-on matched by e-mail, password sign-in still on.</summary>
public sealed class EmailMatchingServers() : SingleSignOnServers(new Dictionary<string, string>
{
    ["Jobbtorg:OpenIdConnect:DisplayName"] = "Stockholms stad",
});

/// <summary>Single sign-on matched by employee id, password sign-in off.</summary>
public sealed class EmployeeIdOnlyServers() : SingleSignOnServers(new Dictionary<string, string>
{
    ["Jobbtorg:PasswordSignIn"] = "false",
    ["Jobbtorg:OpenIdConnect:MatchClaim"] = TestIdentityProvider.EmployeeIdClaim,
    ["Jobbtorg:OpenIdConnect:MatchUserField"] = "EmployeeId",
});

/// <summary>What a test does with the two servers: a browser that follows the redirects between them as a person's
/// would, with one cookie jar.</summary>
public abstract class SingleSignOnTestBase(SingleSignOnServers servers)
{
    protected TestIdentityProvider Provider => servers.Provider;
    protected JobbtorgAppFactory App => servers.App;

    protected Browser NewBrowser(string? signsInAs) => new(Provider) { SignInAs = signsInAs };

    /// <summary>Opens the sign-in page and follows its single sign-on button to wherever it ends.</summary>
    protected async Task<(HttpResponseMessage Page, string Html)> SignInThroughProviderAsync(Browser browser, string returnUrl = "")
    {
        var login = await (await browser.GetAsync(App.BaseUrl + "/Account/Login" + returnUrl)).Content.ReadAsStringAsync();
        var button = System.Text.RegularExpressions.Regex.Match(login, "<a class=\"button\" data-testid=\"single-sign-on\" href=\"([^\"]+)\"");
        Assert.True(button.Success, "The sign-in page has no single sign-on button.");
        var page = await browser.GetAsync(App.BaseUrl + WebUtility.HtmlDecode(button.Groups[1].Value));
        return (page, await page.Content.ReadAsStringAsync());
    }

    protected Task<int> SessionsOfAsync(string userId) => App.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == userId));

    protected Task<int> AllSessionsAsync() => App.WithDbAsync(db => db.Set<UserSession>().CountAsync());

    protected bool HasCookie(Browser browser, string name) =>
        browser.Cookies.GetCookies(new Uri(App.BaseUrl)).Any(c => c.Name == name && !c.Expired);

    /// <summary>Whether the browser's cookie opens a page of the app.</summary>
    protected async Task<bool> SignedInAsync(Browser browser)
    {
        await browser.GetAsync(App.BaseUrl + "/");
        return browser.Visited[^1].AbsolutePath == "/";
    }
}

/// <summary>Single sign-on matched by e-mail, with password sign-in still on.</summary>
[Trait("Category", "Http")]
public sealed class SingleSignOnTests(EmailMatchingServers servers) : SingleSignOnTestBase(servers), IClassFixture<EmailMatchingServers>
{
    [Fact]
    public async Task A_registered_coach_signs_in_through_the_city_and_lands_on_their_start_page_as_a_coach()
    {
        var coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Cecilia Inloggad");
        Provider.Add(coach.Email!.ToUpperInvariant()); // the provider may spell the address in its own case
        using var browser = NewBrowser(coach.Email!.ToUpperInvariant());
        var exchanges = Provider.TokenRequests;

        var (page, html) = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(App.BaseUrl + "/", browser.Visited[^1].ToString());
        Assert.Contains(browser.Visited, Provider.IsAuthorization);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/signin-oidc");
        Assert.Equal(exchanges + 1, Provider.TokenRequests);
        // The coach's own start page: their open cases, their name in the header, the coach's menu and no manager's lists.
        Assert.Contains("id=\"mine-h\"", html);
        Assert.DoesNotContain("id=\"overdue-h\"", html);
        Assert.Contains("Cecilia Inloggad", html);
        Assert.Contains("href=\"/Cases\"", html);
        Assert.DoesNotContain("href=\"/Reports\"", html);
        // An ordinary session on the server; the provider's answer is not kept.
        Assert.Equal(1, await SessionsOfAsync(coach.Id));
        Assert.True(HasCookie(browser, "Jobbtorg.Auth"));
        Assert.False(HasCookie(browser, "Jobbtorg.External"));
        // The role holds beyond the start page: a coach reads the case list but not the reports.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(App.BaseUrl + "/Cases")).StatusCode);
        await browser.GetAsync(App.BaseUrl + "/Reports");
        Assert.Equal("/Account/AccessDenied", browser.Visited[^1].AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_city_button_beside_the_password_form_and_returns_to_the_page_asked_for()
    {
        using var anonymous = NewBrowser(null);
        var login = await (await anonymous.GetAsync(App.BaseUrl + "/Account/Login")).Content.ReadAsStringAsync();
        Assert.Contains(">Logga in med Stockholms stad</a>", login);
        Assert.Contains("name=\"Input.Password\"", login);

        var manager = await App.CreateUserAsync(Roles.Manager, centre: "farsta");
        Provider.Add(manager.Email!);
        using var browser = NewBrowser(manager.Email);
        var (page, _) = await SignInThroughProviderAsync(browser, "?ReturnUrl=%2FReports");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(App.BaseUrl + "/Reports", browser.Visited[^1].ToString());
    }

    [Fact]
    public async Task A_person_the_city_knows_but_Jobbtorg_does_not_is_told_to_ask_the_administrator_and_gets_no_session()
    {
        Provider.Add("okand.person@stockholm.se");
        using var browser = NewBrowser("okand.person@stockholm.se");
        var sessionsBefore = await AllSessionsAsync();

        var (page, html) = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Ditt konto är inte registrerat i Jobbtorg", html);
        Assert.Contains("Be din administratör", html);
        Assert.Contains("okand.person@stockholm.se", html);
        Assert.Equal(sessionsBefore, await AllSessionsAsync());
        Assert.False(HasCookie(browser, "Jobbtorg.Auth"));
        Assert.False(HasCookie(browser, "Jobbtorg.External"));
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_like_a_stranger()
    {
        var leaver = await App.CreateUserAsync(Roles.CaseWorker, district: "skarpnack");
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == leaver.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, DateTimeOffset.UtcNow)));
        Provider.Add(leaver.Email!);
        using var browser = NewBrowser(leaver.Email);

        var (page, html) = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Ditt konto är inte registrerat i Jobbtorg", html);
        Assert.Equal(0, await SessionsOfAsync(leaver.Id));
        Assert.False(HasCookie(browser, "Jobbtorg.Auth"));
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task A_sign_in_the_city_refuses_returns_to_the_sign_in_page_with_a_message()
    {
        using var browser = NewBrowser("not.in.the.directory@stockholm.se");
        var exchanges = Provider.TokenRequests;

        var (page, html) = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/Account/Login", browser.Visited[^1].AbsolutePath);
        Assert.Contains("Inloggningen med Stockholms stad lyckades inte", html);
        Assert.Equal(exchanges, Provider.TokenRequests);
        Assert.False(HasCookie(browser, "Jobbtorg.Auth"));
    }

    [Fact]
    public async Task Password_sign_in_still_works_beside_single_sign_on()
    {
        var coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta");
        using var browser = NewBrowser(null);
        var posted = await browser.PostFormAsync(App.BaseUrl + "/Account/Login",
            new() { ["Input.Email"] = coach.Email!, ["Input.Password"] = JobbtorgAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await SessionsOfAsync(coach.Id));
    }
}

/// <summary>A city that signs staff in only through its identity provider and matches them by employee id.</summary>
[Trait("Category", "Http")]
public sealed class SingleSignOnOnlyTests(EmployeeIdOnlyServers servers) : SingleSignOnTestBase(servers), IClassFixture<EmployeeIdOnlyServers>
{
    private async Task<Jobbtorg.Features.Access.AppUser> WithEmployeeIdAsync(Jobbtorg.Features.Access.AppUser user, string employeeId)
    {
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmployeeId, employeeId)));
        return user;
    }

    [Fact]
    public async Task A_user_is_found_by_employee_id_whatever_address_the_city_gives()
    {
        var caseWorker = await WithEmployeeIdAsync(await App.CreateUserAsync(Roles.CaseWorker, district: "skarpnack", name: "Hanna Handläggare"), "E-104233");
        Provider.Add("hanna.h@stockholm.se", employeeId: "E-104233");
        using var browser = NewBrowser("hanna.h@stockholm.se");

        var (page, html) = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(App.BaseUrl + "/", browser.Visited[^1].ToString());
        Assert.Contains("Hanna Handläggare", html);
        Assert.Equal(1, await SessionsOfAsync(caseWorker.Id));
    }

    [Fact]
    public async Task A_person_whose_address_matches_but_whose_employee_id_does_not_is_refused()
    {
        var coach = await WithEmployeeIdAsync(await App.CreateUserAsync(Roles.Coach, centre: "farsta"), "E-200001");
        Provider.Add(coach.Email!, employeeId: "E-999999");
        using var browser = NewBrowser(coach.Email);

        var (page, html) = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Ditt konto är inte registrerat i Jobbtorg", html);
        Assert.Equal(0, await SessionsOfAsync(coach.Id));
    }

    [Fact]
    public async Task With_password_sign_in_off_the_form_is_gone_and_a_password_post_is_refused()
    {
        var coach = await App.CreateUserAsync(Roles.Coach, centre: "farsta");
        using var browser = NewBrowser(null);
        var login = await (await browser.GetAsync(App.BaseUrl + "/Account/Login")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Input.Password\"", login);
        Assert.Contains("data-testid=\"single-sign-on\"", login);

        // A post made by hand, with a valid antiforgery token (from the page's language form) and the right password.
        var posted = await browser.PostFormAsync(App.BaseUrl + "/Account/Login",
            new() { ["Input.Email"] = coach.Email!, ["Input.Password"] = JobbtorgAppFactory.Password });

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("Inloggning med lösenord är avstängd", await posted.Content.ReadAsStringAsync());
        Assert.Equal(0, await SessionsOfAsync(coach.Id));
        Assert.False(HasCookie(browser, "Jobbtorg.Auth"));
    }
}

/// <summary>An identity provider that cannot be reached (nothing listens on port 1 of this machine).</summary>
[Trait("Category", "Http")]
public sealed class UnreachableProviderTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:OpenIdConnect:Authority"] = "http://127.0.0.1:1",
        ["Jobbtorg:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
        ["Jobbtorg:OpenIdConnect:DisplayName"] = "Stockholms stad",
    });

    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task When_the_provider_cannot_be_reached_the_sign_in_page_says_so_instead_of_an_error()
    {
        var client = app.AnonymousClient();
        var start = await client.GetAsync("/Account/SingleSignOn");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/Account/Login?sso=unavailable", start.Headers.Location!.OriginalString);

        var login = await (await client.GetAsync(start.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Stockholms stad går inte att nå just nu", login);
        Assert.Contains("name=\"Input.Password\"", login);
    }
}
