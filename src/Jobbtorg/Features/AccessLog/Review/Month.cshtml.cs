using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>A month's sample for systematic review, and the reviewer's mark with a note. A month is reviewed once: a
/// second attempt is told who reviewed it and when.</summary>
[RequirePermission(Permission.ReadAccessLog)]
[ShowsPersonalData]
public class MonthModel(JobbtorgDb db, MonthlySample sampler, ReviewRows rowsOf, Texts texts, TimeProvider clock, CurrentUser user) : PageModel
{
    [BindProperty] public string? Note { get; set; }

    public DateOnly Month { get; private set; }
    public bool Running { get; private set; }
    public MonthSample? Sample { get; private set; }
    public List<ReviewRow> Rows { get; private set; } = [];
    public AccessLogReview? Review { get; private set; }
    public bool MayReview => user.Holds(Permission.ReviewAccessLog);

    public async Task<IActionResult> OnGetAsync(string month)
    {
        if (!TryMonth(month)) return NotFound();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string month)
    {
        if (!TryMonth(month)) return NotFound();
        if (!MayReview) return Forbid();
        var ct = HttpContext.RequestAborted;
        Review = await db.Set<AccessLogReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Month == Month, ct);
        if (Review is not null) return await AlreadyAsync(ct);
        if (Running) ModelState.AddModelError(nameof(Note), texts["The month is not over yet; review it when it has ended."]);
        var note = Note?.Trim() ?? "";
        if (note.Length == 0) ModelState.AddModelError(nameof(Note), texts["Write a note on what the review found."]);
        else if (note.Length > AccessLogReview.MaxNoteLength)
            ModelState.AddModelError(nameof(Note), texts.Format("The note may be at most {0} characters.", AccessLogReview.MaxNoteLength));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var sample = await sampler.OfAsync(Month, ct);
        db.Set<AccessLogReview>().Add(new AccessLogReview
        {
            Month = Month, ReviewedById = user.Id ?? "", ReviewedBy = user.Name, ReviewedAt = clock.GetUtcNow(), Note = note,
            EntriesInMonth = sample.EntriesInMonth, FlaggedInMonth = sample.FlaggedInMonth, SampledEntries = sample.All.Count,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else marked the month in the meantime: the unique month says so.
            db.ChangeTracker.Clear();
            Review = await db.Set<AccessLogReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Month == Month, ct);
            if (Review is null) throw;
            return await AlreadyAsync(ct);
        }
        TempData["Message"] = texts.Format("{0} is marked as reviewed.", Month.ToString("yyyy-MM"));
        return RedirectToPage(new { month = Month.ToString("yyyy-MM") });
    }

    private async Task<IActionResult> AlreadyAsync(CancellationToken ct)
    {
        ModelState.AddModelError(nameof(Note), texts.Format("The month was already reviewed by {0} on {1}.", Review!.ReviewedBy,
            Texts.Instant(Review.ReviewedAt)));
        await LoadAsync(ct);
        return Page();
    }

    private bool TryMonth(string? month)
    {
        if (!Input.TryParseMonth(month, out var first)
            || !Dates.InRange(first))
            return false;
        var current = Dates.FirstOfMonth(clock.Today());
        if (first > current) return false;
        Month = first;
        Running = first == current;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Review ??= await db.Set<AccessLogReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Month == Month, ct);
        Sample = await sampler.OfAsync(Month, ct);
        var ids = Sample.All.ToList();
        var entries = await db.AccessLog.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
        Rows = await rowsOf.OfAsync(entries, ct);
    }
}
