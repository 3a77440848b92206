using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Jobbtorg.Features.Access;

/// <summary>Which field of a staff user the identity provider's claim is compared with.</summary>
public enum UserMatchField { Email, EmployeeId }

/// <summary>`Jobbtorg:OpenIdConnect`: the city's identity provider, when staff sign in through it.</summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The identity provider's address (its discovery document is read from here). Unset: no single sign-on.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The claim of the ID token that names the person, e.g. `email` or an employee id claim.</summary>
    public string MatchClaim { get; set; } = "email";
    public UserMatchField MatchUserField { get; set; } = UserMatchField.Email;
    /// <summary>The identity provider's name on the sign-in button: "Sign in with &lt;name&gt;".</summary>
    public string? DisplayName { get; set; }
    /// <summary>Scopes asked for besides `openid`, `profile` and `email`, for a provider that gives the matching claim
    /// only under a scope of its own.</summary>
    public List<string> Scopes { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>How staff sign in, bound from `Jobbtorg`: with a password, through the identity provider, or both.</summary>
public sealed class StaffSignInOptions
{
    /// <summary>False hides the password form and refuses password posts; staff then sign in only through the
    /// identity provider.</summary>
    public bool PasswordSignIn { get; set; } = true;
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

/// <summary>Refuses to start with settings that would let nobody sign in or would trust an identity provider over
/// plain http.</summary>
public sealed class StaffSignInValidation : IValidateOptions<StaffSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffSignInOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(StaffSignInOptions options)
    {
        var oidc = options.OpenIdConnect;
        if (!oidc.IsConfigured)
        {
            if (!options.PasswordSignIn)
                yield return "Jobbtorg:PasswordSignIn is false but Jobbtorg:OpenIdConnect:Authority is not set: nobody could sign in.";
            yield break;
        }
        // Tokens and the provider's keys travel over this address; plain http only where it never leaves the machine.
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback))
            || authority.Query.Length > 0 || authority.Fragment.Length > 0)
            yield return "Jobbtorg:OpenIdConnect:Authority must be an https address (http only for localhost or 127.0.0.1).";
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
            yield return "Jobbtorg:OpenIdConnect:ClientId is required when Jobbtorg:OpenIdConnect:Authority is set.";
        if (string.IsNullOrWhiteSpace(oidc.MatchClaim))
            yield return "Jobbtorg:OpenIdConnect:MatchClaim must name the claim that identifies the person (default email).";
        if (!Enum.IsDefined(oidc.MatchUserField))
            yield return "Jobbtorg:OpenIdConnect:MatchUserField must be Email or EmployeeId.";
    }
}

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

/// <summary>Who a person coming from the identity provider is among the staff: the user whose e-mail (or employee id)
/// equals the configured claim, if that user is active.</summary>
public sealed class SingleSignOnUsers(UserManager<AppUser> users, IOptions<StaffSignInOptions> options)
{
    private OpenIdConnectSettings Settings => options.Value.OpenIdConnect;

    /// <summary>The value of the matching claim, as the provider sent it.</summary>
    public string? Identifier(ClaimsPrincipal person) =>
        person.FindFirst(Settings.MatchClaim)?.Value.Trim() is { Length: > 0 and <= 256 } value ? value : null;

    public async Task<AppUser?> FindActiveAsync(ClaimsPrincipal person)
    {
        if (Identifier(person) is not { } identifier) return null;
        var user = Settings.MatchUserField switch
        {
            UserMatchField.EmployeeId => await users.Users.SingleOrDefaultAsync(u => u.EmployeeId == identifier),
            _ => await users.FindByEmailAsync(identifier),
        };
        return user is { IsActive: true } ? user : null;
    }
}
