using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Referrals;

public static class ReferralsApi
{
    public static RouteGroupBuilder MapReferralsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/referrals").WithTags("Referrals").RequireAuthorization(Policies.ReferralsWrite);

        group.MapPost("/", async Task<Results<Created<CaseDto>, Ok<CaseDto>, ValidationProblem>> (
                ReferralRequest request, RegisterReferral register, InfoMeetingDesk infoMeetings, TimeProvider clock, CancellationToken ct) =>
            {
                async Task<CaseDto> Dto(Case c) =>
                    CaseDto.From(c, clock) with { InfoMeeting = CaseBookingDto.From(c.Id, await infoMeetings.StateAsync(c.Id, ct)) };
                return await register.HandleAsync(request, ReferralChannel.Api, ct) switch
                {
                    ReferralOutcome.Created created => TypedResults.Created($"/api/cases/{created.Case.Id}", await Dto(created.Case)),
                    ReferralOutcome.Existing existing => TypedResults.Ok(await Dto(existing.Case)),
                    ReferralOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
                    _ => throw new InvalidOperationException(),
                };
            })
            .WithSummary("Refer a person to the job centre")
            .WithDescription("Creates a case (201) and books it on the next free info meeting, or puts it on the waiting list " +
                             "(see infoMeeting in the answer). A person with an open case, or a repeated districtReferralId, " +
                             "answers 200 with the existing case; nothing new is created. Invalid fields answer 400 with a " +
                             "ValidationProblem naming each field.")
            .ProducesValidationProblem();

        return group;
    }
}
