using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Shared;

/// <summary>Turns a broken rule into 409 and a lost concurrency race into 409 too; never a stack trace.</summary>
public sealed class RuleBrokenExceptionHandler(IProblemDetailsService problems, Texts texts) : IExceptionHandler
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

    /// <summary>A body that is not JSON, or a value of the wrong kind, answers 400 naming the field.</summary>
    private async ValueTask<bool> WriteBadRequestAsync(HttpContext http, BadHttpRequestException exception)
    {
        var problem = new HttpValidationProblemDetails { Status = 400, Title = texts["The request could not be read"] };
        // System.Text.Json reports a well-formed value of the wrong type as a conversion failure at a path.
        if (exception.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } json
            && json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var field = path.TrimStart('$', '.');
            problem.Errors[field] = [texts.Format("The value of '{0}' is not valid for this field.", field)];
        }
        else if (ProblemFieldNames.OfUnboundParameter(exception) is { } parameter)
        {
            problem.Errors[parameter] = [texts.Format("The value of '{0}' is not valid for this field.", parameter)];
        }
        else
        {
            problem.Detail = exception.InnerException is System.Text.Json.JsonException
                ? texts["The request body is not valid JSON."]
                : texts["The request is malformed."];
        }
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem });
    }
}
