using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts a minute from one client address.</summary>
    [Range(1, 100_000)] public int SignInsPerAddressPerMinute { get; set; } = 10;
    /// <summary>Sign-in attempts in 15 minutes for one e-mail address, whether or not such an account exists.</summary>
    [Range(1, 100_000)] public int SignInsPerAccountPer15Minutes { get; set; } = 20;
    /// <summary>Requests a minute with one API key.</summary>
    [Range(1, 10_000_000)] public int ApiRequestsPerKeyPerMinute { get; set; } = 1200;
}

/// <summary>Slows password guessing without locking anyone out: limits per client address and per account name,
/// the same answer whether the account exists or not. Per app instance.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> byAddress;
    private readonly PartitionedRateLimiter<string> byAccount;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        byAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1) }));
        byAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerAccountPer15Minutes, Window = TimeSpan.FromMinutes(15) }));
    }

    /// <summary>False when this attempt is one too many.</summary>
    public bool TryAttempt(IPAddress? address, string account)
    {
        using var fromAddress = byAddress.AttemptAcquire(address?.ToString() ?? "unknown");
        using var forAccount = byAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return fromAddress.IsAcquired && forAccount.IsAcquired;
    }

    public void Dispose()
    {
        byAddress.Dispose();
        byAccount.Dispose();
    }
}

public static class RequestLimits
{
    public static IServiceCollection AddJobbtorgRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("Jobbtorg:RateLimits").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A system client is limited per key: a runaway integration cannot starve the others.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!AccessSetup.IsApi(ctx.Request) || !ApiKeyHandler.IsPresented(ctx.Request))
                    return RateLimitPartition.GetNoLimiter("");
                var limit = ctx.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.ApiRequestsPerKeyPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ApiKeyHash.Of(ctx.Request.Headers.Authorization.ToString()),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                var texts = http.RequestServices.GetRequiredService<Shared.Texts>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = texts["Too many requests"],
                        Detail = texts["This key has made too many requests in the last minute. Wait a minute and try again."],
                    },
                });
            };
        });
        return services;
    }
}

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
