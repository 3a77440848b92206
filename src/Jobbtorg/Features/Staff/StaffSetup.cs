using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobbtorg.Features.Staff;

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
