using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reminders;

/// <summary>Reminders that could not be sent, and those still being retried, for the cases within the reader's reach.
/// No address and no text is shown: only which case, what, and why it failed.</summary>
[RequirePermission(Permission.OperateReminders)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class FailedModel(JobbtorgDb db, CaseAccess access, TimeProvider clock, RemindersService service) : PageModel
{
    public sealed record Row(long Id, int CaseId, string CaseRef, ReminderKind Kind, ReminderChannel Channel, DateTimeOffset StartsAt,
        ReminderState State, int Attempts, string? LastError, DateTimeOffset NextAttemptAt);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var visible = access.VisibleCases();
        Rows = await db.ReminderMessages.AsNoTracking()
            .Where(m => m.State == ReminderState.Failed || (m.State == ReminderState.Pending && m.Attempts > 0))
            .Where(m => visible.Any(c => c.Id == m.CaseId))
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new Row(m.Id, m.CaseId, db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.CaseRef).First(), m.Kind, m.Channel, m.StartsAt,
                m.State, m.Attempts, m.LastError, m.NextAttemptAt))
            .ToListAsync(HttpContext.RequestAborted);
    }

    /// <summary>Sends a failed message again from now.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var now = clock.GetUtcNow();
        var visible = access.VisibleCases();
        await db.ReminderMessages.Where(m => m.Id == id && m.State == ReminderState.Failed && visible.Any(c => c.Id == m.CaseId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, ReminderState.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0), HttpContext.RequestAborted);
        service.Wake();
        return RedirectToPage();
    }
}
