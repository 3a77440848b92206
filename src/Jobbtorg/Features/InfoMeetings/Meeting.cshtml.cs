using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>One info meeting and the people booked on it: coaches and managers of the centre record who came,
/// managers cancel the meeting. The list shows names and case numbers only, and prints as a sign-in sheet.</summary>
[RequirePermission(Permission.ViewInfoMeetings)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class MeetingModel(JobbtorgDb db, RecordMeetingOutcome recordOutcome, CancelInfoMeeting cancel, CurrentUser user, CaseAccess access, Texts texts,
    TimeProvider clock) : PageModel
{
    public InfoMeeting Meeting { get; private set; } = null!;
    public List<Attendee> Attendees { get; private set; } = [];
    /// <summary>Bookings on the meeting that were cancelled, latest first, each with its reason.</summary>
    public List<CancelledBooking> Cancelled { get; private set; } = [];
    /// <summary>Bookings on cases the user may not see: counted, not listed.</summary>
    public int HiddenAttendees { get; private set; }
    public bool MayRecord { get; private set; }
    public bool MayManage { get; private set; }
    public DateOnly MeetingDay => Meeting.Day;
    public DateOnly Today => clock.Today();
    /// <summary>Attended and no-show can be recorded from the day of the meeting.</summary>
    public bool AttendanceOpen => !Meeting.IsCancelled && Meeting.AttendanceOpen(Today);
    public bool MayCancel => MayManage && !Meeting.IsCancelled && !Meeting.HasStarted(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOutcomeAsync(int id, int bookingId, BookingStatus outcome)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!MayRecord) return Forbid();
        var attendee = Attendees.FirstOrDefault(a => a.BookingId == bookingId);
        if (attendee is null) return NotFound();
        if (outcome == BookingStatus.Booked)
        {
            ModelState.AddModelError("", texts["Choose attended, no-show or cancelled."]);
            return Page();
        }

        BookingState state;
        try
        {
            state = await recordOutcome.HandleAsync(bookingId, outcome, HttpContext.RequestAborted);
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError("", texts.Format(rule.Template, rule.Args));
            return Page();
        }

        var who = attendee.Name ?? attendee.CaseRef;
        TempData["Message"] = outcome switch
        {
            BookingStatus.Attended => texts.Format("{0} attended the meeting and can now be enrolled.", who),
            _ => (outcome == BookingStatus.NoShow ? texts.Format("{0} did not come.", who) : texts.Format("{0}'s booking is cancelled.", who))
                 + " " + (state.Booking is { } next
                     ? texts.Format("Booked again on {0} at {1}.", Texts.Instant(next.Meeting.StartsAt), next.Meeting.JobCentre.Name)
                     : texts["No other meeting had a free place, so the case is on the waiting list."]),
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, bool confirm)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!MayManage) return Forbid();
        if (!confirm)
        {
            ModelState.AddModelError("confirm", texts["Tick the box to confirm that the meeting is to be cancelled."]);
            return Page();
        }
        var caseIds = await db.InfoMeetingBookings.Where(b => b.InfoMeetingId == id && b.Status == BookingStatus.Booked)
            .Select(b => b.CaseId).ToListAsync(HttpContext.RequestAborted);
        try
        {
            await cancel.HandleAsync(id, HttpContext.RequestAborted);
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError("confirm", texts.Format(rule.Template, rule.Args));
            return Page();
        }
        var waiting = await db.InfoMeetingWaits.CountAsync(w => caseIds.Contains(w.CaseId), HttpContext.RequestAborted);
        TempData["Message"] = caseIds.Count == 0
            ? texts["The meeting is cancelled. No one was booked on it."]
            : texts.Format("The meeting is cancelled. Of the {1} booked, {0} got another meeting and {2} went on the waiting list.",
                caseIds.Count - waiting, new Counted(caseIds.Count), waiting);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var meeting = await db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return false;
        Meeting = meeting;
        MayManage = user.MayAtCentre(Permission.ManageInfoMeetings, meeting.JobCentreId);
        MayRecord = user.MayAtCentre(Permission.RecordInfoMeetingAttendance, meeting.JobCentreId);

        var visible = await access.VisibleCasesAsync(ct);
        var all = await db.InfoMeetingBookings.AsNoTracking()
            .Where(b => b.InfoMeetingId == id)
            .Select(b => new
            {
                b.Id, b.CaseId, b.Case.CaseRef, b.Case.Participant.FirstName, b.Case.Participant.LastName, b.Case.Participant.ProtectedIdentity,
                District = b.Case.District.Name, b.Status, b.ChosenByHand, b.OutcomeAt, b.OutcomeBy, b.CancellationReason,
                CaseOpen = b.Case.Status != CaseStatus.Closed, Enrolled = b.Case.EnrolmentDate != null, CaseCentre = b.Case.JobCentreId,
                Visible = visible.Any(c => c.Id == b.CaseId),
            })
            .ToListAsync(ct);
        var bookings = all.Where(b => b.Status != BookingStatus.Cancelled).ToList();
        // Staff who record attendance at the centre see everyone booked; others only the cases they may see.
        var shown = bookings.Where(b => MayRecord || b.Visible).ToList();
        HiddenAttendees = bookings.Count - shown.Count;
        // Cancelled bookings are listed apart with the reason: someone may still come with the letter.
        Cancelled = all.Where(b => b.Status == BookingStatus.Cancelled && (MayRecord || b.Visible))
            .Select(b => new CancelledBooking(b.Id, b.CaseId, b.CaseRef, NameOf(b.FirstName, b.LastName, b.ProtectedIdentity), b.District,
                b.CancellationReason, b.OutcomeAt, b.OutcomeBy, b.Visible))
            .OrderByDescending(b => b.CancelledAt).ThenBy(b => b.BookingId)
            .ToList();
        Attendees = shown
            .Select(b => new Attendee(b.Id, b.CaseId, b.CaseRef, NameOf(b.FirstName, b.LastName, b.ProtectedIdentity), b.District, b.Status,
                b.ChosenByHand, b.OutcomeAt, b.OutcomeBy, b.Visible,
                MayEnrol: b.Status == BookingStatus.Attended && b.CaseOpen && !b.Enrolled && b.Visible && MayRecord))
            .OrderBy(a => a.Name ?? "\uffff", StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true))
            .ThenBy(a => a.CaseRef, StringComparer.Ordinal)
            .ToList();
        return true;
    }

    /// <summary>The name to call out at the door; never the personal number. A protected identity is not written on the list.</summary>
    private string? NameOf(string? first, string? last, bool protectedIdentity)
    {
        if (protectedIdentity) return texts["Protected identity"];
        var name = $"{first} {last}".Trim();
        return name.Length == 0 ? null : name;
    }

    public sealed record Attendee(int BookingId, int CaseId, string CaseRef, string? Name, string District, BookingStatus Status, bool ChosenByHand,
        DateTimeOffset? OutcomeAt, string? OutcomeBy, bool CaseVisible, bool MayEnrol);

    public sealed record CancelledBooking(int BookingId, int CaseId, string CaseRef, string? Name, string District, CancellationReason? Reason,
        DateTimeOffset? CancelledAt, string? CancelledBy, bool CaseVisible);
}
