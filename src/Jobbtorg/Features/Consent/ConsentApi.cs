using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Consent;

public static class ConsentApi
{
    public static void MapConsentApi(this IEndpointRouteBuilder routes)
    {
        // The request's own rules are checked by ConsentChanges, in the reader's language.
        var group = routes.MapGroup("/api/cases/{id:int}/consent").WithTags("Cases").DisableValidation()
            .ShowsPersonalData(caseRoute: "id");

        group.MapGet("/", async Task<Results<Ok<ConsentDto>, NotFound>> (int id, ConsentChanges consent, CancellationToken ct) =>
                await consent.FindAsync(id, ct) is { } c ? TypedResults.Ok(ConsentDto.From(c)) : TypedResults.NotFound())
            .RequirePermission(Permission.ReadCase)
            .WithName("getConsent")
            .WithSummary("The person's consent to information exchange: whether it stands, and every change, newest first")
            .WithDescription("`given` and `date` are the current state (the day of the latest change); `history` lists each change " +
                             "with the day the person gave or withdrew consent, who recorded it and when, and where (`Referral`, " +
                             "`Staff`, `Api`). A case the caller may not see answers 404.");

        group.MapPut("/", async Task<Results<Ok<ConsentDto>, NotFound, ForbidHttpResult, FieldProblem>> (int id, ConsentRequest request,
                ConsentChanges consent, CurrentUser user, CancellationToken ct) =>
                await consent.RecordAsync(id, request, user.Access.IsApiKey ? ConsentSource.Api : ConsentSource.Staff, ct) switch
                {
                    ConsentOutcome.Recorded recorded => TypedResults.Ok(ConsentDto.From(recorded.Case)),
                    ConsentOutcome.Forbidden => TypedResults.Forbid(),
                    ConsentOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
                    _ => TypedResults.NotFound(),
                })
            .RequirePermission(Permission.RecordConsent)
            .WithName("recordConsent")
            .WithSummary("Record that the person gave (`given: true`) or withdrew (`given: false`) consent on `date`")
            .WithDescription("For the district's key (scope `referrals:write`) and case worker on the district's cases, the coaches and " +
                             "managers of the case's centre, and administrators. `date` may not be in the future, before the referral " +
                             "date, or before the latest change; giving consent that stands, or withdrawing consent that does not, is " +
                             "refused too (400 naming the field). While consent is withdrawn, messages to the district carry no details " +
                             "(also those already waiting to be sent) and the district does not see the plan. Answers the new state.");
    }
}
