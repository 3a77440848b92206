using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

/// <summary>One person ranked for a vacancy: the case, the score, the requirements not met, and the reasons and gaps in the
/// reader's language.</summary>
public sealed record CandidateDto(int CaseId, string CaseRef, int Score, int Unmet, OccupationNearness Occupation, List<string> Reasons, List<string> Gaps);

/// <summary>An open vacancy that fits the person, with the ranking of the person for it.</summary>
public sealed record FittingVacancyDto(VacancyDto Vacancy, int Score, int Unmet, OccupationNearness Occupation, List<string> Reasons, List<string> Gaps);

public sealed record ProposalDto(int Id, int VacancyId, int CaseId, ProposalStatus Status, DateOnly ProposedOn, DateOnly? PresentedOn,
    DateOnly? InterviewOn, DateOnly? OutcomeOn, NotSelectedReason? NotSelectedReason, string? OutcomeNote, int? PlacementId, string ProposedBy,
    DateTimeOffset ProposedAt)
{
    public static ProposalDto From(Proposal p) => new(p.Id, p.VacancyId, p.CaseId, p.Status, p.ProposedOn, p.PresentedOn, p.InterviewOn,
        p.OutcomeOn, p.NotSelectedReason, p.OutcomeNote, p.PlacementId, p.ProposedBy, p.ProposedAt.ToStockholm());
}

public sealed record ProposeRequest([property: ApiRequired] int? CaseId);

/// <summary>The next step: <c>status</c> by name and its day <c>on</c>; <c>reason</c> (Not selected), <c>note</c>; for a hire or an
/// internship the placement's <c>placementStart</c> (the step's day when left out), <c>placementEnd</c>, <c>wageForm</c>, <c>subsidy</c>.</summary>
public sealed record ProposalStepRequest([property: ApiRequired] string? Status, [property: ApiRequired] DateOnly? On, string? Reason,
    string? Note, DateOnly? PlacementStart, DateOnly? PlacementEnd, string? WageForm, string? Subsidy)
{
    public ProposalStepInput AsInput() => new(Status, On, Reason, Note, PlacementStart, PlacementEnd, WageForm, Subsidy);
}

public static class MatchingApi
{
    public const string MatchingTag = "Matching";

