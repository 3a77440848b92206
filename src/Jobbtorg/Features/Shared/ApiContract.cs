using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Jobbtorg.Features.Shared;

/// <summary>Marks a request property that the endpoint refuses to go without, so that the OpenAPI document lists it
/// as required and never null. The check itself, with its message, stays where the request is handled.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ApiRequiredAttribute : Attribute;

/// <summary>
/// What the JSON API promises to its clients, and the OpenAPI document (<c>/openapi/v1.json</c>) that says so: numbers
/// are JSON numbers, a validation problem names fields as the JSON does, and every operation says who may call it
/// and every answer it can give, so that a client generated from the document works without casts or guesses.
/// </summary>
public static class ApiContract
{
    public const string ApiKeyScheme = "ApiKey";
    public const string StaffScheme = "StaffSignIn";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Referrals"] = "A district refers a person to the job centre; the referral becomes a case.",
        ["Cases"] = "A case's state as the district follows it: info meeting, enrolment, job guarantee, plan review and closure. " +
                    "No personal numbers and no journal.",
        ["Reference data"] = "Codes the other operations take: districts, job centres, activity types and SSYK occupations.",
        ["Info meetings"] = "Group info meetings, each district's weekly places, the waiting list, and a case's booking and attendance.",
        ["Follow-up"] = "What districts report after a case: benefit months and occupation status, for the follow-up indicators.",
        ["Assessments"] = "The shared initial and in-depth assessments of a case: drafts, answers, the suggested result and signing.",
        ["Reports"] = "The indicator report, the same figures as the report page and its Excel file.",
        ["Import and export"] = "Whole case histories as case events (NDJSON), in and out.",
        ["People"] = "A person across their cases: the marking of protected personal data (skyddade personuppgifter).",
        ["Privacy"] = "A person's register extract (GDPR art. 15): everything held about them, for the data-protection officer.",
        ["Access log"] = "Who read or changed a person's data, when and why: the access log, for the authority's audit tools.",
        ["Assessment instruments"] = "The shared initial and in-depth assessment instruments as versioned data: questions, answer types and the rules that suggest the result.",
        ["Placements"] = "A case's internships, employments, subsidised employments and municipal jobs: the employer, dates, hours, " +
                         "wage form, subsidy and whether Jobbtorg's matching found it (the indicator jobsMediated).",
        ["Research"] = "Pseudonymised extracts for research: assessments and outcomes with no names, personal numbers or free text.",
        ["Employers"] = "Employers the matchers work with (organisation number and unit, industry, addresses) and their contact people; no participant is named.",
        ["Programmes"] = "Special programmes (youth, leaving crime, newly arrived…) with their yearly cost and external funding, the cases " +
                         "that join and leave them, and the report per year or tertial: participants, closed, closed to work or studies, " +
                         "cost per participant and per outcome (counts only, no names).",
        ["Vacancies"] = "Employers' vacancies: occupation (SSYK 2012), kind, places, dates and requirements; open, filled or withdrawn.",
        ["Matching"] = "Candidates for a vacancy ranked with their reasons, vacancies that fit a person, and proposals from proposed to their " +
                       "outcome; a hire records the placement. Case references, never names.",
    };

    public static IServiceCollection AddJobbtorgApiContract(this IServiceCollection services)
    {
        // Numbers are read only from JSON numbers (the web defaults also take "42"), so the document types an id as an
        // integer, not "integer or string", and a generated client can send back the id it was given.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.Configure<ProblemDetailsOptions>(o =>
        {
            var earlier = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                ProblemFieldNames.AsInJson(context);
            };
        });
        services.AddOpenApi(o =>
        {
            InputJsonSchemas.Describe(o);
            o.AddSchemaTransformer(MarkRequiredProperties);
            o.AddOperationTransformer(DescribeAccessAndAnswers);
            o.AddDocumentTransformer(DescribeDocument);
        });
        return services;
    }

    /// <summary>Properties marked <see cref="ApiRequiredAttribute"/> are required and not null.</summary>
    private static Task MarkRequiredProperties(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            if (!IsApiRequired(property)) return Task.CompletedTask;
            if (schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
            schema.Enum = schema.Enum?.Where(value => value is not null).ToList();
            // The framework's own mark for "wrap the reference in oneOf [null, …]" (enumerations and other shared types).
            schema.Metadata?.Remove(NullablePropertyMark);
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var required in context.JsonTypeInfo.Properties.Where(IsApiRequired))
            {
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(required.Name);
            }
        }
        return Task.CompletedTask;
    }

    private const string NullablePropertyMark = "x-is-nullable-property";

    private static bool IsApiRequired(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(ApiRequiredAttribute), inherit: true) == true;

    /// <summary>Who may call the operation (from the permission it requires and <see cref="AccessRules"/>), and the
    /// answers the framework and the access rules give besides the handler's own.</summary>
    private static async Task DescribeAccessAndAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        var permissions = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => Enum.TryParse<Permission>(a.Policy, out var p) ? p : (Permission?)null).OfType<Permission>().Distinct().ToList();
        var scopes = Scopes.All.Where(s => permissions.All(AccessRules.ByScope[s].Contains)).ToList();
        var roles = Roles.All.Where(r => permissions.All(AccessRules.ByRole[r].Contains)).ToList();

        operation.Security = [];
        if (scopes.Count > 0) operation.Security.Add(new() { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
        if (roles.Count > 0) operation.Security.Add(new() { [new OpenApiSecuritySchemeReference(StaffScheme, document)] = [] });
        // A necessary condition: the handler may narrow it further (a case within reach, a manager of that centre).
        var who = scopes.Count > 0
            ? $"**Requires** an API key with the scope {Either(scopes.Select(s => $"`{s}`"))}, or a staff sign-in with the role {Either(roles)}."
            : $"**Requires** a staff sign-in with the role {Either(roles)}; API keys cannot call it.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description}\n\n{who}";

        operation.Responses ??= new OpenApiResponses();
        var reads = operation.RequestBody?.Content?.Keys.ToList() ?? [];
        var changes = !HttpMethods.IsGet(context.Description.HttpMethod ?? "GET");
        if (reads.Count > 0 || changes || context.Description.ParameterDescriptions.Any(MayFailToBind))
            operation.Responses.TryAdd("400", new OpenApiResponse());
        operation.Responses.TryAdd("401", new OpenApiResponse());
        operation.Responses.TryAdd("403", new OpenApiResponse());
        if (reads.Count > 0) operation.Responses.TryAdd("415", new OpenApiResponse());
        if (scopes.Count > 0) operation.Responses.TryAdd("429", new OpenApiResponse());

        foreach (var (code, held) in operation.Responses)
        {
            if (held is not OpenApiResponse response || !int.TryParse(code, out var status) || status < 400) continue;
            if (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status))
                response.Description = Explain(status, changes, scopes.Count > 0);
            if (response.Content is not { Count: > 0 })
            {
                var type = status == 400 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                response.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = await ComponentAsync(type, context, ct) },
                };
            }
            if (status == 429)
                response.Headers ??= new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before the next request.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                };
        }
    }

    private static string Explain(int status, bool changes, bool keys) => status switch
    {
        400 => "A value is missing or invalid, or the request could not be read. `errors` names each field as the JSON does " +
               "(`personalNumber`, `[3].month`, or a query parameter such as `status`)." +
               (changes ? " A change made with a staff sign-in also needs the page's antiforgery token in `X-CSRF-TOKEN`." : ""),
        401 => keys ? "No API key or staff sign-in was sent, or the key is unknown." : "No staff sign-in was sent.",
        403 => "The caller is known but may not do this: the key lacks the scope, or the staff member's role or job centre does not allow it.",
        404 => "There is no such thing, or it is outside what the caller may see.",
        409 => "A rule refused the action; `detail` says why.",
        415 => "The body is not of the content type the operation reads.",
        422 => "The content was read but refused; the body lists what is wrong.",
        429 => "The key has made too many requests in the last minute; wait as long as `Retry-After` says.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>A reference to the schema of a shared type, added to the document's components when it is not there yet.</summary>
    private static async Task<IOpenApiSchema> ComponentAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, ct));
        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>A query or route value that may not convert to its type (a route value with a constraint that does not match
    /// finds no endpoint instead).</summary>
    private static bool MayFailToBind(ApiParameterDescription parameter) =>
        parameter.Type != typeof(string)
        && (parameter.Source == BindingSource.Query || (parameter.Source == BindingSource.Path && parameter.RouteInfo?.Constraints?.Any() != true));

    private static string Either(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch { 0 => "(none)", 1 => list[0], _ => $"{string.Join(", ", list[..^1])} or {list[^1]}" };
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Jobbtorg API";
        document.Info.Description =
            "Referrals, case state, info meetings, follow-up and the indicator report for district systems and the city's robots.\n\n" +
            "**Authentication.** A system client sends its key as `Authorization: ApiKey <key>`; the key's scopes decide which operations " +
            "it may call, and a key bound to a district reaches only that district's cases. Signed-in staff use the web interface's " +
            "sign-in; their changes carry the page's antiforgery token in `X-CSRF-TOKEN`.\n\n" +
            "**Errors** are problem details (`application/problem+json`). A `400` names each bad field in `errors` exactly as the " +
            "JSON does: `personalNumber`, `[3].personalNumber` for the fourth item of an array, or a query parameter's name.\n\n" +
            "**Values.** Dates are `yyyy-MM-dd`; instants carry Stockholm's offset; enumerations are written by name; numbers are " +
            "JSON numbers. English by default, Swedish messages with `Accept-Language: sv`.";

        // The generated server is the address the document was fetched from; written without the trailing slash.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "A system client's key: the header's value is `ApiKey` and the key, `Authorization: ApiKey <key>`. " +
                          "Scopes: `referrals:write`, `followup:write`, `reports:read`, `reports:cases`, `import`, `export`, `employers:read`, `employers:write`.",
        };
        document.Components.SecuritySchemes[StaffScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "Jobbtorg.Auth",
            Description = "The web interface's sign-in (staff). A change made with it (POST, PUT) carries the page's antiforgery " +
                          "token in the `X-CSRF-TOKEN` header.",
        };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;

        // An enumeration is a string with its names; a nullable property says so itself (oneOf null), not by a null among
        // the names, which generated clients would turn into a member.
        foreach (var schema in document.Components.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is not { Count: > 0 } values) continue;
            var names = values.Where(v => v is not null).ToList();
            schema.Enum = names;
            if (names.All(v => v!.GetValueKind() == JsonValueKind.String)) schema.Type = JsonSchemaType.String;
        }
        // An optional enumeration written inline in a property (e.g. a rule's availability) is a string too.
        foreach (var property in document.Components.Schemas?.Values.OfType<OpenApiSchema>().SelectMany(s => s.Properties?.Values ?? []).OfType<OpenApiSchema>() ?? [])
            if (property.Enum is { Count: > 0 } inline && property.Type is null && inline.All(v => v?.GetValueKind() == JsonValueKind.String))
                property.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
