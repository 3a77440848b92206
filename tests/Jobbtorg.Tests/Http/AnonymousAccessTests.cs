using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Http;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class AnonymousAccessTests(JobbtorgAppFactory app)
{
    /// <summary>The only doors open without signing in: the sign-in page itself, the language switch
    /// on it, the sign-in through the city's identity provider (and its callback), the error page and the load
    /// balancer's health probes.</summary>
    private static readonly string[] OpenToAnonymous = ["/Account/Login", "/Account/Language", "/Account/SingleSignOn", "/Error", "/health", "/health/live", "/health/ready"];

    [Fact]
    public async Task Every_endpoint_refuses_an_anonymous_request()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 20, $"Only {endpoints.Count} endpoints found");
        var client = app.AnonymousClient();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.Name.Contains("path", StringComparison.OrdinalIgnoreCase) ? "x" : "1",
                _ => "",
            }))));
            path = path == "/Index" ? "/" : path;
            if (OpenToAnonymous.Any(open => path.Equals(open, StringComparison.OrdinalIgnoreCase))) continue;

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login"));
                if (!refused) failures.Add($"{method} {path} ({endpoint.DisplayName}) answered {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_health_probe_answers_without_signing_in_and_reveals_nothing_else()
    {
        var response = await app.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_referral_endpoint_to_a_signed_in_client()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("/api/referrals", document);
        Assert.Contains("/api/cases/{id}", document);
    }
}

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class DatabaseProviderTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task The_suite_runs_against_the_database_it_was_asked_for()
    {
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName!));
        Assert.Equal(JobbtorgAppFactory.OnPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
        Assert.Equal(14, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Districts)));
    }
}

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ErrorPageTests(JobbtorgAppFactory app)
{
    [Fact]
    public async Task A_missing_case_shows_a_page_that_says_so_without_technical_details()
    {
        var coach = await app.SignInAsNewAsync(Jobbtorg.Features.Access.Roles.Coach, centre: "farsta");
        var response = await coach.GetAsync("/Cases/Details/999999");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Sidan hittades inte</h1>", html);
        Assert.DoesNotContain("Exception", html);
    }
}
