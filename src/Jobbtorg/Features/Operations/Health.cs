using Jobbtorg.Features.AccessLog;
using System.Text.Json;
using Jobbtorg.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jobbtorg.Features.Operations;

/// <summary>
/// Probes for a load balancer or an orchestrator, open without signing in:
/// `/health/live` says the process answers (no dependencies, so a slow database never gets it restarted);
/// `/health/ready` says it can serve: the database answers and holds every migration this version knows;
/// `/health` is the original probe (the database only, plain text).
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string PlainPath = "/health";

    private const string Live = "live";
    private const string Ready = "ready";
    private const string DatabaseCheck = "database";

    public static IServiceCollection AddJobbtorgHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Live])
            .AddDbContextCheck<JobbtorgDb>(DatabaseCheck, tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapJobbtorgHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(PlainPath, new HealthCheckOptions { Predicate = check => check.Name == DatabaseCheck }).AllowAnonymous().NoPersonalData();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live), ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().NoPersonalData();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().NoPersonalData();
        return app;
    }

    /// <summary>`{"status":"Unhealthy","checks":[{"name":"database","status":"Healthy"},{"name":"migrations",…}]}`.
    /// Exceptions are left out: the probe is anonymous and their messages can name hosts and users.</summary>
    private static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Not ready while the database lacks a migration of this version: the `migrate` command has not run yet,
/// or an older backup was restored. A database ahead of this version (a newer one migrated it) is reported as
/// degraded but still ready, so the old instances keep serving during a rolling upgrade.</summary>
public sealed class MigrationsHealthCheck(JobbtorgDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var pending = known.Count(m => !applied.Contains(m));
            var unknown = applied.Count(m => !known.Contains(m));
            if (pending > 0)
                return HealthCheckResult.Unhealthy($"{pending} of {known.Count} migrations not applied; run the migrate command.");
            if (unknown > 0)
                return HealthCheckResult.Degraded($"The database holds {unknown} migrations newer than this version.");
            return HealthCheckResult.Healthy($"{known.Count} migrations applied.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The migrations history could not be read.", e);
        }
    }
}
