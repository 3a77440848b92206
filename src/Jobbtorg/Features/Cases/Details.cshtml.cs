using System.ComponentModel.DataAnnotations;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

public class DetailsModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, UserManager<AppUser> users, CurrentUser user,
    BookInfoMeeting bookInfoMeeting, RecordMeetingOutcome recordMeetingOutcome, Attendance.AttendanceRegister attendance, ResumeCase resume)
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
    [BindProperty] public int? MeetingId { get; set; }

    public bool CanWork { get; private set; }
    public bool CanReadJournal { get; private set; }
    public bool CanWriteJournal { get; private set; }
    public bool CanReadPlan { get; private set; }
    public bool CanWithdraw { get; private set; }
    public List<TimelineEntry> History { get; private set; } = [];
    public DateOnly TodayDate => Today;
    public CaseInfoMeeting InfoMeeting { get; private set; } = null!;
    /// <summary>Required days since enrolment, for the plan's readers; null when none so far.</summary>
    public Attendance.AttendanceCounts? Attendance { get; private set; }
    public List<Attendance.AttendanceSlot> RecentAttendance { get; private set; } = [];

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

    public async Task<IActionResult> OnPostBookAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!InfoMeeting.CanBook) return Forbid();
        if (MeetingId is null) ModelState.AddModelError(nameof(MeetingId), Texts["Choose a meeting."]);
        if (ModelState.IsValid && await TryInfoMeetingAsync(() => bookInfoMeeting.HandleAsync(id, MeetingId!.Value, HttpContext.RequestAborted)))
            return BackToCase(Texts["The info meeting is booked."]);
        await PrepareAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostBookNextAsync(int id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (!InfoMeeting.CanBook) return Forbid();
        if (await TryInfoMeetingAsync(() => bookInfoMeeting.HandleAsync(id, ct: HttpContext.RequestAborted)))
            return BackToCase(Texts["The case was booked on the next free meeting, or put on the waiting list."]);
        await PrepareAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostInfoMeetingOutcomeAsync(int id, BookingStatus outcome)
    {
        if (!await PrepareAsync(id)) return NotFound();
        var booking = InfoMeeting.Current;
        if (booking is null) return BackToCase(Texts["The case has no booking."]);
        if (outcome != BookingStatus.Cancelled && !user.MayAtCentre(Permission.RecordInfoMeetingAttendance, booking.Meeting.JobCentreId)) return Forbid();
        if (outcome == BookingStatus.Cancelled && !InfoMeeting.CanBook) return Forbid();
        if (await TryInfoMeetingAsync(() => recordMeetingOutcome.HandleAsync(booking.Id, outcome, HttpContext.RequestAborted)))
            return BackToCase(outcome switch
            {
                BookingStatus.Attended => Texts["Attendance recorded: the case can now be enrolled."],
                BookingStatus.NoShow => Texts["The no-show is recorded; the case is booked again or waits for a place."],
                _ => Texts["The booking is cancelled; the case is booked again or waits for a place."],
            });
        await PrepareAsync(id);
        return Page();
    }

    private async Task<bool> TryInfoMeetingAsync(Func<Task<BookingState>> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (RuleBrokenException rule)
        {
            ModelState.AddModelError(nameof(MeetingId), Texts.Format(rule.Template, rule.Args));
            return false;
        }
    }

    private async Task<bool> PrepareAsync(int id)
    {
        if (!await LoadAsync(id, withPlans: true)) return false;
        CanWork = Access.CanWork(Case);
        CanReadJournal = Access.CanReadJournal(Case);
        CanWriteJournal = Access.CanWriteJournal(Case);
        CanReadPlan = Access.CanReadPlan(Case);
        CanWithdraw = Access.CanWithdrawReferral(Case);
        if (CanReadJournal)
            await Db.Entry(Case).Collection(c => c.Journal).LoadAsync(HttpContext.RequestAborted);
        History = Timeline.For(Case, Texts, CanReadJournal);
        var mayBook = Access.Can(Permission.BookInfoMeeting, Case);
        InfoMeeting = await CaseInfoMeeting.LoadAsync(Db, user, Case, mayBook, Clock, HttpContext.RequestAborted);
        if (CanReadPlan && Case.EnrolmentDate is { } enrolled)
        {
            var slots = await attendance.SlotsOfAsync(Case, enrolled, Today, ct: HttpContext.RequestAborted);
            if (slots.Count > 0) Attendance = Features.Attendance.AttendanceCounts.Of(slots);
            RecentAttendance = slots.OrderByDescending(s => s.Date).ThenBy(s => s.ActivityType.Id).Take(5).ToList();
        }
        return true;
    }
}
