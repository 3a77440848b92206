using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jobbtorg.Tests.Access;

/// <summary>Sessions live on the server: signing out, idleness, the absolute limit and deactivation end them at once,
/// also for a copy of the cookie.</summary>
[Trait("Category", "Http")]
public sealed class SessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 7, 0, 0, TimeSpan.Zero));
    private readonly JobbtorgAppFactory app;

    public SessionTests() => app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:Sessions:IdleTimeout"] = "00:30:00",
        ["Jobbtorg:Sessions:AbsoluteLifetime"] = "08:00:00",
    }, clock: clock);

    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private static async Task<bool> SignedInAsync(HttpClient client) => (await client.GetAsync("/")).StatusCode == HttpStatusCode.OK;

    /// <summary>Another browser holding only a copy of the session cookie.</summary>
    private HttpClient CopyOf(string cookie)
    {
        var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    /// <summary>Posts a page's form by hand, carrying the given cookies plus the antiforgery cookie the page sets.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string url, string cookies, Dictionary<string, string> fields)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var get = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookies.Length > 0) get.Headers.Add("Cookie", cookies);
        var page = await client.SendAsync(get);
        var antiforgery = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery")).Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        post.Headers.Add("Cookie", cookies.Length > 0 ? $"{cookies}; {antiforgery}" : antiforgery);
        return await client.SendAsync(post);
    }

    private async Task<string> SessionCookieAsync(AppUser user)
    {
        var signedIn = await PostFormAsync("/Account/Login", "", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = JobbtorgAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Jobbtorg.Auth=")).Split(';')[0];
    }

    [Fact]
    public async Task Signing_out_ends_the_session_also_for_a_copied_cookie()
    {
        var user = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var cookie = await SessionCookieAsync(user);
        var copy = CopyOf(cookie);
        Assert.True(await SignedInAsync(copy));

        var logout = await PostFormAsync("/Account/Logout", cookie, []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var after = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_time_and_after_the_absolute_lifetime_however_busy()
    {
        var idle = await app.SignInAsync(await app.CreateUserAsync(Roles.Coach, centre: "farsta"));
        var busy = await app.SignInAsync(await app.CreateUserAsync(Roles.Coach, centre: "farsta"));
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await SignedInAsync(busy));
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await SignedInAsync(busy));
        Assert.False(await SignedInAsync(idle)); // 40 minutes without a request

        // Busy all day: every 20 minutes a request, until eight hours have passed since sign-in.
        for (var minutes = 40; minutes < 8 * 60 - 20; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await SignedInAsync(busy), $"signed out after {minutes + 20} minutes");
        }
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.False(await SignedInAsync(busy));
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_at_once_and_cannot_sign_in_again()
    {
        var user = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var client = await app.SignInAsync(user);
        Assert.True(await SignedInAsync(client));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobbtorgDb>();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, clock.GetUtcNow()));
            Assert.Equal(1, await DatabaseSessionStore.EndAllAsync(db, user.Id));
        }

        Assert.False(await SignedInAsync(client));
        var again = await app.CreateClient(new() { AllowAutoRedirect = false }).SubmitFormAsync("/Account/Login",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = JobbtorgAppFactory.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Failed_sign_ins_never_lock_the_account()
    {
        var user = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var stranger = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 8; i++)
            await stranger.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong-password-" + i });
        Assert.True(await SignedInAsync(await app.SignInAsync(user)));
    }
}

/// <summary>The sign-in limits as shipped: per client address and per account, one answer whether the account exists.</summary>
[Trait("Category", "Http")]
public sealed class SignInLimitTests : IAsyncLifetime
{
    private readonly JobbtorgAppFactory app = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
    {
        ["Jobbtorg:RateLimits:SignInsPerAddressPerMinute"] = "10",
        ["Jobbtorg:RateLimits:SignInsPerAccountPer15Minutes"] = "20",
    });

    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private static async Task<(HttpStatusCode Status, string Message)> TryAsync(HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var html = await response.Content.ReadAsStringAsync();
        var message = System.Text.RegularExpressions.Regex.Match(html, "<li>(.*?)</li>").Groups[1].Value;
        return (response.StatusCode, WebUtility.HtmlDecode(message));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer_until_the_address_limit_is_reached()
    {
        var user = await app.CreateUserAsync(Roles.Coach, centre: "farsta");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var wrongPassword = await TryAsync(client, user.Email!, "not-the-password");
        var unknown = await TryAsync(client, "ingen.alls@test.jobbtorg.se", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(wrongPassword, unknown);

        for (var i = 2; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await TryAsync(client, user.Email!, "guess-" + i)).Status);
        var limited = await TryAsync(client, user.Email!, JobbtorgAppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("För många inloggningsförsök", limited.Message);
    }
}
