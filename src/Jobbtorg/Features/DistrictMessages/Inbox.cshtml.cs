using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.DistrictMessages;

/// <summary>The district's inbox: the messages the job centre sent about the district's cases, for case workers whose
/// district has no endpoint (and for reading back what an endpoint received).</summary>
[RequirePermission(Permission.ReadInbox)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class InboxModel(JobbtorgDb db, CurrentUser user, TimeProvider clock, ProtectedIdentity.PersonShown shown) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(DistrictMessage Message, string CaseRef, int CaseId, string? Participant, string Text, JsonElement? Details);

    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostReadAsync(long id)
    {
        var message = await Mine().FirstOrDefaultAsync(m => m.Id == id, HttpContext.RequestAborted);
        if (message is null) return NotFound();
        if (message.ReadAt is null)
        {
            message.ReadAt = clock.GetUtcNow();
            message.ReadBy = user.Name;
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        return RedirectToPage(new { All });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow();
        var name = user.Name;
        await Mine().Where(m => m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now).SetProperty(m => m.ReadBy, name), HttpContext.RequestAborted);
        return RedirectToPage(new { All });
    }

    private IQueryable<DistrictMessage> Mine()
    {
        var messages = db.DistrictMessages.AsTracking();
        return user.IsInRole(Roles.Administrator) ? messages : messages.Where(m => m.DistrictId == user.DistrictId);
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Unread = await Mine().CountAsync(m => m.ReadAt == null, ct);
        var query = Mine().AsNoTracking();
        if (!All) query = query.Where(m => m.ReadAt == null);
        var page = await query.OrderByDescending(m => m.Id).Take(PageSize)
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m, c.CaseRef, c.Participant.FirstName, c.Participant.LastName, c.Participant.ProtectedIdentity, c.JobCentreId, c.DistrictId, c.CoachId })
            .ToListAsync(ct);
        Rows = page.Select(x =>
        {
            using var body = JsonDocument.Parse(x.m.Body);
            var text = body.RootElement.GetProperty("text").GetString() ?? "";
            JsonElement? details = body.RootElement.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : null;
            var name = shown.Sees(x.ProtectedIdentity, x.JobCentreId, x.DistrictId, x.CoachId)
                ? string.Join(' ', new[] { x.FirstName, x.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) : shown.Placeholder;
            return new Row(x.m, x.CaseRef, x.m.CaseId, name.Length > 0 ? name : null, text, details);
        }).ToList();
    }
}
