using System.Net;
using System.Net.Http.Json;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobbtorg.Tests.Access;

/// <summary>Every door, enumerated from the app's own endpoints so that a page or endpoint added later is tried too.</summary>
[Collection(AccessMatrixCollection.Name)]
[Trait("Category", "Http")]
public sealed class DoorTests(AccessMatrixApp fixture, ITestOutputHelper output)
{
    private static readonly (Actor Actor, string[] Scopes)[] KeyScopes =
    [
        (Actor.KeyDistrictHere, [Scopes.ReferralsWrite, Scopes.FollowUpWrite, Scopes.AssessmentsWrite]),
        (Actor.KeyDistrictElsewhere, [Scopes.ReferralsWrite]),
        (Actor.KeyAllScopes, Scopes.All),
        (Actor.KeyReports, [Scopes.ReportsRead]),
        (Actor.KeyReportCases, [Scopes.ReportsCases]),
        (Actor.KeyImport, [Scopes.Import]),
        (Actor.KeyExport, [Scopes.Export]),
        (Actor.KeyFollowUp, [Scopes.FollowUpWrite]),
        (Actor.KeyNoScope, []),
    ];

    private IEnumerable<RouteEndpoint> Endpoints =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>A route filled with values that exist: a case, a meeting, a district and a kind.</summary>
    private static string Fill(string pattern, int caseId) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{([^}:?]+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "code" => AccessMatrixApp.District,
            "kind" => "Adult",
            "number" => "1",
            _ => caseId.ToString(),
        });

    [Fact]
    public async Task No_api_key_opens_any_page()
    {
        var caseId = await fixture.NewCaseAsync(CaseSetup.Enrolled);
        var pages = Endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null
                                         && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => Fill(e.RoutePattern.RawText ?? "", caseId)).Distinct().ToList();
        Assert.True(pages.Count > 20, $"Only {pages.Count} pages found.");
        var opened = new List<string>();
        foreach (var (actor, _) in KeyScopes)
        {
            var client = await fixture.ClientAsync(actor);
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(page);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (!(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Login")))
                    opened.Add($"{actor} GET {page}: {(int)response.StatusCode} {location}");
            }
        }
        output.WriteLine($"{pages.Count} pages × {KeyScopes.Length} keys tried");
        Assert.True(opened.Count == 0, string.Join("\n", opened));
    }

    [Fact]
    public void Every_api_endpoint_names_the_permission_it_needs()
    {
        var permissions = Enum.GetNames<Permission>().ToHashSet();
        var unnamed = Endpoints.Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/"))
            .Where(e => !(e.RoutePattern.RawText ?? "").Contains("api/docs"))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } p && permissions.Contains(p)))
            .Select(e => e.DisplayName).ToList();
        Assert.True(unnamed.Count == 0, "API endpoints without a permission:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public async Task A_key_opens_only_the_api_endpoints_its_scopes_grant()
    {
        var caseId = await fixture.NewCaseAsync(CaseSetup.Enrolled);
        var tried = 0;
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/") && !(e.RoutePattern.RawText ?? "").Contains("api/docs")))
        {
            var needed = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)
                .Where(p => p is not null && Enum.TryParse<Permission>(p, out _)).Select(p => Enum.Parse<Permission>(p!)).ToList();
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            foreach (var (actor, scopes) in KeyScopes)
            {
                var granted = needed.All(p => scopes.Any(s => AccessRules.ByScope[s].Contains(p)));
                if (granted) continue;
                var request = new HttpRequestMessage(new HttpMethod(method), Fill(endpoint.RoutePattern.RawText!, caseId));
                if (method != "GET")
                    request.Content = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes is [var type, ..]
                        && type != "application/json"
                        ? new StringContent("", System.Text.Encoding.UTF8, type)
                        : JsonContent.Create(new { });
                using var response = await (await fixture.ClientAsync(actor)).SendAsync(request);
                tried++;
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    wrong.Add($"{actor} {method} {endpoint.RoutePattern.RawText}: {(int)response.StatusCode}");
            }
        }
        output.WriteLine($"{tried} requests by keys without the scope");
        Assert.True(tried > 50);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_openapi_document_is_readable_with_any_valid_key_but_not_without_one()
    {
        foreach (var (actor, _) in KeyScopes)
            Assert.Equal(HttpStatusCode.OK, (await (await fixture.ClientAsync(actor)).GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.ApiClient("no-such-key").GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.AnonymousClient().GetAsync("/openapi/v1.json")).StatusCode);
    }
}
