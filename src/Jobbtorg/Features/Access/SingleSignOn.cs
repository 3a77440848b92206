using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Jobbtorg.Features.Access;

/// <summary>
/// Single sign-on with the city's identity provider (OpenID Connect, authorization code with PKCE). The provider's
/// answer lands in Identity's short-lived external cookie; the callback page matches the person to an existing,
/// active staff user and signs that user in with the ordinary sign-in cookie, so the session, claims, roles and reach
/// are the same as after a password sign-in. Nobody is ever created here.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "OpenIdConnect";
    /// <summary>The redirect URI to register at the identity provider is https://&lt;host&gt;/signin-oidc.</summary>
    public const string CallbackPath = "/signin-oidc";

    public static AuthenticationBuilder AddJobbtorgSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration,
        CookieSecurePolicy secureCookies)
    {
        var services = authentication.Services;
        services.AddOptions<StaffSignInOptions>().BindConfiguration("Jobbtorg").ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffSignInOptions>, StaffSignInValidation>();
        services.AddScoped<SingleSignOnUsers>();
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = "Jobbtorg.External";
            o.Cookie.SecurePolicy = secureCookies;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        var settings = (configuration.GetSection("Jobbtorg").Get<StaffSignInOptions>() ?? new()).OpenIdConnect;
        if (!settings.IsConfigured) return authentication;
        return authentication.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            // Only the validation above lets an http authority through, and only on this machine.
            o.RequireHttpsMetadata = settings.Authority!.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in a redirect rather than a cross-site form post, so the correlation cookies can be
            // SameSite=Lax and need no script on either side.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" }.Concat(settings.Scopes).Distinct()) o.Scope.Add(scope);
            // Claims keep the provider's names (`email`, not a long URI), so MatchClaim is written as the provider sends it.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.DisableTelemetry = true;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = secureCookies;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = secureCookies;
            o.Events.OnRemoteFailure = ctx =>
            {
                // A cancelled or failed sign-in at the provider, or a stale callback: back to the sign-in page, never an error page.
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                    .LogWarning("Single sign-on did not complete: {Reason}", ctx.Failure?.Message);
                ctx.Response.Redirect("/Account/Login?sso=failed");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
