using Jobbtorg.Features.AccessLog;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Referrals;

public static class ReferralsApi
{
    public const string OpenElsewhereMessage = "The person already has an open case at the job centres; no new case was created.";

    public static RouteGroupBuilder MapReferralsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/referrals").WithTags("Referrals").RequirePermission(Permission.Refer).ShowsPersonalData();

        group.MapPost("/", async Task<Results<Created<CaseDto>, Ok<CaseDto>, FieldProblem, RefusedProblem>> (
                ReferralRequest request, RegisterReferral register, JobbtorgDb db, TimeProvider clock, AccessLogContext accessLog, CancellationToken ct) =>
            {
                async Task<CaseDto> Dto(Case c)
                {
                    accessLog.Concerns(c);
                    return CaseDto.From(c, clock) with { InfoMeeting = CaseBookingDto.From(c.Id, await BookingState.OfCaseAsync(db, c.Id, ct)) };
                }
                return await register.HandleAsync(request, ReferralChannel.Api, ct) switch
                {
                    ReferralOutcome.Created created => TypedResults.Created($"/api/cases/{created.Case.Id}", await Dto(created.Case)),
                    ReferralOutcome.Existing existing => TypedResults.Ok(await Dto(existing.Case)),
                    ReferralOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                    ReferralOutcome.OpenElsewhere => new RefusedProblem(new Message(OpenElsewhereMessage)),
                    _ => throw new InvalidOperationException(),
                };
            })
            // The request's rules are checked by the use case, with the district's, and answered in the caller's language.
            .DisableValidation()
            .WithName("createReferral")
            .WithSummary("Refer a person to the job centre")
            .WithDescription("Creates a case (201) and books it on the next free info meeting, or puts it on the waiting list " +
                             "(see infoMeeting in the answer). A person with an open case, or a repeated districtReferralId, " +
                             "answers 200 with the existing case; nothing new is created. When that open case belongs to a district or centre " +
                             "the caller may not see, the answer is 409 saying only that the person has an open case. Invalid fields answer 400 with a " +
                             "ValidationProblem naming each field.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }
}
