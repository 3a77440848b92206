using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jobbtorg.Features.Shared;

/// <summary>A 400 naming each refused field, its messages put into the language the request asked for as it is
/// written. Field names become the JSON's where every problem is written (<see cref="ProblemFieldNames"/>).</summary>
public sealed class FieldProblem(FieldErrors errors) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public FieldErrors Errors => errors;

    public int? StatusCode => StatusCodes.Status400BadRequest;

    public Task ExecuteAsync(HttpContext http)
    {
        var texts = http.RequestServices.GetRequiredService<Texts>();
        return TypedResults.ValidationProblem(texts.Errors(errors)).ExecuteAsync(http);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
}

/// <summary>A 409: a rule refused the action, <see cref="Message"/> says which, in the language the request asked for.</summary>
public sealed class RefusedProblem(Message message) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public Message Message => message;

    public int? StatusCode => StatusCodes.Status409Conflict;

    public Task ExecuteAsync(HttpContext http)
    {
        var texts = http.RequestServices.GetRequiredService<Texts>();
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: texts["The action was refused"], detail: texts.Format(message))
            .ExecuteAsync(http);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
}

public static class FormErrors
{
    /// <summary>The errors as form errors in the user's language, each field under <paramref name="prefix"/> (the bound
    /// property's name, as in <c>Input.PersonalNumber</c>). A field whose value
    /// could not be read keeps the binder's error alone when <paramref name="keepUnread"/> is set.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, FieldErrors errors, Texts texts, string prefix = "", bool keepUnread = false)
    {
        foreach (var (field, messages) in errors)
        {
            var key = prefix.Length == 0 ? field : $"{prefix}.{field}";
            if (keepUnread && modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            foreach (var message in messages) modelState.AddModelError(key, texts.Format(message));
        }
    }
}
