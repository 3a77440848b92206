using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Operations;
using Jobbtorg.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Jobbtorg.Tests.Operations;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class TelemetryTests(JobbtorgAppFactory app)
{
    [Fact]
    public void Without_an_endpoint_nothing_is_collected_or_exported()
    {
        if (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 }) return; // this machine asks for it
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Spans_hold_no_personal_number_from_query_strings_request_bodies_or_SQL()
    {
        var spans = new LockedList<Activity>();
        var traced = JobbtorgAppFactory.WithSettings(
            new Dictionary<string, string>
            {
                // Nothing listens there: the spans are read from memory, the OTLP exporter only has to be registered.
                [Telemetry.EndpointSetting] = "http://127.0.0.1:9",
                ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000",
            },
            services: s => s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        await traced.InitializeAsync();
        try
        {
            Assert.NotNull(traced.Services.GetService<TracerProvider>());
            var person = TestPeople.Adult(traced.Today);
            var forms = FormsOf(person);
            var trace = ActivityTraceId.CreateRandom();

            var robot = Traced(traced.ApiClient(JobbtorgAppFactory.RobotKey), trace);
            var referred = await robot.PostAsJsonAsync("/api/referrals", new
            {
                personalNumber = person, district = "enskede-arsta-vantor", targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
                consentGiven = true, consentDate = traced.Today.ToString("yyyy-MM-dd"),
            });
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
            var caseId = (await referred.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
            var administrator = Traced(await traced.SignInAsNewAsync(Roles.Administrator), trace);
            // A bare key as well: the instrumentation's own redaction replaces values but keeps keys.
            var search = await administrator.GetStringAsync($"/Cases?q={forms[1]}&{forms[3]}");
            Assert.Contains($"/Cases/Details/{caseId}", search); // found: the number went all the way to the database
            Assert.Equal(HttpStatusCode.OK, (await robot.GetAsync($"/api/cases?districtReferralId={person}")).StatusCode);

            var ours = await WaitForAsync(() => spans.Snapshot().Where(s => s.TraceId == trace).ToList(),
                found => found.Count(s => s.Kind == ActivityKind.Server) >= 3);
            Assert.Contains(ours, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("url.path") == "/Cases");
            if (JobbtorgAppFactory.OnPostgres) Assert.Contains(ours, s => s.Source.Name == "Npgsql");

            var leaks = ours.SelectMany(s => TextsOf(s).Where(text => forms.Any(text.Contains)).Select(text => $"{s.DisplayName}: {text}")).ToList();
            Assert.True(leaks.Count == 0, "Personal number in spans:\n" + string.Join("\n", leaks));
        }
        finally
        {
            await ((IAsyncLifetime)traced).DisposeAsync();
        }
    }

    [Fact]
    public async Task Traces_and_metrics_go_over_OTLP_to_the_configured_endpoint_without_the_personal_number()
    {
        using var collector = new OtlpCollector();
        var exporting = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>
        {
            [Telemetry.EndpointSetting] = collector.Url,
            [Telemetry.ProtocolSetting] = "http/protobuf",
        });
        await exporting.InitializeAsync();
        try
        {
            var person = TestPeople.Adult(exporting.Today);
            var coach = await exporting.SignInAsNewAsync(Roles.Coach, centre: "farsta");
            Assert.Equal(HttpStatusCode.OK, (await coach.GetAsync($"/Cases?q={person}&{person}")).StatusCode);

            // Flushed rather than waited for (the batch delay, the one-minute metric interval), again until the span of
            // the search, which ends just after its response reached the client, has gone too.
            var tracer = exporting.Services.GetRequiredService<TracerProvider>();
            var traces = await WaitForAsync(() =>
            {
                tracer.ForceFlush(10_000);
                return string.Concat(collector.Received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)));
            }, text => text.Contains("/Cases", StringComparison.Ordinal));
            Assert.True(exporting.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

            var received = collector.Received.ToList();
            Assert.Contains(received, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf");
            Assert.Contains(received, r => r.Path == "/v1/metrics" && r.ContentType == "application/x-protobuf");
            // Protocol buffers carry strings as UTF-8 bytes: the exported spans name the page but not the number.
            Assert.Contains("/Cases", traces);
            Assert.All(FormsOf(person), form => Assert.DoesNotContain(form, traces));
        }
        finally
        {
            await ((IAsyncLifetime)exporting).DisposeAsync();
        }
    }

    [Fact]
    public void The_query_is_dropped_from_every_URL_a_span_holds()
    {
        using var source = new ActivitySource("Jobbtorg.Tests.Redaction");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var span = source.StartActivity("GET")!;
        span.SetTag("url.full", "https://district.example/messages?personalNumber=19850101-2382");
        span.SetTag("url.query", "?19850101-2382");
        span.SetTag("url.path", "/messages");
        span.SetTag("http.route", "/api/cases/{id?}");

        new PersonalDataRedaction().OnEnd(span);

        Assert.Equal("https://district.example/messages", span.GetTagItem("url.full"));
        Assert.Null(span.GetTagItem("url.query"));
        Assert.Equal("/messages", span.GetTagItem("url.path"));
        Assert.Equal("/api/cases/{id?}", span.GetTagItem("http.route"));
    }

    /// <summary>12 digits, with a hyphen, and both 10-digit forms.</summary>
    private static string[] FormsOf(string twelveDigits) =>
        [twelveDigits, twelveDigits[..8] + "-" + twelveDigits[8..], twelveDigits[2..], twelveDigits[2..8] + "-" + twelveDigits[8..]];

    private static HttpClient Traced(HttpClient client, ActivityTraceId trace)
    {
        client.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        return client;
    }

    private static IEnumerable<string> TextsOf(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}: {t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Links.SelectMany(l => l.Tags?.Select(t => $"link: {t.Key}={t.Value}") ?? []))
            .Concat(span.Baggage.Select(b => $"baggage: {b.Key}={b.Value}"));

    /// <summary>A server span ends just after its response has reached the client: wait for it rather than race it.</summary>
    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var value = read();
            if (done(value)) return value;
            await Task.Delay(25);
        }
        return read();
    }

    private sealed class LockedList<T> : Collection<T>
    {
        private readonly Lock gate = new();
        protected override void InsertItem(int index, T item) { lock (gate) base.InsertItem(index, item); }
        public List<T> Snapshot() { lock (gate) return [.. this]; }
    }
}

/// <summary>An OpenTelemetry collector in miniature: accepts OTLP over HTTP on 127.0.0.1 and keeps what it was sent.
/// Plain HttpListener, so that its own requests make no spans in the app that exports to it.</summary>
public sealed class OtlpCollector : IDisposable
{
    public sealed record Request(string Path, string? ContentType, byte[] Body);

    private readonly HttpListener listener = new();
    private readonly Task loop;

    public string Url { get; }
    public System.Collections.Concurrent.ConcurrentQueue<Request> Received { get; } = new();

    public OtlpCollector()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue(new Request(context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}