    public static void MapMatchingApi(this IEndpointRouteBuilder routes)
    {
        var matching = routes.MapGroup("/api").WithTags(MatchingTag).DisableValidation();

        matching.MapGet("/vacancies/{id:int}/candidates", async Task<Results<Ok<List<CandidateDto>>, NotFound>> (int id, VacancyWork vacancies,
                MatchingWork work, Texts texts, CancellationToken ct) =>
            {
                if (await vacancies.FindAsync(id, ct) is not { } vacancy) return TypedResults.NotFound();
                var list = vacancy.Status == VacancyStatus.Open ? await work.CandidatesAsync(vacancy, ct) : [];
                return TypedResults.Ok(list.Select(c => new CandidateDto(c.Case.Id, c.Case.CaseRef, c.Match.Score, c.Match.Unmet, c.Match.Nearness,
                    c.Match.Reasons.Select(texts.Format).ToList(), c.Match.Gaps.Select(texts.Format).ToList())).ToList());
            })
            .ShowsPersonalData()
            .RequirePermission(Permission.ProposeCandidates)
            .WithName("getCandidates")
            .WithSummary("The vacancy's candidates among the enrolled participants within reach, best first, with the reasons")
            .WithDescription("A candidate is enrolled (not paused), not judged unavailable for work, holds no job, is not proposed for the " +
                             "vacancy yet, and has a goal or experienced occupation in the vacancy's SSYK field (any, for major group 9). " +
                             "Ordered by the requirements not met (`unmet`), then `score`, then the longest enrolled. At most 50; none for " +
                             "a vacancy that is not open. No names: the case's reference only.");

        matching.MapGet("/cases/{id:int}/vacancies", async Task<Results<Ok<List<FittingVacancyDto>>, NotFound, ForbidHttpResult>> (int id,
                CaseAccess access, MatchingWork work, Texts texts, CancellationToken ct) =>
            {
                var c = await access.VisibleCases().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (c is null) return TypedResults.NotFound();
                if (!access.Can(Permission.ProposeCandidates, c)) return TypedResults.Forbid();
                return TypedResults.Ok((await work.VacanciesForAsync(c, ct)).Select(f => new FittingVacancyDto(VacancyDto.From(f.Vacancy), f.Match.Score,
                    f.Match.Unmet, f.Match.Nearness, f.Match.Reasons.Select(texts.Format).ToList(), f.Match.Gaps.Select(texts.Format).ToList())).ToList());
            })
            .ShowsPersonalData(caseRoute: "id")
            .RequirePermission(Permission.ProposeCandidates)
            .WithName("getFittingVacancies")
            .WithSummary("The open vacancies (places free, last day to propose not passed) that fit the person, best first")
            .WithDescription("The same ranking as the candidates. A case the caller may not see answers 404.");

        matching.MapGet("/vacancies/{id:int}/proposals", async Task<Results<Ok<List<ProposalDto>>, NotFound>> (int id, VacancyWork vacancies,
                ProposalWork proposals, CancellationToken ct) =>
            {
                if (await vacancies.FindAsync(id, ct) is null) return TypedResults.NotFound();
                return TypedResults.Ok((await proposals.OfVacancyAsync(id, ct)).Select(ProposalDto.From).ToList());
            })
            .ShowsPersonalData()
            .RequirePermission(Permission.ReadProposals)
            .WithName("getVacancyProposals")
            .WithSummary("The vacancy's proposals, for the cases within the caller's reach")
            .WithDescription("Under way first (Proposed, Presented, Interview), then the outcomes; the newest first within each.");

        matching.MapGet("/cases/{id:int}/proposals", async Task<Results<Ok<List<ProposalDto>>, NotFound>> (int id, CaseAccess access,
                ProposalWork proposals, CancellationToken ct) =>
            {
                var c = await access.VisibleCases(Permission.ReadProposals).FirstOrDefaultAsync(x => x.Id == id, ct);
                if (c is null) return TypedResults.NotFound();
                return TypedResults.Ok((await proposals.OfCaseAsync(id, ct)).Select(ProposalDto.From).ToList());
            })
            .ShowsPersonalData(caseRoute: "id")
            .RequirePermission(Permission.ReadProposals)
            .WithName("getCaseProposals")
            .WithSummary("The case's proposals for vacancies and where they stand");

        matching.MapPost("/vacancies/{id:int}/proposals", async Task<Results<Created<ProposalDto>, NotFound, ForbidHttpResult, FieldProblem, RefusedProblem>> (
                int id, ProposeRequest request, ProposalWork proposals, CaseAccess access, AccessLogContext log, CancellationToken ct) =>
            {
                if (request.CaseId is not { } caseId) return new FieldProblem(new FieldErrors().Refuse("caseId", "Give the case to propose."));
                if (await access.VisibleCases().Include(c => c.Participant).FirstOrDefaultAsync(c => c.Id == caseId, ct) is { } named) log.Concerns(named);
                return await proposals.ProposeAsync(id, caseId, ct) switch
                {
                    ProposalOutcome.Done done => TypedResults.Created($"/api/vacancies/{id}/proposals", ProposalDto.From(done.Proposal)),
                    ProposalOutcome.Refused refused => new RefusedProblem(refused.Message),
                    ProposalOutcome.Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.NotFound(),
                };
            })
            .ShowsPersonalData()
            .RequirePermission(Permission.ProposeCandidates)
            .WithName("propose")
            .WithSummary("Propose a participant (`caseId`) for the vacancy")
            .WithDescription("The proposal holds one of the vacancy's places until it ends as not selected or withdrawn. Answers 409 with " +
                             "the reason when the case is closed, paused or not enrolled, the person already holds a job or is already " +
                             "proposed, the vacancy is filled or withdrawn or its last day to propose has passed, or all its places are " +
                             "held (two proposals for the last place at once: one gets it, the other this answer). A vacancy or a case " +
                             "the caller may not see answers 404.");

        matching.MapPost("/proposals/{id:int}/steps", async Task<Results<Ok<ProposalDto>, NotFound, ForbidHttpResult, FieldProblem, RefusedProblem>> (
                int id, ProposalStepRequest request, JobbtorgDb db, CaseAccess access, AccessLogContext log, ProposalWork proposals, CancellationToken ct) =>
            {
                // The route names the proposal: the log entry is told which case it concerns.
                if (await db.Set<Proposal>().Where(p => p.Id == id).Join(access.VisibleCases().Include(c => c.Participant), p => p.CaseId, c => c.Id, (p, c) => c)
                        .FirstOrDefaultAsync(ct) is { } named) log.Concerns(named);
                return await proposals.MoveAsync(id, request.AsInput(), ct) switch
                {
                    ProposalOutcome.Done done => TypedResults.Ok(ProposalDto.From(done.Proposal)),
                    ProposalOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                    ProposalOutcome.Refused refused => new RefusedProblem(refused.Message),
                    ProposalOutcome.Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.NotFound(),
                };
            })
            .ShowsPersonalData()
            .RequirePermission(Permission.ProposeCandidates)
            .WithName("moveProposal")
            .WithSummary("Move a proposal on: Presented, Interview, or its outcome Hired, Internship, NotSelected or Withdrawn")
            .WithDescription("`on` is the step's day: from the proposal's day up to today (an interview up to a year ahead). NotSelected " +
                             "needs `reason` ∈ OtherCandidateChosen, RequirementsNotMet, NoShowAtInterview, ParticipantDeclined, " +
                             "VacancyClosed, Other (Other with a `note`); Withdrawn needs a `note` (at most 500 characters). Hired (not " +
                             "for an internship vacancy) and Internship record the placement on the case, matched and linked to the " +
                             "employer and vacancy: `placementStart` (the step's day when left out), `placementEnd`, `wageForm` " +
                             "(CollectiveAgreement or AgreedWage for a job), `subsidy` for a subsidised employment; the placement's own " +
                             "rules apply and the district is told. The vacancy is filled when its last place is taken. A bad field " +
                             "answers 400 naming it; a proposal that already has its outcome, or a step back, 400; someone else moving it at the same moment, 409.");
    }
}
