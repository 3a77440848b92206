using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.FirstAppointments;

/// <summary>A case's first appointment with a coach: book it, move it, cancel it with a reason, and afterwards record whether
/// the person came. The meeting page posts its quick bookings here too and is sent back to the meeting.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "caseId")]
public class AppointmentModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, FirstAppointmentBooking booking)
    : CasePageModel(db, access, texts, clock)
{
    public sealed class AppointmentInput
    {
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public string? CoachId { get; set; }
    }

    [BindProperty] public AppointmentInput Input { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public List<FirstAppointment> Appointments { get; private set; } = [];
    public FirstAppointment? Booked => Appointments.FirstOrDefault(a => a.IsBooked);
    public List<AppUser> Coaches { get; private set; } = [];
    public bool MayBook { get; private set; }
    public FirstAppointmentOptions Hours => booking.Hours;
    public DateTimeOffset Now => Clock.GetUtcNow();
    public bool Bookable => Case.IsOpen && Booked is null && Appointments.All(a => a.Status != FirstAppointmentStatus.Attended);

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (!await PrepareAsync(caseId)) return NotFound();
        var current = Booked;
        Input = new AppointmentInput
        {
            Date = current is null ? NextWorkingDay() : DateOnly.FromDateTime(current.LocalStart.DateTime),
            Time = current is null ? new TimeOnly(10, 0) : TimeOnly.FromDateTime(current.LocalStart.DateTime),
            CoachId = current?.CoachId ?? Coaches.FirstOrDefault()?.Id,
        };
        return Page();
    }

    /// <summary>Books the appointment; <c>?returnUrl=</c> (the meeting page, in the form's address rather than its fields) is
    /// where a quick booking goes back to.</summary>
    public Task<IActionResult> OnPostAsync(int caseId) =>
        ChangeAsync(caseId, Request.Query["returnUrl"].FirstOrDefault(), a => booking.BookAsync(Case, Input.Date, Input.Time, Input.CoachId, HttpContext.RequestAborted),
            a => Texts.Format("The first appointment is booked for {0} with {1}.", Texts.Appointment(a.StartsAt), a.Coach.DisplayName));

    public Task<IActionResult> OnPostMoveAsync(int caseId) =>
        ChangeAsync(caseId, null, a => booking.MoveAsync(Case, a!, Input.Date, Input.Time, Input.CoachId ?? "", HttpContext.RequestAborted),
            a => Texts.Format("The first appointment is moved to {0} with {1}.", Texts.Appointment(a.StartsAt), a.Coach.DisplayName), needsBooked: true);

    public Task<IActionResult> OnPostCancelAsync(int caseId) =>
        ChangeAsync(caseId, null, a => booking.CancelAsync(Case, a!, Reason, HttpContext.RequestAborted),
            _ => Texts["The first appointment is cancelled."], needsBooked: true);

    public Task<IActionResult> OnPostOutcomeAsync(int caseId, bool attended) =>
        ChangeAsync(caseId, null, a => booking.RecordOutcomeAsync(Case, a!, attended, HttpContext.RequestAborted),
            a => Texts[a.Status == FirstAppointmentStatus.Attended ? "Recorded: the person came to the first appointment." : "Recorded: the person did not come to the first appointment."],
            needsBooked: true);

    private async Task<IActionResult> ChangeAsync(int caseId, string? returnUrl, Func<FirstAppointment?, Task<AppointmentChange>> change,
        Func<FirstAppointment, string> done, bool needsBooked = false)
    {
        if (!await PrepareAsync(caseId)) return NotFound();
        if (!MayBook) return Forbid();
        if (needsBooked && Booked is null)
        {
            ModelState.AddModelError("", Texts["Only a booked appointment can be moved or cancelled."]);
            return Page();
        }
        AppointmentChange? result = null;
        if (await TryAsync(async () => result = await change(Booked), "") && result!.Appointment is { } stored)
        {
            var message = done(stored);
            if (returnUrl is { } back && back.StartsWith("/InfoMeetings/", StringComparison.Ordinal) && Url.IsLocalUrl(back))
            {
                TempData["Message"] = message;
                return LocalRedirect(back);
            }
            return BackToCase(message);
        }
        if (result is not null) ModelState.AddErrors(result.Errors, Texts, result.Errors.Has(FirstAppointment.ReasonField) ? "" : nameof(Input));
        Db.ChangeTracker.Clear();
        await PrepareAsync(caseId);
        return Page();
    }

    private async Task<bool> PrepareAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return false;
        MayBook = Access.Can(Permission.BookFirstAppointment, Case);
        Appointments = await booking.OfCaseAsync(caseId, HttpContext.RequestAborted);
        Coaches = MayBook ? await booking.CoachesForAsync(Case, HttpContext.RequestAborted) : [];
        return true;
    }

    private DateOnly NextWorkingDay()
    {
        var day = Today.AddDays(1);
        while (!Calendar.WorkingDays.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
