using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Assessments;

/// <summary>One published version of an instrument, with its questions and rules.</summary>
public sealed record InstrumentVersionDto(Instrument Instrument, int Version, DateTimeOffset PublishedAt, string PublishedBy,
    InstrumentDefinition Definition)
{
    public static InstrumentVersionDto From(InstrumentVersion v) => new(v.Instrument, v.Version, v.PublishedAt, v.PublishedBy, v.Parsed);
}

public static class InstrumentsApi
{
    public const string Tag = "Assessment instruments";

    public static void MapInstrumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/assessment-instruments").WithTags(Tag).DisableValidation().NoPersonalData();

        group.MapGet("/", async (InstrumentVersions versions, CancellationToken ct) =>
            {
                var current = new List<InstrumentVersionDto>();
                foreach (var instrument in Enum.GetValues<Instrument>())
                    if (await versions.CurrentAsync(instrument, ct) is { } v) current.Add(InstrumentVersionDto.From(v));
                return TypedResults.Ok(current);
            })
            .RequirePermission(Permission.ReadReferenceData)
            .WithName("listAssessmentInstruments")
            .WithSummary("The current version of each assessment instrument, with its questions and rules")
            .WithDescription("New assessments are made under the current version. Each question has a `key` (the answer's name), " +
                             "a `type` (`Choice`, `Scale`, `FreeText`, `Occupation` = SSYK 2012 code, `EducationLevel` = SUN 2020 " +
                             "level-2 code, `Language` = `xx:LEVEL`), texts in Swedish and English, and for a choice its `options`, " +
                             "for a scale `min`/`max`, for free text `maxLength`. `rules` suggest the availability and need category.");

        group.MapGet("/{instrument}/versions/{version:int}", async Task<Results<Ok<InstrumentVersionDto>, NotFound>> (string instrument,
                int version, InstrumentVersions versions, CancellationToken ct) =>
                ParseInstrument(instrument) is { } i && await versions.FindAsync(i, version, ct) is { } v
                    ? TypedResults.Ok(InstrumentVersionDto.From(v))
                    : TypedResults.NotFound())
            .RequirePermission(Permission.ReadReferenceData)
            .WithName("getAssessmentInstrumentVersion")
            .WithSummary("One version of an instrument (`Initial` or `InDepth`), as an assessment made under it was answered")
            .WithDescription("A version is never changed once published. An unknown instrument or version answers 404.");

        group.MapPost("/{instrument}/versions", async Task<Results<Created<InstrumentVersionDto>, FieldProblem, NotFound, RefusedProblem>> (
                string instrument, HttpRequest request, InstrumentVersions versions, CurrentUser user, CancellationToken ct) =>
            {
                if (ParseInstrument(instrument) is not { } i) return TypedResults.NotFound();
                var json = await ReadBodyAsync(request, ct);
                return await versions.PublishAsync(i, json, user.Name, basedOn: null, ct) switch
                {
                    PublishOutcome.Published p => TypedResults.Created(
                        $"/api/assessment-instruments/{p.Version.Instrument}/versions/{p.Version.Version}", InstrumentVersionDto.From(p.Version)),
                    PublishOutcome.Invalid invalid => new FieldProblem(FieldErrors.From(invalid.Problems)),
                    PublishOutcome.Overtaken o => new RefusedProblem(new Message("Version {0} was published at the same moment; read it and try again.", o.Newest)),
                    _ => TypedResults.NotFound(),
                };
            })
            .RequirePermission(Permission.PublishInstruments)
            .Accepts<InstrumentDefinition>("application/json")
            .WithName("publishAssessmentInstrumentVersion")
            .WithSummary("Publishes a new version of an instrument; the body is the whole definition")
            .WithDescription("For administrators. The definition is checked as a whole: every problem is named by where it is " +
                             "(e.g. `questions[3].options[1].value`) in a 400 and nothing is stored. A definition the same as the " +
                             "current version is refused too. Published as the next number; assessments already made keep the " +
                             "version they were made under. Two published at the same moment: one wins, the other gets 409.");
    }

    public static Instrument? ParseInstrument(string? value) =>
        Enum.TryParse<Instrument>(value, ignoreCase: true, out var i) && Enum.IsDefined(i) && !int.TryParse(value, out _) ? i : null;

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[InstrumentCheck.MaxJsonLength + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadBlockAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        return new string(buffer, 0, read);
    }
}
