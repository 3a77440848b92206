using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Placements;

/// <summary>A placement as the API gives it. Imported placements have no employer name, hours, wage form or recorder.
/// <c>employerId</c> is the registered employer (by organisation number), <c>vacancyId</c> the vacancy a proposal filled.</summary>
public sealed record PlacementDto(int Id, int CaseId, PlacementKind Kind, DateOnly Start, DateOnly? End, string? EmployerName,
    string? EmployerOrganisationNumber, int? HoursPerWeek, WageForm? WageForm, PlacementSubsidy? Subsidy, bool Matched, string? Note,
    string? RecordedBy, DateTimeOffset? RecordedAt, string? EndedBy, DateTimeOffset? EndedAt, DateOnly? FollowUpOn, int? EmployerId, int? VacancyId)
{
    public static PlacementDto From(Placement p) => new(p.Id, p.CaseId, p.Kind, p.StartDate, p.EndDate, p.EmployerName, p.EmployerOrganisationNumber,
        p.HoursPerWeek, p.WageForm, p.Subsidy, p.Matched, p.Note, p.RecordedBy, p.RecordedAt, p.EndedBy, p.EndedAt,
        p.Kind == PlacementKind.MunicipalJob ? p.FollowUpOn : null, p.EmployerId, p.VacancyId);
}

/// <summary>A new placement: enumerations by name (<c>kind</c>, <c>wageForm</c>, <c>subsidy</c>).</summary>
public sealed record PlacementRequest(
    [property: ApiRequired] string? Kind,
    [property: ApiRequired] DateOnly? Start,
    DateOnly? End,
    [property: ApiRequired] string? EmployerName,
    string? EmployerOrganisationNumber,
    [property: ApiRequired] int? HoursPerWeek,
    [property: ApiRequired] string? WageForm,
    string? Subsidy,
    bool? Matched,
    string? Note)
{
    public PlacementInput AsInput() => new(Kind, Start, End, EmployerName, EmployerOrganisationNumber, HoursPerWeek, WageForm, Subsidy, Note,
        Matched ?? false);
}

public sealed record PlacementEndRequest([property: ApiRequired] DateOnly? End);

public static class PlacementsApi
{
    public static void MapPlacementsApi(this IEndpointRouteBuilder routes)
    {
        // The request's rules are checked by PlacementRules, in the reader's language.
        var ofCase = routes.MapGroup("/api/cases/{id:int}/placements").WithTags("Placements").DisableValidation().ShowsPersonalData(caseRoute: "id");

        ofCase.MapGet("/", async Task<Results<Ok<List<PlacementDto>>, NotFound>> (int id, CaseAccess access, PlacementRecording placements, CancellationToken ct) =>
            {
                if (!await access.CanSeeAsync(id, ct)) return TypedResults.NotFound();
                return TypedResults.Ok((await placements.OfCaseAsync(id, ct)).Select(PlacementDto.From).ToList());
            })
            .RequirePermission(Permission.ReadCase)
            .WithName("getPlacements")
            .WithSummary("The case's placements (internships, employments, subsidised employments, municipal jobs), latest start first")
            .WithDescription("`followUpOn` is given for a municipal job that has ended: the day, three months after its end, on which " +
                             "the person's occupation is followed up. A case the caller may not see answers 404.");

        ofCase.MapPost("/", async Task<Results<Ok<PlacementDto>, NotFound, ForbidHttpResult, FieldProblem>> (int id, PlacementRequest request,
                CaseAccess access, PlacementRecording placements, CancellationToken ct) =>
            {
                var c = await access.VisibleCases().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (c is null) return TypedResults.NotFound();
                if (!access.Can(Permission.RecordPlacement, c)) return TypedResults.Forbid();
                var result = await placements.RecordAsync(c, request.AsInput(), ct);
                return result.Placement is { } p ? TypedResults.Ok(PlacementDto.From(p)) : new FieldProblem(result.Errors);
            })
            .RequirePermission(Permission.RecordPlacement)
            .WithName("recordPlacement")
            .WithSummary("Record a placement on an open case (the centre's coaches and matchers, and keys with scope `placements:write`)")
            .WithDescription("`kind` ∈ Internship, Employment, SubsidizedEmployment, MunicipalJob; `start` from the enrolment date, up to two " +
                             "years ahead; `end` (optional) not before `start`; `employerName` (at most 200 characters); " +
                             "`employerOrganisationNumber` (optional) a Swedish organisation number (10 digits, check digit; a personal " +
                             "identity number is refused); `hoursPerWeek` 1–60; `wageForm` ∈ CollectiveAgreement, AgreedWage, Unpaid " +
                             "(an internship is unpaid, a job is not); `subsidy` only, and required, for a SubsidizedEmployment; " +
                             "`matched` whether Jobbtorg's matching found it; `note` at most 1000 characters. A placement may not " +
                             "overlap another of the same kind on the case. A bad field answers 400 naming it; a closed case 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        routes.MapPost("/api/placements/{id:int}/end", async Task<Results<Ok<PlacementDto>, NotFound, ForbidHttpResult, FieldProblem>> (int id,
                PlacementEndRequest request, HttpContext http, CaseAccess access, JobbtorgDb db, PlacementRecording placements, CancellationToken ct) =>
            {
                var p = await db.Placements.FirstOrDefaultAsync(x => x.Id == id, ct);
                var c = p is null ? null : await access.VisibleCases().FirstOrDefaultAsync(x => x.Id == p.CaseId, ct);
                if (p is null || c is null) return TypedResults.NotFound();
                AccessLogMiddleware.CaseLoaded(http, c);
                if (!access.Can(Permission.RecordPlacement, c)) return TypedResults.Forbid();
                var result = await placements.EndAsync(c, p, request.End, ct);
                return result.Placement is { } ended ? TypedResults.Ok(PlacementDto.From(ended)) : new FieldProblem(result.Errors);
            })
            .WithTags("Placements").DisableValidation().ShowsPersonalData()
            .RequirePermission(Permission.RecordPlacement)
            .WithName("endPlacement")
            .WithSummary("End a placement on `end`")
            .WithDescription("`end` not before the start, not after the case's closure, at most two years ahead (400 naming the field). " +
                             "A placement that has already ended answers 409; one on a case the caller may not see, 404.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
