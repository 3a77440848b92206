using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// A validation problem names each field exactly as the JSON does: <c>personalNumber</c>, <c>[3].personalNumber</c>,
/// never the C# name <c>PersonalNumber</c>. The handlers name fields as they like (often with <c>nameof</c>); the names
/// are turned into the JSON's here, once, as every problem is written.
/// </summary>
public static partial class ProblemFieldNames
{
    /// <summary>For <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>.</summary>
    public static void AsInJson(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } problem) return;
        var policy = context.HttpContext.RequestServices
            .GetService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions.PropertyNamingPolicy;
        if (policy is null) return;

        var renamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in problem.Errors)
        {
            var name = AsInJson(field, policy);
            renamed[name] = renamed.TryGetValue(name, out var held) ? [.. held, .. messages] : messages;
        }
        problem.Errors.Clear();
        foreach (var (field, messages) in renamed) problem.Errors[field] = messages;
    }

    /// <summary>Each member name of a path such as <c>Items[2].PersonalNumber</c> as the naming policy writes it; indexes
    /// and the empty name (the whole request) stay as they are.</summary>
    public static string AsInJson(string field, JsonNamingPolicy policy) =>
        MemberName().Replace(field, m => policy.ConvertName(m.Value));

    /// <summary>The query or route parameter whose value could not be bound (e.g. <c>status=Bogus</c>), read from the
    /// framework's message <c>Failed to bind parameter "CaseStatus? status" from "Bogus".</c>; null for anything else.</summary>
    public static string? OfUnboundParameter(BadHttpRequestException exception) =>
        UnboundParameter().Match(exception.Message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex(@"(?<=^|\.)[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex MemberName();

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[A-Za-z_][A-Za-z0-9_]*)" from """)]
    private static partial Regex UnboundParameter();
}
