using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Referrals;

public static class ReferralsApi
{
    public static RouteGroupBuilder MapReferralsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/referrals").WithTags("Referrals").RequireAuthorization(Policies.ReferralsWrite);

        group.MapPost("/", async Task<Results<Created<CaseDto>, Ok<CaseDto>, ValidationProblem>> (
                ReferralRequest request, RegisterReferral register, TimeProvider clock, CancellationToken ct) =>
            await register.HandleAsync(request, ReferralChannel.Api, ct) switch
            {
                ReferralOutcome.Created created => TypedResults.Created($"/api/cases/{created.Case.Id}", CaseDto.From(created.Case, clock)),
                ReferralOutcome.Existing existing => TypedResults.Ok(CaseDto.From(existing.Case, clock)),
                ReferralOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
                _ => throw new InvalidOperationException(),
            })
            .WithSummary("Refer a person to the job centre")
            .WithDescription("Creates a case (201). A person with an open case, or a repeated districtReferralId, " +
                             "answers 200 with the existing case; nothing new is created. Invalid fields answer 400 with a " +
                             "ValidationProblem naming each field.")
            .ProducesValidationProblem();

        return group;
    }
}
