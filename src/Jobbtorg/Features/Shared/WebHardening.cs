using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Jobbtorg.Features.Shared;

/// <summary>Where the app runs behind a TLS-terminating proxy: the proxies whose X-Forwarded-For and
/// X-Forwarded-Proto are believed. Nothing is believed when none is named.</summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of the proxies in CIDR notation, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// What a service holding social-services data needs at its edge: believed proxies only, https with HSTS, a host
/// name from configuration (never the request's own Host header in a redirect), a strict Content-Security-Policy
/// without inline script, no Server header, and no caching of anything that is not a static file.
/// </summary>
public static class WebHardening
{
    private const string ApiPolicy = "Api";
    private const string ApiReferencePolicy = "ApiReference";

    public static WebApplicationBuilder AddJobbtorgHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        var proxy = builder.Configuration.GetSection("Jobbtorg:Proxy").Get<ProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Behind the proxy the app cannot see the public https port; it is 443 unless configured.
        builder.Services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue<int?>("Jobbtorg:Https:Port") ?? 443);

        if (builder.Environment.IsProduction())
        {
            var hosts = builder.Configuration["AllowedHosts"];
            if (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';').Any(h => h.Trim() == "*"))
                throw new InvalidOperationException(
                    "Set AllowedHosts to the host name(s) the service answers to (e.g. AllowedHosts=jobbtorg.stad.se): " +
                    "with '*' any Host header is accepted and would end up in redirects.");
        }

        builder.Services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p => p.AddDefaultSecurityHeaders()
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self();
                    csp.AddImgSrc().Self().Data();
                    csp.AddFontSrc().Self();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                })
                .AddPermissionsPolicyWithDefaultSecureDirectives()
                .RemoveServerHeader())
            .AddPolicy(ApiPolicy, p => p.AddDefaultApiSecurityHeaders())
            // The API reference is a third-party single-page app that sets its styles and configuration inline.
            .AddPolicy(ApiReferencePolicy, p => p.AddDefaultSecurityHeaders()
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self().UnsafeInline();
                    csp.AddStyleSrc().Self().UnsafeInline();
                    csp.AddImgSrc().Self().Data();
                    csp.AddFontSrc().Self().Data();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddFrameAncestors().None();
                })
                .RemoveServerHeader())
            .SetPolicySelector(ctx =>
                ctx.HttpContext.Request.Path.StartsWithSegments("/api/docs") ? ctx.ConfiguredPolicies[ApiReferencePolicy]
                : Access.AccessSetup.IsApi(ctx.HttpContext.Request) ? ctx.ConfiguredPolicies[ApiPolicy]
                : ctx.SelectedPolicy);
        return builder;
    }

    /// <summary>Goes first in the pipeline: the client's address and scheme must be known before anything else.</summary>
    public static WebApplication UseJobbtorgProxyAndHttps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var enforce = app.Configuration.GetValue<bool?>("Jobbtorg:Https:Enforce") ?? app.Environment.IsProduction();
        if (enforce)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>After the static files: answers with personal data are never kept by a browser or a proxy.</summary>
    public static WebApplication UseNoStore(this WebApplication app)
    {
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers.CacheControl = "no-store";
                ctx.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
            return next();
        });
        return app;
    }
}
