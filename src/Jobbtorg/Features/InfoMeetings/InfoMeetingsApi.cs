using Jobbtorg.Features.AccessLog;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

public static class InfoMeetingsApi
{
    public static RouteGroupBuilder MapInfoMeetingsApi(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/info-meetings").WithTags("Info meetings").RequirePermission(Permission.ReadInfoMeetingTimes);

        meetings.MapGet("/", async Task<Results<Ok<List<InfoMeetingDto>>, FieldProblem>> (JobbtorgDb db, TimeProvider clock,
                CancellationToken ct, string? jobCentre = null, string? kind = null, string? from = null, string? to = null, bool includeCancelled = false) =>
            {
                var errors = new FieldErrors();
                var kindOf = Input.QueryName<MeetingKind>(nameof(kind), kind, errors);
                var first = Input.QueryDate(nameof(from), from, errors);
                var last = Input.QueryDate(nameof(to), to, errors);
                if (first > last) errors.Refuse(nameof(to), "The period cannot end before it starts.");
                if (errors.Count > 0) return new FieldProblem(errors);
                var start = Clock.FromStockholm(first ?? clock.Today(), TimeOnly.MinValue)!.Value;
                var end = Clock.FromStockholm((last ?? clock.Today().AddDays(7 * 12)).AddDays(1), TimeOnly.MinValue)!.Value;
                var query = db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre).Where(m => m.StartsAt >= start && m.StartsAt < end);
                if (!string.IsNullOrWhiteSpace(jobCentre)) query = query.Where(m => m.JobCentre.Code == jobCentre.Trim().ToLower());
                if (kindOf is not null) query = query.Where(m => m.Kind == kindOf);
                if (!includeCancelled) query = query.Where(m => m.CancelledAt == null);
                return TypedResults.Ok((await query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(1000).ToListAsync(ct)).Select(InfoMeetingDto.From).ToList());
            })
            .NoPersonalData()
            .WithName("listInfoMeetings")
            .WithSummary("Info meetings, earliest first")
            .WithDescription("Meetings from `from` to `to` (Stockholm dates, default today and twelve weeks on), optionally at one job centre and of one kind, with booked and free seats. A date outside 1900-01-01 … 2099-12-31 or a kind other than Adult or Youth answers 400 naming the parameter.");

