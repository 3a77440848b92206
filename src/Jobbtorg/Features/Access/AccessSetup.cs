using System.Globalization;
using Jobbtorg.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

public static class AccessSetup
{
    private const string StaffOrApiKey = "StaffOrApiKey";
    public const string DataProtectionApplicationName = "Jobbtorg";

    /// <summary>People sign in with ASP.NET Core Identity (a cookie holding a server-side session), with a password or
    /// through the city's identity provider (<see cref="SingleSignOn"/>); district systems
    /// and robots send `Authorization: ApiKey …`. A key is read only on the API (and the OpenAPI document): pages know
    /// only the staff sign-in. Every endpoint asks for a permission of <see cref="AccessRules"/>; what asks for
    /// nothing is for signed-in staff only.</summary>
    public static IServiceCollection AddJobbtorgAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SessionOptions>().BindConfiguration("Jobbtorg:Sessions").ValidateDataAnnotations().ValidateOnStart();
        // The keys are a list directly under Jobbtorg, so their options read that section (and nothing else in it).
        services.AddOptions<ApiKeyOptions>().BindConfiguration("Jobbtorg").ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length, not composition (NIST SP 800-63B); the rest of the rules are in Staff/PasswordRules.cs.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = true;
                // Failed sign-ins are slowed by rate limits, not by locking the account: a lockout would let anyone
                // lock a colleague out by typing their address.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<JobbtorgDb>()
            .AddClaimsPrincipalFactory<AppUserClaimsFactory>()
            .AddDefaultTokenProviders();

        var secureCookies = environment.IsDevelopment() || environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddSingleton<DatabaseSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseSessionStore, IOptions<SessionOptions>>((o, store, sessions) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = sessions.Value.AbsoluteLifetime;
            });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Jobbtorg.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secureCookies;
            // The session itself ends on the server (idle and absolute limits in DatabaseSessionStore); the cookie only
            // carries its key and is not renewed.
            o.SlidingExpiration = false;
            // The API answers 401/403; only pages redirect to the login form.
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request) ? Status(ctx.Response, 401) : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request) ? Status(ctx.Response, 403) : Redirect(ctx);
        });
        // Every instance protects and reads cookies and antiforgery tokens with the same keys, kept in the database, so a
        // request may land on any instance. The application name, not the folder the app runs from, isolates the keys.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<JobbtorgDb>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secureCookies;
            o.HeaderName = ApiAntiforgery.HeaderName;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secureCookies);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = StaffOrApiKey;
                o.DefaultAuthenticateScheme = StaffOrApiKey;
                o.DefaultChallengeScheme = StaffOrApiKey;
                o.DefaultForbidScheme = StaffOrApiKey;
            })
            .AddPolicyScheme(StaffOrApiKey, "Staff sign-in, or an API key on the API", o => o.ForwardDefaultSelector = ctx =>
                IsApi(ctx.Request) && ApiKeyHandler.IsPresented(ctx.Request) ? ApiKeyHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddJobbtorgSingleSignOn(configuration, secureCookies);

        var authorization = services.AddAuthorizationBuilder();
        var staff = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.Identity?.AuthenticationType != ApiKeyHandler.SchemeName).Build();
        // What names no policy is for staff; on the API only routing's own answers (404, 405, 415) name none, and a
        // test makes sure every API endpoint names its permission.
        var fallback = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.Identity?.AuthenticationType != ApiKeyHandler.SchemeName
                                     || (ctx.Resource is HttpContext http && IsApi(http.Request))).Build();
        authorization.SetFallbackPolicy(fallback).SetDefaultPolicy(staff).AddPolicy(Policies.Staff, staff);
        authorization.AddPolicy(Policies.StaffOrAnyKey, p => p.RequireAuthenticatedUser());
        foreach (var permission in Enum.GetValues<Permission>())
            authorization.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser()
                .RequireAssertion(ctx => AccessRules.Holds(AccessPrincipal.From(ctx.User), permission)));

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CaseAccess>();
        services.AddJobbtorgRateLimits(configuration);
        return services;
    }

    public static IServiceCollection AddJobbtorgLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [Shared.Texts.Swedish, Shared.Texts.English];
            o.DefaultRequestCulture = new RequestCulture(Shared.Texts.Swedish);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Swedish unless the user picked English (cookie); the JSON API speaks English unless asked for Swedish.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(ctx => Task.FromResult<ProviderCultureResult?>(
                    IsApi(ctx.Request) && !ctx.Request.Headers.AcceptLanguage.ToString().StartsWith("sv", StringComparison.OrdinalIgnoreCase)
                        ? new ProviderCultureResult("en-GB") : null)),
            ];
        });

    /// <summary>The machine-facing part of the app: the JSON API and the OpenAPI document.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
