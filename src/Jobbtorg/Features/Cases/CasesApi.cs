using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.InfoMeetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases").WithTags("Cases").RequirePermission(Permission.ListCases);

        group.MapGet("/{id:int}", async Task<Results<Ok<CaseDto>, NotFound>> (int id, CaseAccess access, CaseWork api, CancellationToken ct) =>
                await (await access.VisibleCasesAsync(ct)).Include(c => c.District).Include(c => c.Coach).Include(c => c.Plans)
                        .FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
                    ? TypedResults.Ok(await api.AnswerAsync(c, ct))
                    : TypedResults.NotFound())
            .ShowsPersonalData(caseRoute: "id")
            .WithName("getCase")
            .WithSummary("One case's state: info meeting, enrolment, job guarantee, plan review, closure")
            .WithDescription("The case with this id, as `POST /api/referrals` answered it, with its info meeting. A case the caller " +
                             "may not see (another district's, for a district's key) answers 404, as one that does not exist. `assessment` is " +
                             "the result of the latest signed assessment (instrument, date, availability, need category), for callers who may " +
                             "read assessments (staff, a key with `assessments:write`); it is null for other callers and for a case not yet assessed.");

        group.MapGet("/", async Task<Results<Ok<List<CaseDto>>, Shared.FieldProblem>> (CaseAccess access, TimeProvider clock, Data.JobbtorgDb db,
                CancellationToken ct, string? status = null, string? districtReferralId = null, int skip = 0, int take = 100) =>
            {
                var errors = new Shared.FieldErrors();
                var statusOf = Shared.Input.QueryName<CaseStatus>(nameof(status), status, errors);
                if (errors.Count > 0) return new Shared.FieldProblem(errors);
                var query = (await access.VisibleCasesAsync(ct)).Include(c => c.District).Include(c => c.Coach).Include(c => c.Plans).AsQueryable();
                if (statusOf is not null) query = query.Where(c => c.Status == statusOf);
                if (districtReferralId is not null) query = query.Where(c => c.DistrictReferralId == districtReferralId);
                var page = await query.OrderByDescending(c => c.Id).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 500)).AsSplitQuery().ToListAsync(ct);
                var assessed = await CaseAssessmentDto.LatestAsync(db, [.. page.Where(c => access.Can(Permission.ReadAssessment, c)).Select(c => c.Id)], ct);
                return TypedResults.Ok(page.Select(c => CaseDto.From(c, clock) with { Assessment = assessed.GetValueOrDefault(c.Id) }).ToList());
            })
            .ShowsPersonalData()
            .WithName("listCases")
            .WithSummary("Cases the caller may see, newest first; a district's key sees its own district")
            .WithDescription("Optionally only cases in one `status`, or the case of one `districtReferralId`. Pages with `skip` and " +
                             "`take` (at most 500). Lists leave out the info meeting; `GET /api/cases/{id}` gives it. Each case's `assessment` " +
                             "is given as in `GET /api/cases/{id}`.");

        MapCaseWork(routes);
        return group;
    }

    /// <summary>The same use cases as the case pages: enrol, pause, resume, close. Each answers the case as it now stands.</summary>
    private static void MapCaseWork(IEndpointRouteBuilder routes)
    {
        // The requests' own rules are checked by CaseWork, in the reader's language; the framework's check is English only.
        var work = routes.MapGroup("/api/cases/{id:int}").WithTags("Cases").RequirePermission(Permission.WorkCase).DisableValidation()
            .ShowsPersonalData(caseRoute: "id");

        work.MapPost("/enrolment", (int id, EnrolmentRequest request, CaseWork api, Caseloads caseloads, EnrolCase enrol, CancellationToken ct) =>
                api.RunAsync(id, request, async (c, errors) =>
                {
                    var coaches = await caseloads.AtCentreAsync(c.JobCentreId, ct);
                    // The coach with the lowest open caseload is suggested, as on the page.
                    var coach = request.CoachId is null ? coaches.FirstOrDefault() : coaches.FirstOrDefault(l => l.Coach.Id == request.CoachId);
                    if (coach is null) errors.Refuse(nameof(request.CoachId), "Choose a coach at the case's job centre.");
                    return errors.Count > 0 ? null : await enrol.HandleAsync(c.Id, request.Date!.Value, coach!.Coach.Id, ct);
                }, ct))
            .WithName("enrolCase")
            .WithSummary("Enrol a case with a coach (coaches and managers of its centre)")
            .WithDescription("Starts the job-guarantee clock on `date` and fixes the reporting group. Without `coachId` the centre's coach " +
                             "with the fewest open cases takes it. The case's info-meeting seat or place on the waiting list is given up in " +
                             "the same change. A case already enrolled or closed, or a date before the referral or in the future, answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        work.MapPost("/pause", (int id, PauseRequest request, CaseWork api, PauseCase pause, CancellationToken ct) =>
                api.RunAsync(id, request, async (c, errors) =>
                {
                    return errors.Count > 0 ? null : await pause.HandleAsync(c.Id, request.Date!.Value, request.Reason!.Value, request.Note, ct);
                }, ct))
            .WithName("pauseCase")
            .WithSummary("Pause an enrolled case: paused working days do not count towards the plan deadline")
            .WithDescription("A case not enrolled, already paused or closed, or a date in the future or before the enrolment, answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        work.MapPost("/resume", (int id, ResumeRequest request, CaseWork api, ResumeCase resume, CancellationToken ct) =>
                api.RunAsync(id, request, async (c, errors) =>
                {
                    return errors.Count > 0 ? null : await resume.HandleAsync(c.Id, request.Date!.Value, ct);
                }, ct))
            .WithName("resumeCase")
            .WithSummary("Resume a paused case")
            .WithDescription("A case that is not paused, or a date in the future or before the pause began, answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        work.MapPost("/closure", (int id, ClosureRequest request, CaseWork api, CloseCase close, CancellationToken ct) =>
                api.RunAsync(id, request, async (c, errors) =>
                {
                    return errors.Count > 0 ? null : await close.HandleAsync(c.Id, request.Date!.Value, request.Reason!.Value, request.SubReason, request.Note, ct);
                }, ct))
            .WithName("closeCase")
            .WithSummary("Close a case, or a referral before enrolment")
            .WithDescription("The district is sent the closure, and a referral's info-meeting seat or place on the waiting list is given up, " +
                             "in the same change. `subReason` is required for `Work` and `Other`. A closed case, a missing or foreign " +
                             "sub-reason, or a date in the future or before the case's latest event, answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>What the case-work endpoints share: the case within reach (404 otherwise), the right to work it (403), the
/// request's own checks (400 naming the field), and the answer, the case with its info meeting.</summary>
public sealed class CaseWork(CaseAccess access, Data.JobbtorgDb db, TimeProvider clock)
{
    /// <summary>Checks the rules <paramref name="request"/> declares; <paramref name="act"/> adds the rules that need the
    /// case and returns null, or returns the changed case.</summary>
    public async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, Shared.FieldProblem>> RunAsync(int id, object request,
        Func<Case, Shared.FieldErrors, Task<Case?>> act, CancellationToken ct)
    {
        if (await access.VisibleCases().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return TypedResults.NotFound();
        if (!access.CanWork(c)) return TypedResults.Forbid();
        var errors = Shared.RequestRules.Check(request);
        if (await act(c, errors) is { } changed) return TypedResults.Ok(await AnswerAsync(changed, ct));
        return new Shared.FieldProblem(errors);
    }

    /// <summary>One case as the API gives it: its state with its info meeting.</summary>
    public async Task<CaseDto> AnswerAsync(Case c, CancellationToken ct) =>
        CaseDto.From(c, clock) with
        {
            InfoMeeting = CaseBookingDto.From(c.Id, await BookingState.OfCaseAsync(db, c.Id, ct)),
            Assessment = access.Can(Permission.ReadAssessment, c)
                ? (await CaseAssessmentDto.LatestAsync(db, [c.Id], ct)).GetValueOrDefault(c.Id)
                : null,
        };
}
