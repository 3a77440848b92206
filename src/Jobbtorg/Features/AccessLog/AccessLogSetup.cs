using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.AccessLog;

public static class AccessLogSetup
{
    public static IServiceCollection AddAccessLog(this IServiceCollection services)
    {
        services.AddOptions<AccessLogOptions>().BindConfiguration(AccessLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AccessLogContext>();
        services.AddSingleton<CaseReasons>();
        services.AddSingleton<AccessLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        services.AddEndpoints(routes => routes.MapAccessLogApi());
        return services;
    }

    /// <summary>After authorization, so that only requests let through are logged (and refused ones are answered first).</summary>
    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app) => app.UseMiddleware<AccessLogMiddleware>();
}

/// <summary><c>verify-access-log</c>: walks the access log's hash chain and prints whether it is intact or where it is broken
/// first. Exit code 0 when intact, 3 when broken.</summary>
public static class VerifyAccessLogCommand
{
    public const string Name = "verify-access-log";

    public static bool IsRequested(string[] args) => args.Contains(Name);

    public static async Task<int> RunAsync(WebApplication app, TextWriter output)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.JobbtorgDb>();
        var report = await AccessLogChain.VerifyAsync(db);
        await output.WriteLineAsync(report.ToString());
        return report.Intact ? 0 : 3;
    }
}
