using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jobbtorg.Tests.SingleSignOn;

/// <summary>
/// A city's identity provider in miniature: a real OpenID Connect server (OpenIddict) on Kestrel at 127.0.0.1, with one
/// registered client that must use the authorization code flow with PKCE. It knows a directory of people; a person
/// "signs in" by the login hint the browser adds to the authorization request (what a person would type on the
/// provider's own sign-in page). The ID token carries `email`, `name` and, when the person has one, `employee_id`.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public sealed record Person(string Subject, string Email, string? EmployeeId = null);

    public const string ClientId = "jobbtorg";
    public const string ClientSecret = "test-client-secret-8d1f2c";
    public const string EmployeeIdClaim = "employee_id";
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Person> directory = new(StringComparer.OrdinalIgnoreCase);
    // The store lives in a private in-memory SQLite database for as long as this connection is open.
    private readonly SqliteConnection keepAlive = new($"Data Source=idp-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    /// <summary>The issuer's address, without a trailing slash, e.g. http://127.0.0.1:40213.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>How many code-for-token exchanges reached the token endpoint over the back channel.</summary>
    public int TokenRequests => tokenRequests;
    private int tokenRequests;

    public TestIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite(keepAlive.ConnectionString);
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(AuthorizationPath.TrimStart('/')).SetTokenEndpointUris(TokenPath.TrimStart('/'));
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    // Plain http on the loopback address only, as a test needs no certificate.
                    .DisableTransportSecurityRequirement();
            });
        app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path == TokenPath) Interlocked.Increment(ref tokenRequests);
            await next();
        });
        app.UseAuthentication();
        app.MapMethods(AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], Authorize);
    }

    /// <summary>A person the provider knows (the city's whole staff, not only Jobbtorg's users).</summary>
    public Person Add(string email, string? employeeId = null)
    {
        var person = new Person(Guid.NewGuid().ToString("N"), email, employeeId);
        directory[email] = person;
        return person;
    }

    public async Task StartAsync()
    {
        await keepAlive.OpenAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        Authority = app.Urls.First().TrimEnd('/');
    }

    /// <summary>Registers Jobbtorg as a confidential client that may only use the code flow with PKCE.</summary>
    public async Task RegisterClientAsync(string redirectUri)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Jobbtorg",
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>The address a browser visits at the provider, with the person who signs in there.</summary>
    public bool IsAuthorization(Uri uri) => uri.GetLeftPart(UriPartial.Path) == Authority + AuthorizationPath;

    public static Uri SignInAs(Uri authorization, string email) =>
        new(authorization + (authorization.Query.Length > 0 ? "&" : "?") + "login_hint=" + Uri.EscapeDataString(email));

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.LoginHint is not { } hint || !directory.TryGetValue(hint, out var person))
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person could not be signed in.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var identity = new ClaimsIdentity("TestIdentityProvider", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Email, person.Email).SetClaim(Claims.Name, person.Email);
        if (person.EmployeeId is { } employeeId) identity.SetClaim(EmployeeIdClaim, employeeId);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await keepAlive.DisposeAsync();
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

/// <summary>A browser without script: one cookie jar for every host, redirects followed one by one. At the identity
/// provider's sign-in the person given to <see cref="SignInAs"/> signs in.</summary>
public sealed class Browser : IDisposable
{
    private readonly TestIdentityProvider provider;
    private readonly HttpClient http;

    public Browser(TestIdentityProvider provider)
    {
        this.provider = provider;
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false });
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every address requested, in order, redirects included.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Who signs in at the identity provider when the browser is sent there.</summary>
    public string? SignInAs { get; set; }

    /// <summary>GETs the address and follows redirects to the page they end on.</summary>
    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var uri = new Uri(url);
        for (var hop = 0; hop < 20; hop++)
        {
            if (provider.IsAuthorization(uri) && SignInAs is { } person) uri = TestIdentityProvider.SignInAs(uri, person);
            Visited.Add(uri);
            var response = await http.GetAsync(uri);
            if ((int)response.StatusCode is < 300 or >= 400) return response;
            uri = new Uri(uri, response.Headers.Location!);
        }
        throw new InvalidOperationException("More than 20 redirects: " + string.Join(" → ", Visited));
    }

    /// <summary>Posts a form to the address, with the antiforgery token of the page it is on, and returns the answer
    /// without following it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields)
    {
        var html = await (await http.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
        return await http.PostAsync(pageUrl, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    public void Dispose() => http.Dispose();
}
