using Jobbtorg.Features.AccessLog;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Import;

public sealed record ImportAccepted(int Imported, int Skipped);
public sealed record ImportRefused(IReadOnlyList<ImportError> Errors, int ErrorCount);
/// <summary>A refused line as the answer gives it: the reason in the language the request asked for.</summary>
public sealed record ImportError(long Line, string Reason);

public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/import/case-events", async (HttpRequest request, CaseEventImport import, Shared.Texts texts, CancellationToken ct) =>
            {
                if (!IsNdjson(request.ContentType))
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: texts.Format("Send the case events as {0}.", CaseEventFormat.ContentType),
                        detail: texts.Format("The request's Content-Type is {0}; one case event per line is sent as {1}.",
                            string.IsNullOrWhiteSpace(request.ContentType) ? "–" : request.ContentType, CaseEventFormat.ContentType));
                var result = await import.ImportAsync(request.Body, request.HttpContext.User.Identity?.Name ?? "import", ct);
                return result.Succeeded
                    ? Results.Ok(new ImportAccepted(result.Imported, result.Skipped))
                    : Results.UnprocessableEntity(new ImportRefused(result.Errors.Select(e => new ImportError(e.Line, texts.Format(e.Reason))).ToList(), result.ErrorCount));
            })
            .RequirePermission(Permission.Import)
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            // Described here rather than with Accepts(): that metadata makes routing answer a wrong Content-Type with a bare
            // 415 of its own before this endpoint can say what to send.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "One case event per line, UTF-8, each line at most 10,000 bytes.",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        [CaseEventFormat.ContentType] = new() { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<ImportAccepted>()
            .Produces<ImportRefused>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithTags("Import and export")
            .ShowsPersonalData()
            .WithName("importCaseEvents")
            .WithSummary("Imports a case-event stream (NDJSON), all or nothing")
            .WithDescription("Every line is checked first; if any is bad nothing is stored and the answer lists the bad lines " +
                             "(the first 1,000) with the total count. Events already held are skipped, so a stream imported twice stores nothing the second time.");

        routes.MapGet("/api/export/case-events", async (HttpContext http, CaseEventExport export, TimeProvider clock, CancellationToken ct) =>
            {
                http.Response.ContentType = CaseEventFormat.ContentType + "; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"case-events-{clock.Today():yyyy-MM-dd}.ndjson\"";
                await export.WriteAsync(http.Response.BodyWriter, ct);
            })
            .RequirePermission(Permission.Export)
            .Produces<string>(StatusCodes.Status200OK, CaseEventFormat.ContentType)
            .WithTags("Import and export")
            .ShowsPersonalData(kind: AccessKind.Export)
            .WithName("exportCaseEvents")
            .WithSummary("The whole database as a case-event stream (NDJSON)")
            .WithDescription("Cases made here and imported cases alike; importing the export into an empty database reproduces every indicator.");
        return routes;
    }

    private static bool IsNdjson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(CaseEventFormat.ContentType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Writes the database as case events: every case with its history, then the follow-up facts.</summary>
public sealed class CaseEventExport(StoredEvents stored)
{
    public async Task WriteAsync(System.IO.Pipelines.PipeWriter output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output);
        var written = 0;
        async ValueTask LineAsync(CaseEvent e)
        {
            CaseEventFormat.Write(json, e);
            json.Flush();
            json.Reset();
            System.Buffers.BuffersExtensions.Write(output, "\n"u8);
            if (++written % 1000 == 0) await output.FlushAsync(ct);
        }

        await foreach (var c in stored.CasesAsync(ct))
            foreach (var e in c.Events) await LineAsync(e);
        await foreach (var e in stored.FollowUpsAsync(ct)) await LineAsync(e);
        await output.FlushAsync(ct);
    }
}
