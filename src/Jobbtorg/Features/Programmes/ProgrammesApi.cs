using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Programmes;

public sealed record ProgrammeYearDto(int Year, long Cost, long ExternalFunding);

/// <summary>A programme with its yearly costs (whole kronor) and how many cases are in it now (a count, no names).</summary>
public sealed record ProgrammeDto(int Id, string Name, ProgrammeKind Kind, string? Description, bool IsActive, int CurrentMembers,
    List<ProgrammeYearDto> Years)
{
    public static ProgrammeDto From(Programme p, int currentMembers) => new(p.Id, p.Name, p.Kind, p.Description, p.IsActive, currentMembers,
        p.Years.OrderBy(y => y.Year).Select(y => new ProgrammeYearDto(y.Year, y.Cost, y.ExternalFunding)).ToList());
}

/// <summary>A case's time in a programme. <c>takenInByProgramme</c>: the programme registered the person itself, without a
/// district's referral.</summary>
public sealed record ProgrammeMembershipDto(int Id, int CaseId, int ProgrammeId, string ProgrammeName, DateOnly JoinedOn, DateOnly? LeftOn,
    bool TakenInByProgramme)
{
    public static ProgrammeMembershipDto From(ProgrammeMembership m) =>
        new(m.Id, m.CaseId, m.ProgrammeId, m.Programme.Name, m.JoinedOn, m.LeftOn, m.TakenInByProgramme);
}

public static class ProgrammesApi
{
    public const string Tag = "Programmes";

