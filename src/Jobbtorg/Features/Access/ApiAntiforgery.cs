using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Access;

/// <summary>
/// A state-changing API call made with the staff sign-in cookie must carry the antiforgery token of one of the app's
/// pages (header <see cref="HeaderName"/>): otherwise any site the person visits could post to the API in their name.
/// System clients send an API key, which a browser never adds by itself, and need no token.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (AccessSetup.IsApi(ctx.Request) && !IsSafe(ctx.Request.Method) && ctx.User.Identity?.IsAuthenticated == true
            && ctx.User.Identity.AuthenticationType != ApiKeyHandler.SchemeName)
        {
            try
            {
                await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx);
            }
            catch (AntiforgeryValidationException)
            {
                var texts = ctx.RequestServices.GetRequiredService<Shared.Texts>();
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = ctx,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = texts["The request was refused"],
                        Detail = texts.Format("A change made with a sign-in must carry the page's antiforgery token in the {0} header; system clients use an API key.", HeaderName),
                    },
                });
                return;
            }
        }
        await next();
    });

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
