using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.DistrictMessages;

/// <summary>The outbox as operators see it: what waits, what failed and why, what was delivered. Message bodies are
/// not shown here; they may carry details about a person.</summary>
[RequirePermission(Permission.OperateMessageQueue)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class QueueModel(JobbtorgDb db, TimeProvider clock, OutboxDispatcher dispatcher) : PageModel
{
    public sealed record Row(long Id, Guid MessageId, MessageKind Kind, string District, string CaseRef, DeliveryState State, int Attempts,
        DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);

    [BindProperty(SupportsGet = true)] public DeliveryState? State { get; set; }
    public Dictionary<DeliveryState, int> Counts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counts = await db.DistrictMessages.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var query = db.DistrictMessages.AsNoTracking();
        query = State is { } state ? query.Where(m => m.State == state) : query.Where(m => m.State == DeliveryState.Pending || m.State == DeliveryState.Failed);
        Rows = await query.OrderByDescending(m => m.Id).Take(200)
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new Row(m.Id, m.MessageId, m.Kind, c.District.Code, c.CaseRef, m.State, m.Attempts,
                m.CreatedAt, m.NextAttemptAt, m.DeliveredAt, m.LastError))
            .ToListAsync(ct);
    }

    /// <summary>Sends a failed message (and so the case's later ones) again from now.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var now = clock.GetUtcNow();
        await db.DistrictMessages.Where(m => m.Id == id && (m.State == DeliveryState.Failed || m.State == DeliveryState.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryState.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0), HttpContext.RequestAborted);
        dispatcher.Wake();
        return RedirectToPage(new { State });
    }
}
