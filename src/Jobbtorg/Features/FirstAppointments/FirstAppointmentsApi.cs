using Jobbtorg.Features.AccessLog;
using System.ComponentModel.DataAnnotations;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FirstAppointments;

/// <summary>A first appointment as the API gives it; times in Stockholm. <c>cancelReason</c> only to the job centre's side.</summary>
public sealed record FirstAppointmentDto(int Id, int CaseId, string CaseRef, FirstAppointmentStatus Status, DateTimeOffset Start, DateTimeOffset End,
    FirstAppointmentCoachDto Coach, string Place, string BookedBy, DateTimeOffset BookedAt, int Moves, DateTimeOffset? CancelledAt,
    string? CancelReason, DateTimeOffset? OutcomeAt)
{
    public static FirstAppointmentDto From(FirstAppointment a, bool withReason) => new(a.Id, a.CaseId, a.Case.CaseRef, a.Status, a.LocalStart,
        a.EndsAt.ToStockholm(), new FirstAppointmentCoachDto(a.CoachId, a.Coach.DisplayName, a.Coach.Email, a.Coach.PhoneNumber),
        a.Case.JobCentre.NameAndAddress(), a.BookedBy, a.BookedAt, a.Moves, a.CancelledAt, withReason ? a.CancelReason : null, a.OutcomeAt);
}

public sealed record FirstAppointmentCoachDto(string Id, string Name, string? Email, string? Phone);

/// <summary>A time in Stockholm and a coach of the case's centre. For a move, a missing <c>coachId</c> keeps the coach.</summary>
public sealed record FirstAppointmentRequest(
    [property: ApiRequired] DateOnly? Date,
    [property: ApiRequired] TimeOnly? Time,
    [property: StringLength(450, ErrorMessage = "Choose a coach at the case's job centre.")] string? CoachId);

public sealed record FirstAppointmentCancelRequest(
    [property: ApiRequired, Required(ErrorMessage = "Give the reason for the cancellation."),
               StringLength(FirstAppointment.MaxReasonLength, ErrorMessage = "The reason may be at most {1} characters.")] string? Reason);

public sealed record FirstAppointmentOutcomeRequest(
    [property: ApiRequired, Required(ErrorMessage = "Say whether the person came.")] bool? Attended);

public static class FirstAppointmentsApi
{
    public static void MapFirstAppointmentsApi(this IEndpointRouteBuilder routes)
    {
        // Read by whoever sees the case (the district's case worker and its key too); changed by the job centre's coaches and
        // managers only, as the case-work endpoints: no key scope grants it.
        var group = routes.MapGroup("/api/cases/{id:int}/first-appointment").WithTags("Cases").DisableValidation().ShowsPersonalData(caseRoute: "id");

        group.MapGet("/", async Task<Results<Ok<FirstAppointmentDto>, NotFound>> (int id, CaseAccess access, JobbtorgDb db, CancellationToken ct) =>
            {
                var visible = await access.VisibleCasesAsync(ct);
                var a = await db.FirstAppointments.AsNoTracking().Include(x => x.Coach).Include(x => x.Case).ThenInclude(c => c.JobCentre)
                    .Where(x => x.CaseId == id && visible.Any(c => c.Id == x.CaseId))
                    .OrderByDescending(x => x.Status == FirstAppointmentStatus.Booked).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
                return a is null ? TypedResults.NotFound() : TypedResults.Ok(FirstAppointmentDto.From(a, access.Can(Permission.BookFirstAppointment, a.Case)));
            })
            .RequirePermission(Permission.ReadCase)
            .WithName("getFirstAppointment")
            .WithSummary("The case's first one-to-one appointment with a coach: the booked one, else the latest")
            .WithDescription("Times are in Stockholm time. A case the caller may not see, or one without a first appointment, answers 404.");

        group.MapPost("/", (int id, FirstAppointmentRequest request, Runner run, FirstAppointmentBooking booking, CancellationToken ct) =>
                run.Async(id, request, (c, _) => booking.BookAsync(c, request.Date, request.Time, request.CoachId, ct), ct))
            .RequirePermission(Permission.BookFirstAppointment)
            .WithName("bookFirstAppointment")
            .WithSummary("Book the case's first appointment with a coach (coaches and managers of its centre)")
            .WithDescription("`date` and `time` in Stockholm, on a working day within the working hours, not in the past; `coachId` a coach " +
                             "at the case's job centre (400 naming the field otherwise). A closed case, or one that already has a booked " +
                             "appointment or has had its first appointment, answers 409. The district is told in the same change.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/move", (int id, FirstAppointmentRequest request, Runner run, FirstAppointmentBooking booking, CancellationToken ct) =>
                run.Async(id, request, (c, a) => a is null ? throw new RuleBrokenException("Only a booked appointment can be moved or cancelled.")
                    : booking.MoveAsync(c, a, request.Date, request.Time, request.CoachId, ct), ct))
            .RequirePermission(Permission.BookFirstAppointment)
            .WithName("moveFirstAppointment")
            .WithSummary("Move the booked first appointment to another time or coach")
            .WithDescription("The same rules as booking; without `coachId` the coach stays. No booked appointment answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/cancel", (int id, FirstAppointmentCancelRequest request, Runner run, FirstAppointmentBooking booking, CancellationToken ct) =>
                run.Async(id, request, (c, a) => a is null ? throw new RuleBrokenException("Only a booked appointment can be moved or cancelled.")
                    : booking.CancelAsync(c, a, request.Reason, ct), ct))
            .RequirePermission(Permission.BookFirstAppointment)
            .WithName("cancelFirstAppointment")
            .WithSummary("Cancel the booked first appointment, with a reason")
            .WithDescription("The reason stays with the case; the district is told only that the time is cancelled. No booked appointment answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/outcome", (int id, FirstAppointmentOutcomeRequest request, Runner run, FirstAppointmentBooking booking, CancellationToken ct) =>
                run.Async(id, request, (c, a) => a is null ? throw new RuleBrokenException("The outcome is recorded once, for a booked appointment.")
                    : booking.RecordOutcomeAsync(c, a, request.Attended!.Value, ct), ct))
            .RequirePermission(Permission.BookFirstAppointment)
            .WithName("recordFirstAppointmentOutcome")
            .WithSummary("Record whether the person came to the first appointment")
            .WithDescription("Once the appointment has begun. A no-show is reported to the district. No booked appointment, or one not begun, answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The case within reach (404), the right to book on it (403), the request's own checks (400 naming the field),
    /// then the change; the answer is the appointment as stored.</summary>
    public sealed class Runner(CaseAccess access, FirstAppointmentBooking booking)
    {
        public async Task<Results<Ok<FirstAppointmentDto>, NotFound, ForbidHttpResult, FieldProblem>> Async(int id, object request,
            Func<Case, FirstAppointment?, Task<AppointmentChange>> change, CancellationToken ct)
        {
            var c = await access.VisibleCases().Include(x => x.District).Include(x => x.JobCentre).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return TypedResults.NotFound();
            if (!access.Can(Permission.BookFirstAppointment, c)) return TypedResults.Forbid();
            var errors = RequestRules.Check(request);
            if (errors.Count > 0) return new FieldProblem(errors);
            var booked = (await booking.OfCaseAsync(id, ct)).FirstOrDefault(a => a.IsBooked);
            var result = await change(c, booked);
            return result.Appointment is { } a ? TypedResults.Ok(FirstAppointmentDto.From(a, true)) : new FieldProblem(result.Errors);
        }
    }
}
