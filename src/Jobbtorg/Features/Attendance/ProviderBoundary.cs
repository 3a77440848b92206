using Jobbtorg.Features.Access;

namespace Jobbtorg.Features.Attendance;

/// <summary>
/// An external provider's staff see the attendance day view and nothing else: no case pages, no journal, no menus,
/// no API. Enforced here for every request, so a page or endpoint added later cannot leak by forgetting an attribute.
/// </summary>
public static class ProviderBoundary
{
    public static readonly string DayView = StartPage.Attendance.Path;

    public static IApplicationBuilder UseProviderBoundary(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.IsInRole(Roles.Provider) && !IsAllowed(ctx.Request.Path))
        {
            if (ctx.Request.Path == "/" && HttpMethods.IsGet(ctx.Request.Method)) ctx.Response.Redirect(AccessRules.StartPageOf(AccessPrincipal.From(ctx.User)).Path);
            else ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next();
    });

    public static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(DayView, out var rest) && (!rest.HasValue || rest == "/" || rest.Equals("/Index", StringComparison.OrdinalIgnoreCase))
        || path.StartsWithSegments("/Account") || path.StartsWithSegments("/Error");
}
