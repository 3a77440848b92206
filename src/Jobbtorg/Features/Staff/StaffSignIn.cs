using System.Security.Claims;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Staff;

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
