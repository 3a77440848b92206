using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Privacy;

/// <summary>A person's register extract (GDPR art. 15) as JSON, for the authority's own tools.</summary>
public static class RegisterExtractApi
{
    public const string NotHeld = "Jobbtorg holds no data about a person with this personal identity number.";

    public static RouteGroupBuilder MapRegisterExtractApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/people").WithTags("Privacy").RequirePermission(Permission.ProduceRegisterExtract)
            .ShowsPersonalData(kind: AccessKind.Extract);

        group.MapGet("/{personalNumber}/register-extract", async Task<Results<Ok<RegisterExtract>, ProblemHttpResult, FieldProblem>> (
                string personalNumber, RegisterExtractBuilder builder, TimeProvider clock, Texts texts, CancellationToken ct) =>
            {
                if (!Identity.PersonalNumber.TryParse(personalNumber, clock.Today(), out var number, out var error))
                    return new FieldProblem(new FieldErrors().Refuse(nameof(personalNumber), Input.PersonalNumberProblem(error)));
                return await builder.BuildAsync(number.Value, ct) is { } extract
                    ? TypedResults.Ok(extract)
                    : TypedResults.Problem(title: texts[NotHeld], statusCode: StatusCodes.Status404NotFound);
            })
            .WithName("getRegisterExtract")
            .WithSummary("Everything held about one person (register extract, GDPR art. 15)")
            .WithDescription("The personal identity number as 12 digits (or YYYYMMDD-NNNN). One property per kind of data: `person`, `cases` " +
                             "(with their pauses), `referrals`, `plans` (every version with its activities), `journal` (every note as written; a " +
                             "correction is a note that names the one it corrects in `correctsId`), `attendance`, `infoMeetings` (`bookings`, " +
                             "`outcomes`, `waitingList`), `threePartyMeetings`, `firstAppointments`, `reminders` (`consents`, `messages`), " +
                             "`messages` (to the district, with the body as sent), `followUp` (`benefitMonths`, `occupations`), `placements`, " +
                             "`consent` (per case, as it stands) and `accessLog` (who read or changed the person's data, newest first). An empty " +
                             "kind is an empty list. Producing the extract is itself written to the access log. 404 when Jobbtorg holds nothing " +
                             "about the person; 400 with a ValidationProblem naming `personalNumber` when the number is not valid. For API keys " +
                             "with the scope `privacy:extract`, and administrators.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();

        return group;
    }
}
