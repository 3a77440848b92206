using System.Globalization;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Assessments;

/// <summary>Beginning an assessment: the instrument, and (to be sure of the questions one answers) its version.</summary>
[CheckedByUseCase]
public sealed class BeginAssessmentRequest
{
    [ApiRequired]
    public Instrument? Instrument { get; init; }
    public int? InstrumentVersion { get; init; }
}

/// <summary>The draft's answers, from question key to answer; <c>version</c> is the draft's version the caller last read.</summary>
[CheckedByUseCase]
public sealed class SaveAnswersRequest
{
    [ApiRequired]
    public Dictionary<string, string?>? Answers { get; init; }
    public int? Version { get; init; }
}

/// <summary>What the rules suggest for a draft's answers, with the reasons (in the reader's language).</summary>
public sealed record SuggestionDto(Availability Availability, NeedCategory NeedCategory, List<string> Reasons)
{
    public static SuggestionDto From(AssessmentSuggestion s) =>
        new(s.Availability, s.NeedCategory, s.Reasons.Select(r => r.In(CultureInfo.CurrentUICulture)).ToList());
}

/// <summary>One assessment. <c>answers</c> is null for a reader who may see the result only (a district without the
/// person's consent, a matcher); <c>suggestion</c> is the draft's current suggestion.</summary>
public sealed record AssessmentDto(int Id, int CaseId, Instrument Instrument, int? InstrumentVersion, AssessmentStatus Status,
    DateOnly? AssessedOn, Availability? SuggestedAvailability, NeedCategory? SuggestedNeedCategory, Availability? Availability,
    NeedCategory? NeedCategory, string? OverrideReason, int? SupersedesId, string StartedBy, DateTimeOffset StartedAt,
    string? SignedBy, DateTimeOffset? SignedAt, bool ByDistrict, bool Imported, int Version, Dictionary<string, string>? Answers,
    SuggestionDto? Suggestion)
{
    public static AssessmentDto From(Assessment a, bool withAnswers) => new(a.Id, a.CaseId, a.Instrument, a.InstrumentVersion?.Version,
        a.Status, a.AssessedOn, a.SuggestedAvailability, a.SuggestedNeedCategory, a.Availability, a.NeedCategory, a.OverrideReason,
        a.SupersedesId, a.StartedBy, a.StartedAt.ToStockholm(), a.SignedBy, a.SignedAt?.ToStockholm(), a.ByDistrict, a.Imported, a.Version,
        withAnswers ? a.AnswerMap.ToDictionary() : null,
        withAnswers && !a.IsSigned && a.InstrumentVersion is not null ? SuggestionDto.From(AssessmentWork.Suggestion(a)) : null);
}

