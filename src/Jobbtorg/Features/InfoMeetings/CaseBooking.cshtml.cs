using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>What the case page's info-meeting section posts: book a chosen meeting or the next free one, cancel the booking,
/// record attendance. Done, it goes back to the case; refused, it shows the section with the reason.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class CaseBookingModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, CurrentUser user,
    BookInfoMeeting book, RecordMeetingOutcome recordOutcome)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public int? MeetingId { get; set; }

    public CaseInfoMeeting InfoMeeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await PrepareAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBookAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!InfoMeeting.CanBook) return Forbid();
        if (MeetingId is null) ModelState.AddModelError(nameof(MeetingId), Texts["Choose a meeting."]);
        if (ModelState.IsValid && await TryAsync(() => book.HandleAsync(id, MeetingId!.Value, HttpContext.RequestAborted), nameof(MeetingId)))
            return BackToCase(Texts["The info meeting is booked."]);
        return await AgainAsync(id);
    }

    public async Task<IActionResult> OnPostBookNextAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!InfoMeeting.CanBook) return Forbid();
        if (await TryAsync(() => book.HandleAsync(id, ct: HttpContext.RequestAborted), nameof(MeetingId)))
            return BackToCase(Texts["The case was booked on the next free meeting, or put on the waiting list."]);
        return await AgainAsync(id);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(int id, BookingStatus outcome)
    {
        if (!await PrepareAsync(id)) return NotFound();
        var booking = InfoMeeting.Current;
        if (booking is null) return BackToCase(Texts["The case has no booking."]);
        if (outcome != BookingStatus.Cancelled && !user.MayAtCentre(Permission.RecordInfoMeetingAttendance, booking.Meeting.JobCentreId)) return Forbid();
        if (outcome == BookingStatus.Cancelled && !InfoMeeting.CanBook) return Forbid();
        if (await TryAsync(() => recordOutcome.HandleAsync(booking.Id, outcome, HttpContext.RequestAborted), nameof(MeetingId)))
            return BackToCase(outcome switch
            {
                BookingStatus.Attended => Texts["Attendance recorded: the case can now be enrolled."],
                BookingStatus.NoShow => Texts["The no-show is recorded; the case is booked again or waits for a place."],
                _ => Texts["The booking is cancelled; the case is booked again or waits for a place."],
            });
        return await AgainAsync(id);
    }

    /// <summary>The section again, as it now stands, with the reason the action was refused.</summary>
    private async Task<IActionResult> AgainAsync(int id)
    {
        await PrepareAsync(id);
        return Page();
    }

    private async Task<bool> PrepareAsync(int id)
    {
        if (!await LoadAsync(id)) return false;
        InfoMeeting = await CaseInfoMeeting.LoadAsync(Db, user, Case, Access.Can(Permission.BookInfoMeeting, Case), Clock, HttpContext.RequestAborted);
        return true;
    }
}
