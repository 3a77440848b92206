using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Assessments.Research;

public static class ResearchApi
{
    public const string CsvType = "text/csv";
    public const string NdjsonType = "application/x-ndjson";

    public static void MapResearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/research/assessments", async Task<Results<FileContentHttpResult, FieldProblem>> (ResearchExtract extract,
                CancellationToken ct, string? from = null, string? to = null, string? format = null) =>
            {
                var errors = new FieldErrors();
                var first = Input.QueryDate(nameof(from), from, errors);
                var last = Input.QueryDate(nameof(to), to, errors);
                ResearchExtract.CheckPeriod(first, last, errors);
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
                if (format is not null && !csv && !string.Equals(format, "ndjson", StringComparison.OrdinalIgnoreCase))
                    errors.Refuse(nameof(format), "Write csv or ndjson.");
                if (errors.Count > 0) return new FieldProblem(errors);
                var rows = await extract.RowsAsync(first!.Value, last!.Value, ct);
                var name = $"research-assessments-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}";
                return csv
                    ? TypedResults.File(ResearchExtract.Csv(rows), CsvType + "; charset=utf-8", name + ".csv")
                    : TypedResults.File(ResearchExtract.NdJson(rows), NdjsonType + "; charset=utf-8", name + ".ndjson");
            })
            .RequirePermission(Permission.ProduceResearchExtract)
            .ShowsPersonalData(kind: AccessKind.Export)
            .DisableValidation()
            .Produces<string>(StatusCodes.Status200OK, NdjsonType, CsvType)
            .WithTags("Research")
            .WithName("exportResearchAssessments")
            .WithSummary("Pseudonymised extract of the assessments signed from `from` to `to` (yyyy-MM-dd), with the outcomes of their cases")
            .WithDescription("One line per signed assessment (NDJSON, or `format=csv` for semicolon-separated UTF-8 with BOM). `person` is " +
                             "a keyed hash of the personal number (HMAC-SHA256, setting `Jobbtorg:Research:PseudonymKey`): the same person " +
                             "gets the same value in every extract made with the same key and it cannot be traced back without it. No names, " +
                             "personal numbers, case references, ids or free-text answers; the birth year instead of the date and the month " +
                             "instead of the day. At most " + ResearchExtract.MaxDays + " days at a time; a bad period answers 400 naming the field. " +
                             "For analysts, administrators and keys with scope `research:extract`; logged as one export.");
    }
}
