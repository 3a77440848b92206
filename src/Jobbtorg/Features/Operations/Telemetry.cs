using System.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jobbtorg.Features.Operations;

/// <summary>
/// Traces and metrics over OTLP, only when an endpoint is configured: the standard `OTEL_EXPORTER_OTLP_ENDPOINT`
/// (with `OTEL_EXPORTER_OTLP_PROTOCOL` and the other `OTEL_*` settings) or `Jobbtorg:OpenTelemetry:Endpoint`
/// (and `:Protocol`, `grpc` or `http/protobuf`). Without one nothing is registered and nothing is collected.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "Jobbtorg:OpenTelemetry:Endpoint";
    public const string ProtocolSetting = "Jobbtorg:OpenTelemetry:Protocol";
    private const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string StandardProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static WebApplicationBuilder AddJobbtorgTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // The Jobbtorg settings are handed to the exporter as the standard ones, so that it appends /v1/traces and
        // /v1/metrics for http/protobuf exactly as it does for the environment variables.
        var overrides = new Dictionary<string, string?>();
        if (configuration[EndpointSetting] is { Length: > 0 } endpoint) overrides[StandardEndpoint] = endpoint;
        if (configuration[ProtocolSetting] is { Length: > 0 } protocol) overrides[StandardProtocol] = protocol;
        if (overrides.Count > 0) configuration.AddInMemoryCollection(overrides);
        if (string.IsNullOrWhiteSpace(configuration[StandardEndpoint])) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service; the default detectors read it.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                    resource.AddService("jobbtorg", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString());
            })
            .WithTracing(tracing => tracing
                // First, so every exporter added after it sees only what is left.
                .AddProcessor(new PersonalDataRedaction())
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes every few seconds would drown the traces that matter.
                    o.Filter = http => !http.Request.Path.StartsWithSegments(Health.PlainPath);
                    // Exception messages can quote what a user typed.
                    o.RecordException = false;
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false)
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("System.Runtime")
                .AddOtlpExporter());
        return builder;
    }
}

/// <summary>
/// Keeps personal data out of spans. Personal numbers travel in query strings (`/Cases?q=…`), and the
/// instrumentation's own redaction keeps query keys, so a bare `?19850101-2382` would pass it: the query is dropped
/// from every attribute that holds one. Span names hold the route template, never the query. SQL is sent with
/// parameters, whose values Npgsql never records; no instrumentation used here records request or response bodies.
/// </summary>
public sealed class PersonalDataRedaction : BaseProcessor<Activity>
{
    private static readonly HashSet<string> Queries = ["url.query", "http.query"];
    private static readonly HashSet<string> Urls = ["url.full", "url.original", "http.url", "http.target"];

    public override void OnEnd(Activity activity)
    {
        List<KeyValuePair<string, object?>>? changes = null;
        foreach (var (key, value) in activity.TagObjects)
        {
            if (Queries.Contains(key))
                (changes ??= []).Add(new(key, null));
            else if (Urls.Contains(key) && value is string url && url.IndexOf('?') is >= 0 and var at)
                (changes ??= []).Add(new(key, url[..at]));
        }
        foreach (var (key, value) in changes ?? [])
            activity.SetTag(key, value); // null removes the tag
    }
}
