using Scalar.AspNetCore;

namespace Jobbtorg.Features.Operations;

/// <summary>What running the app in a city's data centre needs: probes, and no request from a user's browser to any
/// host but this one.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddJobbtorgOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddJobbtorgHealthChecks();
        builder.Services.Configure<ScalarOptions>(KeepApiReferenceLocal);
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
