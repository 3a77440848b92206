using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>Shows the note to correct; the correction itself is written through the case page's journal form.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class CorrectNoteModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock) : CasePageModel(db, access, texts, clock)
{
    public JournalEntry Original { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int entryId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Access.CanWriteJournal(Case)) return Forbid();
        var original = await Db.JournalEntries.FirstOrDefaultAsync(j => j.Id == entryId && j.CaseId == id);
        if (original is null) return NotFound();
        Original = original;
        return Page();
    }
}