public static class AssessmentApi
{
    public static void MapAssessmentApi(this IEndpointRouteBuilder routes)
    {
        // The requests' own rules are checked by AssessmentWork, in the reader's language.
        var onCase = routes.MapGroup("/api/cases/{id:int}/assessments").WithTags("Assessments").DisableValidation()
            .RequirePermission(Permission.ReadAssessment).ShowsPersonalData(caseRoute: "id");

        onCase.MapGet("/", async Task<Results<Ok<List<AssessmentDto>>, NotFound>> (int id, AssessmentWork work, CancellationToken ct) =>
            {
                if (await work.FindCaseAsync(id, ct) is not { } c) return TypedResults.NotFound();
                var answers = work.MayReadAnswers(c);
                return TypedResults.Ok((await work.ListAsync(id, ct)).Select(a => AssessmentDto.From(a, answers)).ToList());
            })
            .WithName("listAssessments")
            .WithSummary("The case's assessments, newest first: drafts and signed ones, superseded ones too")
            .WithDescription("Each with its instrument and version, the suggested and the chosen result and the reason for another " +
                             "choice. `answers` only for those who may read them: the job centre's coaches and managers, and the " +
                             "district (its key with scope `assessments:write`, its case workers) while the person's consent stands.");

        onCase.MapPost("/", async Task<Results<Created<AssessmentDto>, Ok<AssessmentDto>, NotFound, ForbidHttpResult, FieldProblem, RefusedProblem>> (
                int id, BeginAssessmentRequest request, AssessmentWork work, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                if (request.Instrument is null) errors.Refuse("instrument", "Choose the instrument: Initial or InDepth.");
                if (errors.Count > 0) return new FieldProblem(errors);
                return await work.BeginAsync(id, request.Instrument!.Value, request.InstrumentVersion, ct) switch
                {
                    AssessmentOutcome.Done { Created: true } done => TypedResults.Created($"/api/assessments/{done.Assessment.Id}", AssessmentDto.From(done.Assessment, true)),
                    AssessmentOutcome.Done done => TypedResults.Ok(AssessmentDto.From(done.Assessment, true)),
                    AssessmentOutcome.Forbidden => TypedResults.Forbid(),
                    AssessmentOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                    AssessmentOutcome.Refused refused => new RefusedProblem(refused.Message),
                    _ => TypedResults.NotFound(),
                };
            })
            .WithName("beginAssessment")
            .WithSummary("Begin an assessment of the case with an instrument (`Initial` or `InDepth`) under its current version")
            .WithDescription("Answers 201 with the new draft, or 200 with the draft of the same instrument already begun (one open " +
                             "draft per case and instrument). `instrumentVersion`, when given, must be the current version (400 " +
                             "naming it otherwise). The initial assessment may be made by the district (scope `assessments:write`, " +
                             "also before the enrolment), the in-depth one only at the job centre. A closed case answers 409.")
            .RequirePermission(Permission.ReadAssessment);

        var one = routes.MapGroup("/api/assessments/{id:int}").WithTags("Assessments").DisableValidation()
            .RequirePermission(Permission.ReadAssessment).ShowsPersonalData();

        one.MapGet("/", async Task<Results<Ok<AssessmentDto>, NotFound>> (int id, AssessmentWork work, CancellationToken ct) =>
                await work.FindAsync(id, ct) is { } a ? TypedResults.Ok(AssessmentDto.From(a, work.MayReadAnswers(a.Case))) : TypedResults.NotFound())
            .WithName("getAssessment")
            .WithSummary("One assessment, with its answers for those who may read them")
            .WithDescription("A draft carries the result its answers suggest now (`suggestion`, with reasons). An assessment whose case " +
                             "the caller may not see answers 404.");

        one.MapPut("/answers", async Task<Results<Ok<AssessmentDto>, NotFound, ForbidHttpResult, FieldProblem, RefusedProblem>> (
                int id, SaveAnswersRequest request, AssessmentWork work, CancellationToken ct) =>
            {
                if (request.Answers is null) return new FieldProblem(new FieldErrors().Refuse("answers", "Send the answers as an object from question key to answer."));
                return Answer(await work.SaveAsync(id, request.Answers, request.Version, "answers.", ct));
            })
            .WithName("saveAssessmentAnswers")
            .WithSummary("Save a draft's answers (all given so far; a partial set is fine)")
            .WithDescription("Replaces the draft's answers. A choice is one of the option values, a scale a whole number within its " +
                             "bounds (as a string), an occupation an SSYK 2012 code, an education level a SUN 2020 level-2 code " +
                             "(e.g. `33`), a language `sv:B1` (ISO 639 code and A1–C2 or `Native`). An unknown question key or an " +
                             "answer out of bounds answers 400 naming `answers.<key>`, and nothing is stored. `version` is the " +
                             "draft's version the caller read: when someone else saved since, 409. A signed assessment answers 409.");

        one.MapPost("/sign", async Task<Results<Ok<AssessmentDto>, NotFound, ForbidHttpResult, FieldProblem, RefusedProblem>> (
                int id, SignRequest request, AssessmentWork work, CancellationToken ct) =>
                Answer(await work.SignAsync(id, request, "answers.", ct)))
            .WithName("signAssessment")
            .WithSummary("Sign a draft: `date` (today if left out), `availability` and `needCategory` (the suggestion if left out)")
            .WithDescription("A result other than the suggestion needs `overrideReason`. The date lies between the referral and the " +
                             "closure and not in the future; every required question must be answered. Errors answer 400 naming " +
                             "the field (`date`, `overrideReason`, `answers.<key>`), nothing stored. The signed assessment supersedes " +
                             "the latest signed one of the same instrument, which stays readable. Signing twice answers 409.");
    }

    private static Results<Ok<AssessmentDto>, NotFound, ForbidHttpResult, FieldProblem, RefusedProblem> Answer(AssessmentOutcome outcome) =>
        outcome switch
        {
            AssessmentOutcome.Done done => TypedResults.Ok(AssessmentDto.From(done.Assessment, true)),
            AssessmentOutcome.Forbidden => TypedResults.Forbid(),
            AssessmentOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
            AssessmentOutcome.Refused refused => new RefusedProblem(refused.Message),
            _ => TypedResults.NotFound(),
        };
}
