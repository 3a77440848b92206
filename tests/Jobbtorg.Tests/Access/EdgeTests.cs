using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Jobbtorg.Tests.Access;

/// <summary>The edge of the app: headers, hosts, cross-site requests.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class EdgeTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task Pages_forbid_inline_script_and_nothing_with_personal_data_is_cached()
    {
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var page = await manager.GetAsync("/");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.DoesNotContain(" style=\"", await page.Content.ReadAsStringAsync());

        var api = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("no-store", api.Headers.CacheControl!.ToString());
        Assert.False(api.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_foreign_host_header_is_refused_rather_than_copied_into_a_redirect()
    {
        var client = app.AnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/Cases");
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task An_api_change_made_with_the_sign_in_needs_the_pages_antiforgery_token()
    {
        var user = await app.CreateUserAsync(Roles.Manager, centre: "farsta");
        var withToken = await app.SignInAsync(user);
        var withoutToken = await app.SignInAsync(user);
        withoutToken.DefaultRequestHeaders.Remove(ApiAntiforgery.HeaderName);
        object Meeting(int day) => new { jobCentre = "farsta", kind = "Adult", date = app.Today.AddDays(day).ToString("yyyy-MM-dd"), time = "09:00", room = "Sal 3", capacity = 5 };

        var forged = await withoutToken.PostAsJsonAsync("/api/info-meetings", Meeting(30));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(ApiAntiforgery.HeaderName, await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await withoutToken.GetAsync("/api/info-meetings?jobCentre=farsta")).StatusCode); // reading needs none
        Assert.Equal(HttpStatusCode.Created, (await withToken.PostAsJsonAsync("/api/info-meetings", Meeting(31))).StatusCode);
    }

    [Fact]
    public async Task An_api_key_is_not_a_sign_in_for_the_api_reference_page()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/docs");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Production behind the city's TLS proxy.</summary>
[Trait("Category", "Http")]
public sealed class ProductionEdgeTests
{
    private sealed class ProductionApp : WebApplicationFactory<Program>
    {
        public readonly string DatabasePath = Path.Combine(Path.GetTempPath(), $"jobbtorg-edge-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={DatabasePath}");
            builder.UseSetting("AllowedHosts", "jobbtorg.stad.example");
            builder.UseSetting("Jobbtorg:Proxy:KnownProxies:0", "10.1.2.3");
            builder.UseSetting("Jobbtorg:Research:PseudonymKey", "test-research-pseudonym-key-0123456789abcdef");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(DatabasePath);
        }
    }

    private static Task<HttpContextResult> SendAsync(TestServer server, string scheme, string? forwardedProto, string from) =>
        server.SendAsync(ctx =>
        {
            ctx.Request.Method = "GET";
            ctx.Request.Scheme = scheme;
            ctx.Request.Host = new("jobbtorg.stad.example");
            ctx.Request.Path = "/Account/Login";
            ctx.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedProto is not null)
            {
                ctx.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
                ctx.Request.Headers["X-Forwarded-For"] = "192.0.2.44";
            }
        }).ContinueWith(t => new HttpContextResult(t.Result));

    private sealed record HttpContextResult(Microsoft.AspNetCore.Http.HttpContext Context)
    {
        public int Status => Context.Response.StatusCode;
        public string Header(string name) => Context.Response.Headers[name].ToString();
    }

    [Fact]
    public async Task Https_is_enforced_and_only_the_known_proxy_is_believed()
    {
        using var app = new ProductionApp();
        var server = app.Server;

        var plain = await SendAsync(server, "http", null, "192.0.2.10");
        Assert.Equal(307, plain.Status);
        Assert.StartsWith("https://jobbtorg.stad.example/", plain.Header("Location"));

        var viaProxy = await SendAsync(server, "http", "https", "10.1.2.3");
        Assert.Equal(200, viaProxy.Status);
        Assert.Contains("max-age=31536000", viaProxy.Header("Strict-Transport-Security"));

        var forged = await SendAsync(server, "http", "https", "192.0.2.10");
        Assert.Equal(307, forged.Status); // X-Forwarded-Proto from anyone but the proxy is ignored
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_secure()
    {
        using var app = new ProductionApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://jobbtorg.stad.example") });
        var page = await client.GetAsync("/Account/Login");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Demo_data_is_refused_in_every_environment_but_development()
    {
        var database = Path.Combine(Path.GetTempPath(), $"jobbtorg-staging-{Guid.NewGuid():N}.db");
        using var staging = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Staging");
            b.UseSetting("ConnectionStrings:Jobbtorg", $"Data Source={database}");
            b.UseSetting("Jobbtorg:DemoData", "true");
            b.UseSetting("Jobbtorg:Research:PseudonymKey", "test-research-pseudonym-key-0123456789abcdef");
        });
        var error = Assert.Throws<InvalidOperationException>(() => staging.Services);
        Assert.Contains("Development only", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database);
    }
}
