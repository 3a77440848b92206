using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.FollowUp;

/// <summary>Follow-up facts from the districts, feeding the indicators "still self-supporting six months after
/// closure" and "working or studying three months after a municipal job".</summary>
public static class FollowUpApi
{
    public static RouteGroupBuilder MapFollowUpApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/follow-up").WithTags("Follow-up").RequirePermission(Permission.WriteFollowUp).ShowsPersonalData();

        group.MapPost("/benefit-months", async Task<Results<Ok<FollowUpStored>, FieldProblem>> (
                List<BenefitMonthInput?>? items, RecordFollowUp record, CancellationToken ct) =>
                Answer(await record.BenefitMonthsAsync(items, ct)))
            .DisableValidation()
            .WithName("reportBenefitMonths")
            .WithSummary("Report whether people received benefit in given months")
            .WithDescription("A JSON array of `{personalNumber, month: \"yyyy-MM\", receivesBenefit}`, at most 10,000 items. " +
                             "All or nothing: every item is checked first (personal number with its check digit, a person with a case in " +
                             "Jobbtorg — for a district's key, a case in that district — a month that is not in the future, the same person " +
                             "and month at most once in the request); if any item is bad nothing is stored and the answer is 400 with a " +
                             "ValidationProblem naming each bad field by index, e.g. `[3].personalNumber`. Otherwise every item is stored: " +
                             "a month already held for the person is replaced by the value sent, as the case-event import does; what is sent is " +
                             "stored as a register fact, which also replaces a value recorded at the job centre from a call or a letter. The answer " +
                             "counts the items that were new (`stored`), changed a held value (`replaced`) or matched it (`unchanged`). " +
                             "The months feed the indicator `stillSelfSupporting6Months`.")
            .ProducesValidationProblem();

        group.MapPost("/occupation-status", async Task<Results<Ok<FollowUpStored>, FieldProblem>> (
                List<OccupationStatusInput?>? items, RecordFollowUp record, CancellationToken ct) =>
                Answer(await record.OccupationStatusAsync(items, ct)))
            .DisableValidation()
            .WithName("reportOccupationStatus")
            .WithSummary("Report what people were doing on given dates: Working, Studying or Neither")
            .WithDescription("A JSON array of `{personalNumber, date: \"yyyy-MM-dd\", status}`, from follow-up calls or registers, at most " +
                             "10,000 items. All or nothing, checked as for benefit months (the date may not be in the future, the same person " +
                             "and date at most once in the request); a bad item answers 400 naming it by index, e.g. `[0].status`, and nothing " +
                             "is stored. An observation already held for the person on the date is replaced, also one recorded from a call or a " +
                             "letter (what is sent is a register fact). The observations feed the " +
                             "indicator `workingOrStudying3MonthsAfterMunicipalJob`.")
            .ProducesValidationProblem();

        return group;
    }

    private static Results<Ok<FollowUpStored>, FieldProblem> Answer(FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.Accepted accepted => TypedResults.Ok(accepted.Counts),
        FollowUpOutcome.Invalid invalid => new FieldProblem(invalid.Errors),
        _ => throw new InvalidOperationException(),
    };
}
