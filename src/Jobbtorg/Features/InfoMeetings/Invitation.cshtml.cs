using Jobbtorg.Features.AccessLog;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>The participant's invitation: a printable letter in Swedish and an iCalendar file.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class InvitationModel(JobbtorgDb db, CaseAccess access, TimeProvider clock, IOptions<PublicUrlOptions> publicUrl) : PageModel
{
    public InfoMeetingBooking Booking { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetIcsAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var calendar = Invitation.ToICalendar(Booking, CalendarFile.Host(publicUrl.Value, Request), clock.GetUtcNow());
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", Invitation.FileName(Booking.Meeting));
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visible = await access.VisibleCasesAsync(HttpContext.RequestAborted);
        Booking = (await db.InfoMeetingBookings.AsNoTracking()
            .Include(b => b.Meeting).ThenInclude(m => m.JobCentre)
            .Include(b => b.Case).ThenInclude(c => c.Participant)
            .Where(b => visible.Any(c => c.Id == b.CaseId))
            .FirstOrDefaultAsync(b => b.Id == id, HttpContext.RequestAborted))!;
        if (Booking is not null) HttpContext.AccessLog().Concerns(Booking.Case);
        return Booking is not null;
    }
}
