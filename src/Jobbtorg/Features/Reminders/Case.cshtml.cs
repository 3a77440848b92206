using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reminders;

/// <summary>Records the participant's opt-in, change or opt-out of reminders; those who work the case may.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class CaseModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, CurrentUser user, ReminderOutbox outbox, RemindersService service)
    : CasePageModel(db, access, texts, clock)
{
    [BindProperty] public bool BySms { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public bool ByEmail { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        var consent = (await ReminderOutbox.ConsentsAsync(Db, [id], HttpContext.RequestAborted)).GetValueOrDefault(id);
        if (consent is not null)
        {
            (BySms, ByEmail, Email) = (consent.BySms, consent.ByEmail, consent.Email);
            Phone = consent.Phone is null ? null : ReminderConsent.ShowPhone(consent.Phone);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        if (!Case.IsOpen) ModelState.AddModelError("", Texts["The case is closed and can no longer be changed."]);
        if (Case.Participant.ProtectedIdentity && (BySms || ByEmail))
            ModelState.AddModelError("", Texts["The person has protected identity: no reminders are sent, whatever was agreed."]);
        foreach (var rule in ReminderConsent.Check(BySms, Phone, ByEmail, Email))
            ModelState.AddModelError(rule.Field, Texts.Format(rule.Template, rule.Args));
        if (!ModelState.IsValid) return Page();

        var previous = (await ReminderOutbox.ConsentsAsync(Db, [id], ct)).GetValueOrDefault(id);
        var consent = ReminderConsent.Record(id, BySms, Phone, ByEmail, Email, user.Name, Clock.GetUtcNow());
        Db.ReminderConsents.Add(consent);
        await Db.SaveChangesAsync(ct);
        // Should this fail, the dispatcher still reads the consent again before it sends anything.
        await outbox.WithdrawAsync(id, consent, ct);
        service.Wake();
        return BackToCase(consent.Agreed ? Texts["The participant's choice of reminders is saved."]
            : previous is { Agreed: true } ? Texts["Reminders are stopped; messages not yet sent will not be sent."] : Texts["Saved: no reminders."]);
    }
}
