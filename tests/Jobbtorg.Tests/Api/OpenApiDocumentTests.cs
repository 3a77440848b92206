using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.Api;

/// <summary>The OpenAPI document is what district systems generate their clients from: it must describe how to
/// authenticate, name every operation, give every answer with its body, and type values so that a generated client
/// can use them as they come. The lint in scripts/test checks the document against Redocly's rules as well.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class OpenApiDocumentTests(JobbtorgAppFactory app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    private static IEnumerable<JsonObject> AllObjects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => AllObjects(p.Value))),
        JsonArray a => a.SelectMany(AllObjects),
        _ => [],
    };

    private static string[] Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    [Fact]
    public async Task The_api_key_header_and_the_staff_sign_in_are_described_and_every_operation_names_what_it_takes()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("apiKey", schemes["ApiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("header", schemes["ApiKey"]!["in"]!.GetValue<string>());
        Assert.Equal("Authorization", schemes["ApiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["StaffSignIn"]!["in"]!.GetValue<string>());

        var failures = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var security = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList() ?? [];
            if (security.Count == 0) failures.Add($"{name}: no security requirement");
            failures.AddRange(security.Where(s => schemes[s] is null).Select(s => $"{name}: undefined scheme {s}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var referral = Operations(document).Single(o => o.Name == "POST /api/referrals").Operation;
        Assert.Equal(["ApiKey", "StaffSignIn"], referral["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)));
        var schedule = Operations(document).Single(o => o.Name == "POST /api/info-meetings").Operation;
        Assert.Equal(["StaffSignIn"], schedule["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)));
        Assert.Contains("Manager", schedule["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_a_summary_and_problem_bodies_for_its_errors()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();
        var ids = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            if (operation["operationId"]?.GetValue<string>() is { Length: > 0 } id) ids.Add(id);
            else failures.Add($"{name}: no operationId");
            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>())) failures.Add($"{name}: no summary");
            if (operation["tags"] is not JsonArray { Count: > 0 }) failures.Add($"{name}: no tag");
            var responses = operation["responses"]!.AsObject();
            foreach (var status in new[] { "401", "403" })
                if (!responses.ContainsKey(status)) failures.Add($"{name}: no {status}");
            foreach (var (status, response) in responses.Where(r => int.Parse(r.Key) >= 400))
                if (response!["content"]?["application/problem+json"] is null && status != "422")
                    failures.Add($"{name}: {status} without a problem body");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "createReferral", "getCase", "listCases", "getIndicatorReport" });
        Assert.Contains("404", Operations(document).Single(o => o.Name == "GET /api/cases/{id}").Operation["responses"]!.AsObject().Select(r => r.Key));
    }

    [Fact]
    public async Task Numbers_are_typed_as_numbers_only_so_a_returned_id_can_be_sent_back()
    {
        var document = await DocumentAsync();
        var mixed = AllObjects(document).Where(o => Types(o) is var t && (t.Contains("integer") || t.Contains("number")) && t.Contains("string")).ToList();
        Assert.Empty(mixed.Select(m => m.ToJsonString()));
        Assert.Equal(["integer"], Types(document["components"]!["schemas"]!["CaseDto"]!["properties"]!["id"]!.AsObject()));

        // The server reads what the document says: a number sent as text is refused, naming the field.
        var refused = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/cases/999999/info-meeting", new { meetingId = "42" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["meetingId"], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Enumerations_are_strings_and_a_nullable_one_says_so_without_a_null_name()
    {
        var document = await DocumentAsync();
        var enums = AllObjects(document).Where(o => o["enum"] is JsonArray).ToList();
        Assert.NotEmpty(enums);
        Assert.All(enums, e =>
        {
            Assert.Equal(["string"], Types(e));
            Assert.DoesNotContain(null, e["enum"]!.AsArray());
        });

        var schemas = document["components"]!["schemas"]!;
        var closureReason = schemas["CaseDto"]!["properties"]!["closureReason"]!["oneOf"]!.AsArray();
        Assert.Contains(closureReason, s => s!["type"]?.GetValue<string>() == "null");
        Assert.Contains(closureReason, s => s!["$ref"]?.GetValue<string>() == "#/components/schemas/ClosureReason");
    }

    [Fact]
    public async Task A_referral_must_name_the_person_the_district_and_the_target_group()
    {
        var referral = (await DocumentAsync())["components"]!["schemas"]!["ReferralRequest"]!;
        Assert.Equal(["district", "personalNumber", "targetGroup"], referral["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal(["string"], Types(referral["properties"]!["personalNumber"]!.AsObject()));
        Assert.Equal("#/components/schemas/TargetGroup", referral["properties"]!["targetGroup"]!["$ref"]!.GetValue<string>());
        Assert.Contains("null", Types(referral["properties"]!["firstName"]!.AsObject()));
    }

    [Fact]
    public async Task A_refused_referral_names_the_fields_as_the_json_does()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new { personalNumber = "not a number" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["district", "personalNumber", "targetGroup"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task An_unknown_status_in_the_case_list_is_refused_naming_the_parameter()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/cases?status=Bogus");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["status"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Refusals_come_with_the_problem_bodies_the_document_promises()
    {
        var unknownKey = await app.ApiClient("no-such-key").GetAsync("/api/cases/1");
        var noScope = await app.ApiClient(JobbtorgAppFactory.NoScopeKey).GetAsync("/api/cases/1");
        var missing = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/cases/999999");

        foreach (var (response, status) in new[] { (unknownKey, HttpStatusCode.Unauthorized), (noScope, HttpStatusCode.Forbidden), (missing, HttpStatusCode.NotFound) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
    }
}
