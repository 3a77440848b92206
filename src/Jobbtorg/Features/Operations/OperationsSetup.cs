using Scalar.AspNetCore;

namespace Jobbtorg.Features.Operations;

/// <summary>What running the app in a city's data centre needs: logs a log collector can read, probes, traces and
/// metrics, and no request from a user's browser to any host but this one.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddJobbtorgOperations(this WebApplicationBuilder builder)
    {
        builder.AddJobbtorgLogging();
        builder.AddJobbtorgTelemetry();
        builder.Services.AddJobbtorgHealthChecks();
        builder.Services.Configure<ScalarOptions>(KeepApiReferenceLocal);
        return builder;
    }

    /// <summary>One JSON object per line on the console outside Development (timestamps in UTC, with the trace id
    /// from the request's scope); the readable simple console in Development. `Logging:Console:FormatterName`
    /// still chooses when set.</summary>
    public static WebApplicationBuilder AddJobbtorgLogging(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration["Logging:Console:FormatterName"]))
            return builder;
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        return builder;
    }

    /// <summary>The API reference serves its own script; these keep it from loading fonts from the library's CDN
    /// and from calling the library's services (telemetry, AI chat, MCP), none of which an internal system may reach.</summary>
    private static void KeepApiReferenceLocal(ScalarOptions options) => options
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .HideDeveloperTools();
}
