using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reminders;

public sealed record CaseRemindersView(Case Case, ReminderConsent? Consent, IReadOnlyList<ReminderConsent> History,
    IReadOnlyList<ReminderMessage> Messages, bool MayChange, IReadOnlyList<ReminderChannel> ChannelsOn);

/// <summary>The case page's reminder section, for those who work the case: what the participant agreed to, the
/// latest messages and whether they went out.</summary>
public sealed class CaseRemindersViewComponent(JobbtorgDb db, CaseAccess access, ReminderOutbox outbox, CaseRows rows) : ViewComponent
{
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!access.CanWork(@case)) return Content("");
        var ct = HttpContext.RequestAborted;
        List<ReminderConsent> history = await rows.AnyAsync<ReminderConsent>(@case.Id, ct)
            ? await db.ReminderConsents.AsNoTracking().Where(c => c.CaseId == @case.Id).OrderByDescending(c => c.Id).Take(Shown).ToListAsync(ct)
            : [];
        List<ReminderMessage> messages = await rows.AnyAsync<ReminderMessage>(@case.Id, ct)
            ? await db.ReminderMessages.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderByDescending(m => m.Id).Take(Shown).ToListAsync(ct)
            : [];
        return View("/Features/Reminders/_CaseReminders.cshtml",
            new CaseRemindersView(@case, history.FirstOrDefault(), history, messages, @case.IsOpen, outbox.ChannelsOn()));
    }
}
