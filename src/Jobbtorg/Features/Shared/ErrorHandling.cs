using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Shared;

/// <summary>Turns a broken rule into 409 and a lost concurrency race into 409 too; never a stack trace.</summary>
public sealed class RuleBrokenExceptionHandler(IProblemDetailsService problems, Texts texts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
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
}
