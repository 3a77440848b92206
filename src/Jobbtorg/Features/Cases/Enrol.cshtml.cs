using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>Enrols a case. When the person is booked on an info meeting that has not begun, the page says which one
/// will be cancelled and that the district is told, and the button the coach clicks names the cancellation.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class EnrolModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, Caseloads caseloads, EnrolCase enrol, ProtectedIdentity.PersonShown shown)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public DateOnly? EnrolmentDate { get; set; }
    [BindProperty] public string? CoachId { get; set; }
    /// <summary>The booking the page showed when the coach clicked (0: none). When the case was booked on another meeting
    /// since, nothing is stored and the page shows the booking that enrolling would now cancel.</summary>
    [BindProperty] public int? SeatBookingId { get; set; }
    public List<CoachLoad> Coaches { get; private set; } = [];
    /// <summary>The booked info meeting that enrolling would cancel, if any.</summary>
    public InfoMeetingBooking? Seat { get; private set; }
    /// <summary>The case waits for an info-meeting place; enrolling takes it off the list.</summary>
    public bool Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        EnrolmentDate = Today;
        CoachId = Coaches.FirstOrDefault()?.Coach.Id; // the lowest open caseload is suggested
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        var coach = Coaches.FirstOrDefault(c => c.Coach.Id == CoachId)?.Coach;
        if (EnrolmentDate is null) ModelState.AddModelError(nameof(EnrolmentDate), Texts["Enter the enrolment date."]);
        if (coach is null) ModelState.AddModelError(nameof(CoachId), Texts["Choose a coach at the case's job centre."]);
        if (Seat is { } seat && SeatBookingId is { } seen && seen != seat.Id)
            ModelState.AddModelError(nameof(SeatBookingId), Texts.Format(
                "The person was booked on the info meeting of {0} after this page was opened. Enrolling cancels that time: check and enrol again.",
                Texts.Appointment(seat.Meeting.StartsAt)));
        if (!ModelState.IsValid) return Page();

        if (await TryUseCaseAsync(ct => enrol.HandleAsync(Case.Id, EnrolmentDate!.Value, coach!.Id, ct), nameof(EnrolmentDate)))
        {
            var enrolled = Texts.Format("{0} is enrolled; the plan must be agreed by {1}.", shown.Name(Case), Case.JobGuaranteeDeadline);
            var released = Seat is { } was && await Db.InfoMeetingBookings.AnyAsync(b => b.Id == was.Id && b.Status == BookingStatus.Cancelled
                && b.CancellationReason == CancellationReason.EnrolledBeforeMeeting, HttpContext.RequestAborted);
            return BackToCase(released
                ? enrolled + " " + Texts.Format("The seat on the info meeting of {0} is released and the district has been told.", Texts.Appointment(Seat!.Meeting.StartsAt))
                : enrolled);
        }
        return Page();
    }

    private async Task<bool> PrepareAsync(int id)
    {
        if (!await LoadAsync(id)) return false;
        var ct = HttpContext.RequestAborted;
        Coaches = await caseloads.AtCentreAsync(Case.JobCentreId, ct);
        if (Case.IsOpen && !Case.IsEnrolled)
        {
            Seat = await ReleaseCaseSeat.WouldReleaseAsync(Db, Case.Id, Clock.GetUtcNow(), ct);
            Waiting = Seat is null && await Db.InfoMeetingWaits.AnyAsync(w => w.CaseId == Case.Id, ct);
        }
        return true;
    }
}
