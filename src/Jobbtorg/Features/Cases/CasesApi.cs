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

        group.MapGet("/{id:int}", async Task<Results<Ok<CaseDto>, NotFound>> (int id, CaseAccess access, Data.JobbtorgDb db,
                TimeProvider clock, CancellationToken ct) =>
                await (await access.VisibleCasesAsync(ct)).Include(c => c.District).Include(c => c.Coach).Include(c => c.Plans)
                        .FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
                    ? TypedResults.Ok(CaseDto.From(c, clock) with { InfoMeeting = CaseBookingDto.From(c.Id, await BookingState.OfCaseAsync(db, c.Id, ct)) })
                    : TypedResults.NotFound())
            .WithName("getCase")
            .WithSummary("One case's state: info meeting, enrolment, job guarantee, plan review, closure")
            .WithDescription("The case with this id, as `POST /api/referrals` answered it, with its info meeting. A case the caller " +
                             "may not see (another district's, for a district's key) answers 404, as one that does not exist.");

        group.MapGet("/", async Task<Results<Ok<List<CaseDto>>, Shared.FieldProblem>> (CaseAccess access, TimeProvider clock,
                CancellationToken ct, string? status = null, string? districtReferralId = null, int skip = 0, int take = 100) =>
            {
                var errors = new Shared.FieldErrors();
                var statusOf = Shared.Input.QueryName<CaseStatus>(nameof(status), status, errors);
                if (errors.Count > 0) return new Shared.FieldProblem(errors);
                var query = (await access.VisibleCasesAsync(ct)).Include(c => c.District).Include(c => c.Coach).Include(c => c.Plans).AsQueryable();
                if (statusOf is not null) query = query.Where(c => c.Status == statusOf);
                if (districtReferralId is not null) query = query.Where(c => c.DistrictReferralId == districtReferralId);
                var page = await query.OrderByDescending(c => c.Id).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 500)).AsSplitQuery().ToListAsync(ct);
                return TypedResults.Ok(page.Select(c => CaseDto.From(c, clock)).ToList());
            })
            .WithName("listCases")
            .WithSummary("Cases the caller may see, newest first; a district's key sees its own district")
            .WithDescription("Optionally only cases in one `status`, or the case of one `districtReferralId`. Pages with `skip` and " +
                             "`take` (at most 500). Lists leave out the info meeting; `GET /api/cases/{id}` gives it.");

        return group;
    }
}