        meetings.MapPost("/", async Task<Results<Created<List<InfoMeetingDto>>, FieldProblem>> (MeetingRequest request, ScheduleInfoMeetings schedule,
                CurrentUser user, JobbtorgDb db, CancellationToken ct) =>
            {
                var scheduling = await schedule.HandleAsync(request, centre => user.MayAtCentre(Permission.ManageInfoMeetings, centre), ct);
                if (scheduling.Broken.Count > 0) return new FieldProblem(FieldErrors.From(scheduling.Broken));
                var ids = scheduling.Meetings.Select(m => m.Id).ToList();
                var stored = await db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre).Where(m => ids.Contains(m.Id)).OrderBy(m => m.StartsAt).ToListAsync(ct);
                return TypedResults.Created($"/api/info-meetings/{ids[0]}", stored.Select(InfoMeetingDto.From).ToList());
            })
            .RequirePermission(Permission.ManageInfoMeetings)
            .NoPersonalData()
            .WithName("scheduleInfoMeetings")
            .WithSummary("Schedule a meeting, or a weekly recurrence (managers)")
            .WithDescription("`date` and `time` are Stockholm local time; `weeks` > 1 repeats the meeting weekly. Cases on the waiting list are booked onto the new seats at once. A bad field answers 400 naming it.");

        meetings.MapGet("/{id:int}", async Task<Results<Ok<InfoMeetingDto>, NotFound>> (int id, JobbtorgDb db, CancellationToken ct) =>
                await db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre).FirstOrDefaultAsync(m => m.Id == id, ct) is { } m
                    ? TypedResults.Ok(InfoMeetingDto.From(m)) : TypedResults.NotFound())
            .NoPersonalData()
            .WithName("getInfoMeeting")
            .WithSummary("One info meeting")
            .WithDescription("The meeting's time (Stockholm), room, language, and booked and free seats.");

        meetings.MapGet("/{id:int}/attendees", async Task<Results<Ok<List<AttendeeDto>>, NotFound>> (int id, JobbtorgDb db, CaseAccess access,
                CancellationToken ct, bool includeCancelled = false) =>
            {
                if (!await db.InfoMeetings.AnyAsync(m => m.Id == id, ct)) return TypedResults.NotFound();
                var visible = await access.VisibleCasesAsync(ct);
                return TypedResults.Ok(await db.InfoMeetingBookings.AsNoTracking()
                    .Where(b => b.InfoMeetingId == id && (includeCancelled || b.Status != BookingStatus.Cancelled) && visible.Any(c => c.Id == b.CaseId))
                    .OrderBy(b => b.Id)
                    .Select(b => new AttendeeDto(b.Id, b.CaseId, b.Case.CaseRef, b.Case.District.Code, b.Status, b.ChosenByHand, b.CancellationReason))
                    .ToListAsync(ct));
            })
            .ShowsPersonalData()
            .WithName("listInfoMeetingAttendees")
            .WithSummary("The cases booked on a meeting that the caller may see, with their attendance")
            .WithDescription("Cancelled bookings are left out unless `includeCancelled=true`; a cancelled booking names why in `cancellationReason` " +
                             "(`CancelledByStaff`, `AnotherMeetingChosen`, `MeetingCancelled`, `EnrolledBeforeMeeting`, `CaseClosed`). A district's key sees only its own district's cases.");

        meetings.MapPost("/{id:int}/cancel", async Task<Results<NoContent, NotFound, ForbidHttpResult>> (int id, JobbtorgDb db, CurrentUser user,
                CancelInfoMeeting cancel, CancellationToken ct) =>
            {
                var centre = await db.InfoMeetings.Where(m => m.Id == id).Select(m => (int?)m.JobCentreId).FirstOrDefaultAsync(ct);
                if (centre is null) return TypedResults.NotFound();
                if (!user.MayAtCentre(Permission.ManageInfoMeetings, centre.Value)) return TypedResults.Forbid();
                await cancel.HandleAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageInfoMeetings)
            .ShowsPersonalData()
            .WithName("cancelInfoMeeting")
            .WithSummary("Cancel a meeting (managers); its cases are booked again in priority order")
            .WithDescription("Managers of the meeting's job centre (or an administrator). Every case booked on it is booked on the " +
                             "next free meeting or joins the waiting list.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        meetings.MapGet("/next-free", async Task<Results<Ok<NextFreeTimeDto>, FieldProblem>> (FindNextFreeTime nextFree, JobbtorgDb db,
                CancellationToken ct, string? district = null, string? kind = null) =>
            {
                var errors = new FieldErrors();
                var kindOf = Input.QueryName<MeetingKind>(nameof(kind), kind, errors) ?? MeetingKind.Adult;
                var found = string.IsNullOrWhiteSpace(district) ? null : await db.Districts.FirstOrDefaultAsync(d => d.Code == district.Trim().ToLower(), ct);
                if (found is null && string.IsNullOrWhiteSpace(district)) errors.Refuse(nameof(district), "Choose the district.");
                else if (found is null) errors.Refuse(nameof(district), "There is no district with the code '{0}'.", district);
                if (errors.Count > 0) return new FieldProblem(errors);
                var next = await nextFree.HandleAsync(found!, kindOf, ct);
                return TypedResults.Ok(new NextFreeTimeDto(found!.Code, kindOf, next?.StartsAt.ToStockholm(), next?.MeetingId, next?.JobCentre, next?.FreeSeats, next?.QuotaLeft));
            })
            .NoPersonalData()
            .WithName("getNextFreeInfoMeeting")
            .WithSummary("The next free info-meeting time for a district and kind")
            .WithDescription("The earliest meeting within the booking horizon with a free seat in a week where the district has quota left; `startsAt` is null when there is none, and new referrals then join the waiting list.");

        meetings.MapGet("/waiting-list", async Task<Results<Ok<List<WaitingCaseDto>>, FieldProblem>> (JobbtorgDb db,
                CaseAccess access, CancellationToken ct, string? jobCentre = null, string? kind = null) =>
            {
                var errors = new FieldErrors();
                var kindOf = Input.QueryName<MeetingKind>(nameof(kind), kind, errors);
                if (errors.Count > 0) return new FieldProblem(errors);
                int? centreId = string.IsNullOrWhiteSpace(jobCentre) ? null
                    : await db.JobCentres.Where(j => j.Code == jobCentre.Trim().ToLower()).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct) ?? -1;
                var visible = await access.VisibleCasesAsync(ct);
                var waiting = await db.InfoMeetingWaits.AsNoTracking().WaitingList(centreId, kindOf)
                    .Select(w => new { w.CaseId, w.Case.CaseRef, District = w.Case.District.Code, JobCentre = w.Case.JobCentre.Code, w.Kind, w.Since,
                        w.Case.ReferralDate, w.Case.HasChildren, w.Case.NewlyUnemployed, Visible = visible.Any(c => c.Id == w.CaseId) })
                    .ToListAsync(ct);
                // Positions count every waiting case, so a district sees where its people stand in the whole queue.
                return TypedResults.Ok(waiting.Select((w, i) => (w, i)).Where(x => x.w.Visible)
                    .Select(x => new WaitingCaseDto(x.i + 1, x.w.CaseId, x.w.CaseRef, x.w.District, x.w.JobCentre, x.w.Kind, x.w.Since.ToStockholm(),
                        x.w.ReferralDate, x.w.HasChildren, x.w.NewlyUnemployed)).ToList());
            })
            .ShowsPersonalData()
            .WithName("getWaitingList")
            .WithSummary("The waiting list in the order it is served")
            .WithDescription("Youth first, then people with children, then newly unemployed, then the earliest referral. Lists the cases the caller may see, with their place in the whole list.");

        var quotas = routes.MapGroup("/api/districts").WithTags("Info meetings").RequirePermission(Permission.ReadInfoMeetingTimes).NoPersonalData();
        quotas.MapGet("/{code}/quotas", async Task<Results<Ok<Dictionary<MeetingKind, int>>, NotFound>> (string code, JobbtorgDb db, CancellationToken ct) =>
                await db.Districts.FirstOrDefaultAsync(d => d.Code == code, ct) is { } d
                    ? TypedResults.Ok(await db.DistrictQuotas.Where(q => q.DistrictId == d.Id).ToDictionaryAsync(q => q.Kind, q => q.PlacesPerWeek, ct))
                    : TypedResults.NotFound())
            .WithName("getDistrictQuotas")
            .WithSummary("A district's weekly info-meeting places per kind")
            .WithDescription("Places a week per kind of meeting (`Adult`, `Youth`); a kind missing from the answer is limited only by the seats.");
        quotas.MapPut("/{code}/quotas/{kind}", async Task<Results<NoContent, NotFound, FieldProblem>> (string code, string kind, QuotaRequest request,
                JobbtorgDb db, SetDistrictQuota setQuota, CurrentUser user, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var kindOf = Input.QueryName<MeetingKind>(nameof(kind), kind, errors);
                if (errors.Count > 0) return new FieldProblem(errors);
                if (await db.Districts.FirstOrDefaultAsync(d => d.Code == code, ct) is not { } district) return TypedResults.NotFound();
                if (RequestRules.Check(request) is { Count: > 0 } invalid) return new FieldProblem(invalid);
                await setQuota.HandleAsync(district, kindOf!.Value, request.PlacesPerWeek!.Value, centre => user.MayAtCentre(Permission.ManageInfoMeetings, centre), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageInfoMeetings)
            .DisableValidation()
            .WithName("setDistrictQuota")
            .WithSummary("Set a district's weekly places for a kind of meeting (managers of the serving centre)")
            .WithDescription("Cases on the waiting list are booked at once when the new quota leaves places free.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var cases = routes.MapGroup("/api/cases/{id:int}/info-meeting").WithTags("Info meetings").RequirePermission(Permission.ReadCase).ShowsPersonalData(caseRoute: "id");
        cases.MapGet("/", async Task<Results<Ok<CaseBookingDto>, NotFound>> (int id, CaseAccess access, JobbtorgDb db, CancellationToken ct) =>
                await access.CanSeeAsync(id, ct) ? TypedResults.Ok(CaseBookingDto.From(id, await BookingState.OfCaseAsync(db, id, ct))) : TypedResults.NotFound())
            .WithName("getCaseInfoMeeting")
            .WithSummary("A case's info-meeting booking or place on the waiting list")
            .WithDescription("`status` is `Booked` (or the booking's outcome) with the meeting, `Waiting` with the time the case joined the waiting list, or `None`. " +
                             "A `Cancelled` booking names why in `cancellationReason`: `CancelledByStaff`, `AnotherMeetingChosen`, `MeetingCancelled`, " +
                             "`EnrolledBeforeMeeting` (the case was enrolled before the meeting) or `CaseClosed`.");

        cases.MapPost("/", async Task<Results<Ok<CaseBookingDto>, NotFound, ForbidHttpResult>> (int id, BookRequest? request, CaseAccess access, BookInfoMeeting book, CancellationToken ct) =>
            {
                if (await access.VisibleCases().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return TypedResults.NotFound();
                if (!access.Can(Permission.BookInfoMeeting, c)) return TypedResults.Forbid();
                return TypedResults.Ok(CaseBookingDto.From(id, await book.HandleAsync(id, request?.MeetingId, ct)));
            })
            .WithName("bookCaseInfoMeeting")
            .WithSummary("Book a case: on the chosen meeting, or automatically on the next free one")
            .WithDescription("Without `meetingId` the case is booked on the earliest meeting with a free seat in a week where the district has quota, or joins the waiting list (`status: Waiting`). With `meetingId` that meeting is booked, and a full meeting or a used-up quota answers 409 saying which; a booking the case had is given up only when the new one succeeds.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/cancel", async Task<Results<Ok<CaseBookingDto>, NotFound, ForbidHttpResult>> (int id, CaseAccess access, RecordMeetingOutcome record,
                JobbtorgDb db, CancellationToken ct) =>
            {
                if (await access.VisibleCases().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return TypedResults.NotFound();
                if (!access.Can(Permission.BookInfoMeeting, c)) return TypedResults.Forbid();
                var booking = await db.InfoMeetingBookings.Where(b => b.ActiveCaseId == id).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct)
                    ?? throw new RuleBrokenException("The case has no booking to cancel.");
                return TypedResults.Ok(CaseBookingDto.From(id, await record.HandleAsync(booking, BookingStatus.Cancelled, ct)));
            })
            .WithName("cancelCaseInfoMeeting")
            .WithSummary("Cancel the case's booking: the seat is freed and the case is booked on the next free meeting")
            .WithDescription("A case without a booking answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/attendance", async Task<Results<Ok<CaseBookingDto>, NotFound, ForbidHttpResult, FieldProblem>> (int id, AttendanceRequest request,
                CaseAccess access, CurrentUser user, RecordMeetingOutcome record, JobbtorgDb db, CancellationToken ct) =>
            {
                if (!await access.CanSeeAsync(id, ct)) return TypedResults.NotFound();
                if (RequestRules.Check(request) is { Count: > 0 } invalid) return new FieldProblem(invalid);
                var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).FirstOrDefaultAsync(b => b.ActiveCaseId == id, ct)
                    ?? throw new RuleBrokenException("The case has no booking to record attendance for.");
                if (!user.MayAtCentre(Permission.RecordInfoMeetingAttendance, booking.Meeting.JobCentreId)) return TypedResults.Forbid();
                return TypedResults.Ok(CaseBookingDto.From(id, await record.HandleAsync(booking.Id, request.Outcome!.Value, ct)));
            })
            .DisableValidation()
            .WithName("recordInfoMeetingAttendance")
            .WithSummary("Record attendance at the booked meeting: Attended, NoShow or Cancelled (coaches and managers of the centre)")
            .WithDescription("Attended records the first meeting for the waiting-time indicator; NoShow is recorded and the case is booked again; Cancelled frees the seat and books the case again. Attendance can be recorded from the day of the meeting.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return meetings;
    }
}