    public static void MapProgrammesApi(this IEndpointRouteBuilder routes)
    {
        // The requests' rules are checked by ProgrammeRules, in the reader's language.
        var programmes = routes.MapGroup("/api/programmes").WithTags(Tag).DisableValidation().NoPersonalData();

        programmes.MapGet("/", async Task<Ok<List<ProgrammeDto>>> (ProgrammeWork work, CancellationToken ct) =>
            {
                var list = new List<ProgrammeDto>();
                foreach (var p in await work.ListAsync(ct)) list.Add(ProgrammeDto.From(p, await work.CurrentCountAsync(p.Id, ct)));
                return TypedResults.Ok(list);
            })
            .RequirePermission(Permission.ReadProgrammes)
            .WithName("listProgrammes")
            .WithSummary("The special programmes, by name, with their yearly cost and external funding")
            .WithDescription("`kind` ∈ Youth, LeavingCrime, NewlyArrived, Other. Amounts are whole kronor. `currentMembers` counts the " +
                             "open cases in the programme now; no case is named.");

        programmes.MapGet("/report", async Task<Results<Ok<ProgrammeReport>, FieldProblem, ForbidHttpResult>> (int? year, int? tertial, CurrentUser user,
                ProgrammeWork work, TimeProvider clock, CancellationToken ct) =>
            {
                if (ReportPeriod.Check(year, tertial, clock.Today()) is { Count: > 0 } errors) return new FieldProblem(errors);
                if (AccessRules.ReportScopeFor(user.Access) is not { } scope) return TypedResults.Forbid();
                return TypedResults.Ok(await work.ReportAsync(new ReportPeriod(year!.Value, tertial), scope, ct));
            })
            .RequirePermission(Permission.ReadReports)
            .WithName("getProgrammeReport")
            .WithSummary("The programme report of a year, or of one of its tertials (1: January–April, 2: May–August, 3: September–December)")
            .WithDescription("Per programme: `participants` (cases whose membership shares a day with the period), of them " +
                             "`takenInWithoutReferral`, `closed` (cases closed in the period while in the programme), " +
                             "`closedToWorkOrStudies` (closure reason Work or Studies), `cost` and `externalFunding` for the period " +
                             "(a tertial is a third of the year's), `costPerParticipant` and `costPerWorkOrStudies` in whole kronor " +
                             "(null when there is nothing to divide by or no cost is recorded); `total` sums the rows. `year` from " +
                             "2000 to next year, `tertial` 1–3 (400 naming the field otherwise). A reader bound to a district counts " +
                             "its district's cases only and gets no costs. Counts only: no case is named.");

        var ofCase = routes.MapGroup("/api/cases/{id:int}/programmes").WithTags(Tag).DisableValidation().ShowsPersonalData(caseRoute: "id");

        ofCase.MapGet("/", async Task<Results<Ok<List<ProgrammeMembershipDto>>, NotFound>> (int id, CaseAccess access, ProgrammeWork work,
                CancellationToken ct) =>
            {
                if (!await access.CanSeeAsync(id, ct)) return TypedResults.NotFound();
                return TypedResults.Ok((await work.OfCaseAsync(id, ct)).Select(ProgrammeMembershipDto.From).ToList());
            })
            .RequirePermission(Permission.ReadProgrammes)
            .WithName("getCaseProgrammes")
            .WithSummary("The programmes the case is in and has been in, the current ones first")
            .WithDescription("A case the caller may not see answers 404.");

        ofCase.MapPost("/", async Task<Results<Created<ProgrammeMembershipDto>, NotFound, ForbidHttpResult, FieldProblem>> (int id,
                JoinProgrammeRequest request, CaseAccess access, ProgrammeWork work, CancellationToken ct) =>
            {
                var c = await access.VisibleCases().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (c is null) return TypedResults.NotFound();
                if (!access.Can(Permission.JoinProgramme, c)) return TypedResults.Forbid();
                var result = await work.JoinAsync(c, request, ct);
                return result.Membership is { } m
                    ? TypedResults.Created($"/api/cases/{id}/programmes", ProgrammeMembershipDto.From(m))
                    : new FieldProblem(result.Errors);
            })
            .RequirePermission(Permission.JoinProgramme)
            .WithName("joinProgramme")
            .WithSummary("The case joins a programme (the centre's coaches and managers, and keys with scope `programmes:write`)")
            .WithDescription("`programmeId` an active programme; `joinedOn` (optional, today when left out) from the referral date up " +
                             "to today. Only an open case joins, and not while it is in the programme already (nor on a day an " +
                             "earlier membership of the same programme covers). A bad field answers 400 naming it, and nothing is " +
                             "stored; a case the caller may not see answers 404.");

        routes.MapPost("/api/programme-memberships/{id:int}/leave", async Task<Results<Ok<ProgrammeMembershipDto>, NotFound, ForbidHttpResult, FieldProblem>> (
                int id, LeaveProgrammeRequest request, HttpContext http, CaseAccess access, JobbtorgDb db, ProgrammeWork work, CancellationToken ct) =>
            {
                var m = await db.Set<ProgrammeMembership>().Include(x => x.Programme).FirstOrDefaultAsync(x => x.Id == id, ct);
                var c = m is null ? null : await access.VisibleCases().FirstOrDefaultAsync(x => x.Id == m.CaseId, ct);
                if (m is null || c is null) return TypedResults.NotFound();
                AccessLogMiddleware.CaseLoaded(http, c);
                if (!access.Can(Permission.JoinProgramme, c)) return TypedResults.Forbid();
                var result = await work.LeaveAsync(c, m, request, ct);
                return result.Membership is { } left ? TypedResults.Ok(ProgrammeMembershipDto.From(left)) : new FieldProblem(result.Errors);
            })
            .WithTags(Tag).DisableValidation().ShowsPersonalData()
            .RequirePermission(Permission.JoinProgramme)
            .WithName("leaveProgramme")
            .WithSummary("The case leaves the programme on `leftOn` (today when left out; the closure day for a closed case)")
            .WithDescription("`leftOn` not before the day of joining, not after today nor after the case's closure; a membership " +
                             "that has ended already is refused the same way (400 naming `leftOn`). One on a case the caller may not " +
                             "see answers 404.");
    }
}
