using System.Security.Claims;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Staff;

public static class StaffClaims
{
    /// <summary>Present in a session signed in with a one-time password.</summary>
    public const string MustChangePassword = "jobbtorg:must-change-password";
}

public static class StaffSetup
{
    /// <summary>Staff administration, the password rules for every password set through Identity, and what happens at
    /// sign-in: the time is recorded and a one-time password marks the session.</summary>
    public static IServiceCollection AddJobbtorgStaff(this IServiceCollection services)
    {
        services.AddScoped<StaffAdministration>();
        services.AddSingleton<CommonPasswords>();
        // Identity's own validator checks composition (digits, upper case…); these rules replace it.
        services.RemoveAll<IPasswordValidator<AppUser>>();
        services.AddScoped<IPasswordValidator<AppUser>, StaffPasswordValidator>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var previous = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async ctx =>
            {
                await previous(ctx);
                await StaffSignIn.OnSigningInAsync(ctx);
            };
        });
        return services;
    }

    /// <summary>A session signed in with a one-time password reaches only the password page (and signing out) until the
    /// user has chosen their own password; the API answers 403 meanwhile.</summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword) && !StaffSignIn.OpenWithOneTimePassword(ctx.Request.Path))
        {
            if (AccessSetup.IsApi(ctx.Request)) ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            else ctx.Response.Redirect(StaffSignIn.PasswordPage);
            return;
        }
        await next();
    });
}

/// <summary>What the sign-in cookie records beside Identity's claims, whichever way the user signed in.</summary>
public static class StaffSignIn
{
    public const string PasswordPage = "/Account/Password";
    /// <summary>Set on a request that signs the user in again after a password change: not a new sign-in.</summary>
    public const string RenewalItem = "jobbtorg:sign-in-renewal";

    private static readonly PathString[] Open =
        [PasswordPage, "/Account/Logout", "/Account/Login", "/Account/Language", "/Account/AccessDenied", "/Error", "/health"];

    /// <summary>The claim in the sign-in cookie that holds the key of its server-side session (set by the cookie handler).</summary>
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public static bool OpenWithOneTimePassword(PathString path) => Open.Any(p => path.StartsWithSegments(p));

    /// <summary>Ends every session of the user but the one this request belongs to.</summary>
    public static Task<int> EndOtherSessionsAsync(HttpContext ctx, JobbtorgDb db, string userId)
    {
        var options = ctx.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookie = options.Cookie.Name is { } name ? options.CookieManager.GetRequestCookie(ctx, name) : null;
        var current = cookie is null ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionIdClaim)?.Value;
        return db.Set<UserSession>().Where(s => s.UserId == userId && s.Id != current).ExecuteDeleteAsync(ctx.RequestAborted);
    }

    public static async Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
            return;
        var db = ctx.HttpContext.RequestServices.GetRequiredService<JobbtorgDb>();
        var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var tracked = db.Users.Local.FirstOrDefault(u => u.Id == userId);
        var mustChange = tracked?.MustChangePassword
                         ?? await db.Users.Where(u => u.Id == userId).Select(u => u.MustChangePassword).FirstOrDefaultAsync();
        // Only a sign-in with the password itself (Identity marks it amr=pwd) is held to the one-time password; a user
        // who signs in through the city's identity provider has no use for a local password.
        if (mustChange && identity.HasClaim("amr", "pwd")) identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        if (ctx.HttpContext.Items.ContainsKey(RenewalItem)) return;

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now));
        if (tracked is not null)
        {
            // Keep a user already loaded in this request in step, so that a later save does not write the old value back.
            var property = db.Entry(tracked).Property(u => u.LastSignInAt);
            property.CurrentValue = now;
            property.OriginalValue = now;
        }
    }
}
