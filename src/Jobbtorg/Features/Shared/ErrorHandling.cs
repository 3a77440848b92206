using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Shared;

/// <summary>Turns a broken rule into 409 and a lost concurrency race into 409 too; never a stack trace.</summary>
public sealed partial class RuleBrokenExceptionHandler(IProblemDetailsService problems, Texts texts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception handler sits outside UseRequestLocalization, whose culture does not flow back out with the
        // exception: take the language the request asked for from the feature that middleware left behind.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        if (exception is BadHttpRequestException badRequest)
            return await WriteBadRequestAsync(http, badRequest);
        var detail = exception switch
        {
            RuleBrokenException rule => texts.Format(rule.Template, rule.Args),
            DbUpdateConcurrencyException => texts["Someone else changed the case at the same time. Reload and try again."],
            _ => null,
        };
        if (detail is null) return false;
        http.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = 409, Title = texts["The action was refused"], Detail = detail },
        });
    }

    /// <summary>A body or a parameter that cannot be read answers 400 (415 for a body that is not JSON) saying what is wrong
    /// and where: the field's path for a value of the wrong kind or a refused value, the line and position for broken
    /// JSON, the parameter for a query or route value.</summary>
    private async ValueTask<bool> WriteBadRequestAsync(HttpContext http, BadHttpRequestException exception)
    {
        var problem = new HttpValidationProblemDetails { Status = exception.StatusCode, Title = texts["The request could not be read"] };
        switch (exception.InnerException)
        {
            case JsonException { Path: { } path } json when json.InnerException is InputRefusedException || IsConversion(json):
            {
                var field = path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
                var message = json.InnerException is InputRefusedException refused
                    ? texts.Format(refused.Template, refused.Args)
                    : Expected(RequestType(http) is { } root ? TypeAt(root, path) : null) is { } kind
                        ? field.Length == 0 ? texts.Format("The request body must be {0}.", kind) : texts.Format("'{0}' must be {1}.", field, kind)
                        : texts.Format("The value of '{0}' is not valid for this field.", field);
                if (field.Length == 0) problem.Detail = message;
                else problem.Errors[field] = [message];
                break;
            }
            case JsonException json:
                problem.Detail = texts.Format("The request body is not valid JSON: the first error is on line {0}, at position {1}.",
                    (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1);
                break;
            default:
                if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
                    problem.Detail = texts["Send the request body as JSON, with Content-Type: application/json."];
                else if (ProblemFieldNames.OfUnboundParameter(exception) is { } parameter)
                    problem.Errors[parameter] = [texts.Format("The value of '{0}' is not valid for this field.", parameter)];
                else if (exception.Message.Contains("no body was provided", StringComparison.Ordinal)
                         || exception.Message.Contains("was not provided from body", StringComparison.Ordinal))
                    problem.Detail = texts.Format("The request body is missing; send {0}.", Expected(RequestType(http)) ?? texts["a JSON object"]);
                else if (MissingParameter().Match(exception.Message) is { Success: true } missing)
                    problem.Errors[missing.Groups["name"].Value] = [texts.Format("'{0}' is required.", missing.Groups["name"].Value)];
                else problem.Detail = texts["The request is malformed."];
                break;
        }
        http.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem });
    }

    // System.Text.Json's own wording for a well-formed value of the wrong kind, and ASP.NET Core's for a query or route
    // value that is missing (one that did not parse is named by ProblemFieldNames).
    private static bool IsConversion(JsonException json) => json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    [GeneratedRegex("^Required parameter \"(?:[^\"]* )?(?<name>[^ \"]+)\" was not provided from (?:query string|route|header)")]
    private static partial Regex MissingParameter();

    [GeneratedRegex(@"\.(?<p>[^.\[]+)|\['(?<p>[^']*)'\]|\[(?<i>\d+)\]")]
    private static partial Regex PathPart();

    // The exception handler clears the request's endpoint before it runs; the feature keeps the one that failed.
    private static Type? RequestType(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>The .NET type a JSON path such as $.items[0].date leads to in the request type; null when it leads nowhere.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        foreach (Match part in PathPart().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (part.Groups["i"].Success)
            {
                if (ElementType(type) is not { } element) return null;
                type = element;
            }
            else if (type.GetProperties().FirstOrDefault(p => p.Name.Equals(part.Groups["p"].Value, StringComparison.OrdinalIgnoreCase)) is { } property)
                type = property.PropertyType;
            else return null;
        }
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>What a value of the type is written as, in the user's language.</summary>
    private string? Expected(Type? type)
    {
        if (type is null) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return texts.Format("one of: {0}", Input.NameList(type));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => texts["text"],
            TypeCode.Boolean => texts["true or false"],
            TypeCode.Byte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => texts["a whole number"],
            TypeCode.Decimal or TypeCode.Double or TypeCode.Single => texts["a number"],
            _ when type == typeof(DateOnly) => texts["a date written yyyy-MM-dd"],
            _ when type == typeof(TimeOnly) => texts["a time written HH:mm"],
            _ when ElementType(type) is not null => texts["a JSON array"],
            _ => texts["a JSON object"],
        };
    }
}

/// <summary>The API's answers without a body of their own (404, 405, 415…) as problem details; a 415 says what to send.
/// Routing answers 415 itself, before the endpoint, when a JSON endpoint gets another Content-Type.</summary>
public static class ApiStatusProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var texts = http.RequestServices.GetRequiredService<Texts>();
        // As for the exception handler: the language the request asked for, which the localization middleware left behind.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        var problem = new ProblemDetails { Status = http.Response.StatusCode };
        if (http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            problem.Detail = texts["Send the request body as JSON, with Content-Type: application/json."];
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = http, ProblemDetails = problem });
    }
}
