using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.FirstAppointments;

/// <summary>The participant's letter about the case's latest first appointment, printable, and its calendar file.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "caseId")]
public class LetterPageModel(JobbtorgDb db, CaseAccess access, TimeProvider clock, IOptions<PublicUrlOptions> publicUrl) : PageModel
{
    public FirstAppointment Appointment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetIcsAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var calendar = Letter.ToICalendar(Appointment, CalendarFile.Host(publicUrl.Value, Request), clock.GetUtcNow());
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", Letter.FileName(Appointment));
    }

    private async Task<bool> LoadAsync(int caseId)
    {
        var visible = await access.VisibleCasesAsync(HttpContext.RequestAborted);
        Appointment = (await db.FirstAppointments.AsNoTracking()
            .Include(a => a.Coach)
            .Include(a => a.Case).ThenInclude(c => c.JobCentre)
            .Include(a => a.Case).ThenInclude(c => c.Participant)
            .Where(a => a.CaseId == caseId && visible.Any(c => c.Id == a.CaseId))
            .OrderByDescending(a => a.Status == FirstAppointmentStatus.Booked).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(HttpContext.RequestAborted))!;
        return Appointment is not null;
    }
}
