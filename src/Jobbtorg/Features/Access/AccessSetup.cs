using System.Globalization;
using Jobbtorg.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Jobbtorg.Features.Access;

public static class Policies
{
    public const string ReferralsWrite = nameof(ReferralsWrite);
    public const string ReadCases = nameof(ReadCases);
    public const string Import = nameof(Import);
    public const string Export = nameof(Export);
    public const string ReadReports = nameof(ReadReports);
    public const string ManageInfoMeetings = nameof(ManageInfoMeetings);
    public const string WriteFollowUp = nameof(WriteFollowUp);
}

public static class AccessSetup
{
    private const string CookieOrApiKey = "CookieOrApiKey";

    /// <summary>People sign in with ASP.NET Core Identity (cookie); district systems and robots send
    /// `Authorization: ApiKey …`. Everything requires one or the other unless marked anonymous.</summary>
    public static IServiceCollection AddJobbtorgAccess(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<JobbtorgDb>()
            .AddClaimsPrincipalFactory<AppUserClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Jobbtorg.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // The API answers 401/403; only pages redirect to the login form.
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request) ? Status(ctx.Response, 401) : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request) ? Status(ctx.Response, 403) : Redirect(ctx);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = CookieOrApiKey;
                o.DefaultChallengeScheme = CookieOrApiKey;
                o.DefaultForbidScheme = CookieOrApiKey;
            })
            .AddPolicyScheme(CookieOrApiKey, "Cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith(ApiKeyHandler.SchemeName + " ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ReferralsWrite, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(JobbtorgClaims.Scope, Scopes.ReferralsWrite)
                || ctx.User.IsInRole(Roles.CaseWorker) || ctx.User.IsInRole(Roles.Manager) || ctx.User.IsInRole(Roles.Administrator)))
            .AddPolicy(Policies.ReadCases, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(JobbtorgClaims.Scope, Scopes.ReferralsWrite)
                || Roles.All.Where(r => r is not (Roles.Analyst or Roles.Provider)).Any(ctx.User.IsInRole)))
            .AddPolicy(Policies.Import, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(JobbtorgClaims.Scope, Scopes.Import) || ctx.User.IsInRole(Roles.Administrator)))
            .AddPolicy(Policies.Export, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(JobbtorgClaims.Scope, Scopes.Export) || ctx.User.IsInRole(Roles.Administrator)))
            .AddPolicy(Policies.ReadReports, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(JobbtorgClaims.Scope, Scopes.ReportsRead)
                || ctx.User.IsInRole(Roles.Manager) || ctx.User.IsInRole(Roles.Analyst) || ctx.User.IsInRole(Roles.Administrator)))
            .AddPolicy(Policies.ManageInfoMeetings, p => p.RequireRole(Roles.Manager, Roles.Administrator))
            .AddPolicy(Policies.WriteFollowUp, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(JobbtorgClaims.Scope, Scopes.FollowUpWrite) || ctx.User.IsInRole(Roles.Administrator)));

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CaseAccess>();
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

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
