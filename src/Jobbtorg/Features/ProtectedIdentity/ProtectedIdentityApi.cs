using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.ProtectedIdentity;

/// <summary>Whether the person has protected personal data (the Tax Agency's marking).</summary>
public sealed record ProtectedIdentityRequest(
    [property: ApiRequired, System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Say whether the person has protected identity: true or false.")] bool? Protected);

/// <summary>The marking as it now stands, and who set or removed it when.</summary>
public sealed record ProtectedIdentityDto(bool Protected, DateTimeOffset? ChangedAt, string? ChangedBy);

public static class ProtectedIdentityApi
{
    public static void MapProtectedIdentityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPut("/api/people/{personalNumber}/protected-identity",
                async Task<Results<Ok<ProtectedIdentityDto>, NotFound, FieldProblem>> (string personalNumber, [FromBody] ProtectedIdentityRequest request,
                    MarkProtectedIdentity mark, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                {
                    var errors = RequestRules.Check(request);
                    if (!Identity.PersonalNumber.TryParse(personalNumber, clock.Today(), null, out var number, out var problem))
                        errors.Refuse(nameof(personalNumber), Input.PersonalNumberProblem(problem));
                    if (errors.Count > 0) return new FieldProblem(errors);
                    if (await mark.FindAsync(number.Value, ct) is not { } person) return TypedResults.NotFound();
                    await mark.SetAsync(person, request.Protected!.Value, ct);
                    http.AccessLog().ConcernsPerson(person.Id, person.ProtectedIdentity);
                    return TypedResults.Ok(new ProtectedIdentityDto(person.ProtectedIdentity, person.ProtectedIdentityChangedAt, person.ProtectedIdentityChangedBy));
                })
            .RequirePermission(Permission.MarkProtectedIdentity)
            .ShowsPersonalData()
            .DisableValidation()
            .WithTags("People")
            .WithName("setProtectedIdentity")
            .WithSummary("Mark or unmark a person as having protected personal data (skyddade personuppgifter)")
            .WithDescription("`{\"protected\": true}` marks the person, `false` removes the marking. A district's key and case worker reach the " +
                             "people with a case in their district, an administrator everyone. A person who is unknown or out of reach answers " +
                             "404, the same way. While marked, the person's name, personal number and contact details are shown only to the " +
                             "case's coach, the district's case workers and key, and administrators.");
    }
}
