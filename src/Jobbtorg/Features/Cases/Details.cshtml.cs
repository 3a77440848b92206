using System.ComponentModel.DataAnnotations;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>The case page: the person and the referral, enrolment and job guarantee, the journal and the history. The other
/// features add their sections (<see cref="PageSections"/>) and take their own posts.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id", CaseLoadedByPage = true)]
public class DetailsModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, UserManager<AppUser> users, ResumeCase resume,
    CaseRows rows)
    : CasePageModel(db, access, texts, clock)
{
    public sealed class NoteInput
    {
        public DateOnly? Date { get; set; }
        [StringLength(8000, ErrorMessage = "The note may be at most {1} characters.")] public string? Text { get; set; }
        public int? Corrects { get; set; }
    }

    [BindProperty] public NoteInput Note { get; set; } = new();
    [BindProperty] public DateOnly? ResumeDate { get; set; }

    public bool CanWork { get; private set; }
    public bool CanReadJournal { get; private set; }
    public bool CanWriteJournal { get; private set; }
    public bool CanWithdraw { get; private set; }
    public List<TimelineEntry> History { get; private set; } = [];
    public DateOnly TodayDate => Today;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        Note.Date = Today;
        ResumeDate = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!CanWriteJournal) return Forbid();
        var author = await users.GetUserAsync(User);
        var corrects = Note.Corrects is { } old ? Case.Journal.FirstOrDefault(j => j.Id == old) : null;
        if (Note.Corrects is not null && corrects is null) ModelState.AddModelError("Note.Corrects", Texts["The note to correct was not found."]);
        if (!ModelState.IsValid || author is null) return Page();
        if (await TryChangeAsync(() => Case.WriteJournal(Note.Date ?? Today, Note.Text ?? "", author, Clock.GetUtcNow(), corrects, Today), "Note.Text"))
            return BackToCase(Texts["The note was saved in the journal."]);
        await PrepareAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostResumeAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!CanWork) return Forbid();
        if (ResumeDate is null) ModelState.AddModelError(nameof(ResumeDate), Texts["Enter the date the case resumes."]);
        if (ModelState.IsValid && await TryUseCaseAsync(ct => resume.HandleAsync(Case.Id, ResumeDate!.Value, ct), nameof(ResumeDate)))
            return BackToCase(Texts["The case has resumed."]);
        return Page();
    }

    private async Task<bool> PrepareAsync(int id)
    {
        if (!await LoadAsync(id, withPlans: true)) return false;
        CanWork = Access.CanWork(Case);
        CanReadJournal = Access.CanReadJournal(Case);
        CanWriteJournal = Access.CanWriteJournal(Case);
        CanWithdraw = Access.CanWithdrawReferral(Case);
        var ct = HttpContext.RequestAborted;
        if (CanReadJournal) await rows.LoadAsync(Db.Entry(Case).Collection(c => c.Journal), ct);
        await rows.LoadAsync(Db.Entry(Case).Collection(c => c.Consents), ct);
        var placements = await rows.AnyAsync<Placements.Placement>(Case.Id, ct)
            ? await Db.Placements.AsNoTracking().Where(p => p.CaseId == Case.Id).ToListAsync(ct)
            : [];
        History = Timeline.For(Case, Texts, CanReadJournal, placements);
        return true;
    }
}
