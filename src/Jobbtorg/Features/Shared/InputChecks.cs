using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Shared;

/// <summary>The API's query-string and route values follow the text rules of <see cref="Input"/> before any endpoint reads
/// them: a NUL or an undecodable character is a 400 naming the parameter, never a value handed to the database.</summary>
public static class InputChecks
{
    public static IApplicationBuilder UseApiInputChecks(this IApplicationBuilder app) =>
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.Use(async (http, next) =>
        {
            var texts = http.RequestServices.GetRequiredService<Texts>();
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, values) in http.Request.Query)
                foreach (var value in values.Prepend(name))
                    if (Input.TextProblem(value) is { } problem)
                        errors[Input.TextProblem(name) is null ? name : "query"] = [texts[problem]];
            foreach (var (name, value) in http.Request.RouteValues)
                if (value is string text && Input.TextProblem(text) is { } problem)
                    errors[name] = [texts[problem]];
            if (errors.Count == 0)
            {
                await next(http);
                return;
            }
            await TypedResults.ValidationProblem(errors, title: texts["The request could not be read"]).ExecuteAsync(http);
        }));
}
