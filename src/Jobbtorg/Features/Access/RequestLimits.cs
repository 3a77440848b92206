using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

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
