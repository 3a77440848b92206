using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.ThreePartyMeetings;

/// <summary>Books a three-party meeting on a case (the coach or the district's case worker), and for one meeting:
/// its calendar file, the coach's notes after it, or its cancellation.</summary>
public class MeetingModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, CurrentUser user, UserManager<AppUser> users)
    : CasePageModel(db, access, texts, clock)
{
    public const int DefaultMinutes = 60;

    public sealed class BookingInput
    {
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public int? DurationMinutes { get; set; }
        public ThreePartyMeetingForm? Form { get; set; }
        public string? Place { get; set; }
    }

    [BindProperty] public BookingInput Input { get; set; } = new();
    [BindProperty] public string? NotesText { get; set; }

    public List<ThreePartyMeeting> Meetings { get; private set; } = [];
    public ThreePartyMeeting? Meeting { get; private set; }
    public bool MayBook { get; private set; }
    public bool MayRecordNotes { get; private set; }
    public bool CanReadJournal { get; private set; }
    public DateTimeOffset Now => Clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int caseId, int? meetingId)
    {
        if (!await PrepareAsync(caseId, meetingId)) return NotFound();
        Input = new BookingInput
        {
            Date = Today.AddDays(1),
            Time = new TimeOnly(10, 0),
            DurationMinutes = DefaultMinutes,
            Form = ThreePartyMeetingForm.InPerson,
            Place = Case.JobCentre.Address is { Length: > 0 } address ? $"{Case.JobCentre.Name}, {address}" : Case.JobCentre.Name,
        };
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int caseId, int meetingId)
    {
        if (!await PrepareAsync(caseId, meetingId) || Meeting is null) return NotFound();
        var calendar = MeetingInvitation.ToICalendar(Meeting, Clock.GetUtcNow());
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", MeetingInvitation.FileName(Meeting));
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await PrepareAsync(caseId, null)) return NotFound();
        if (!MayBook) return Forbid();
        var now = Clock.GetUtcNow();
        if (Input.Date is null) ModelState.AddModelError("Input.Date", Texts["Enter the date of the meeting."]);
        if (Input.Time is null) ModelState.AddModelError("Input.Time", Texts["Enter the time the meeting starts."]);
        if (Input.DurationMinutes is null) ModelState.AddModelError("Input.DurationMinutes", Texts["Enter how long the meeting lasts, in minutes."]);
        else if (Input.DurationMinutes is < ThreePartyMeeting.MinMinutes or > ThreePartyMeeting.MaxMinutes)
            ModelState.AddModelError("Input.DurationMinutes", Texts.Format("The meeting must last between {0} and {1} minutes.", ThreePartyMeeting.MinMinutes, ThreePartyMeeting.MaxMinutes));
        if (Input.Form is null) ModelState.AddModelError("Input.Form", Texts["Choose whether the meeting is held on site, by video or by phone."]);
        if (string.IsNullOrWhiteSpace(Input.Place)) ModelState.AddModelError("Input.Place", Texts["Say where the meeting is held, or how to join by video or phone."]);
        else if (Input.Place.Length > ThreePartyMeeting.MaxPlaceLength)
            ModelState.AddModelError("Input.Place", Texts.Format("The place may be at most {0} characters.", ThreePartyMeeting.MaxPlaceLength));
        DateTimeOffset? start = null;
        if (Input.Date is { } date && Input.Time is { } time)
        {
            start = Shared.Clock.FromStockholm(date, time);
            if (start is null) ModelState.AddModelError("Input.Time", Texts["That time does not exist in Stockholm (the clocks go forward); choose another."]);
            else if (start <= now) ModelState.AddModelError("Input.Date", Texts["The meeting must start later than now."]);
        }
        if (!ModelState.IsValid) return Page();

        var booker = await users.GetUserAsync(User);
        if (booker is null) return Forbid();
        ThreePartyMeeting? booked = null;
        if (await TryChangeAsync(() =>
            {
                booked = ThreePartyMeeting.Book(Case, Meetings, start!.Value, Input.DurationMinutes!.Value, Input.Form!.Value, Input.Place!, booker, now);
                Db.ThreePartyMeetings.Add(booked);
            }, "Input.Time"))
            return BackToCase(Texts.Format("The three-party meeting is booked for {0}.", Texts.Appointment(booked!.StartsAt)));
        Db.ChangeTracker.Clear();
        await PrepareAsync(caseId, null);
        return Page();
    }

    public async Task<IActionResult> OnPostNotesAsync(int caseId, int meetingId)
    {
        if (!await PrepareAsync(caseId, meetingId) || Meeting is null) return NotFound();
        if (!MayRecordNotes) return Forbid();
        if (string.IsNullOrWhiteSpace(NotesText)) ModelState.AddModelError(nameof(NotesText), Texts["Write the notes from the meeting."]);
        else if (NotesText.Length > ThreePartyMeeting.MaxNotesLength)
            ModelState.AddModelError(nameof(NotesText), Texts.Format("The notes may be at most {0} characters.", ThreePartyMeeting.MaxNotesLength));
        var coach = await users.GetUserAsync(User);
        if (!ModelState.IsValid || coach is null) return Page();
        var heading = Texts.Format("Three-party meeting {0} (participant, coach and case worker):", Texts.Instant(Meeting.StartsAt));
        if (await TryChangeAsync(() => Meeting.RecordNotes(NotesText!, heading, coach, Clock.GetUtcNow(), Today), nameof(NotesText)))
            return BackToCase(Texts["The notes are saved in the journal and the meeting is marked as held."]);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int caseId, int meetingId)
    {
        if (!await PrepareAsync(caseId, meetingId) || Meeting is null) return NotFound();
        if (!MayBook) return Forbid();
        if (await TryChangeAsync(() => Meeting.Cancel(user.Name, Clock.GetUtcNow())))
            return BackToCase(Texts["The three-party meeting is cancelled."]);
        return Page();
    }

    private async Task<bool> PrepareAsync(int caseId, int? meetingId)
    {
        if (!await LoadAsync(caseId)) return false;
        Meetings = await Db.ThreePartyMeetings.Where(m => m.CaseId == caseId).OrderByDescending(m => m.StartsAt).ToListAsync(HttpContext.RequestAborted);
        if (meetingId is not null)
        {
            Meeting = Meetings.FirstOrDefault(m => m.Id == meetingId);
            if (Meeting is null) return false;
        }
        MayBook = MayBookOn(Case, Access);
        MayRecordNotes = Access.Can(Permission.RecordThreePartyNotes, Case);
        CanReadJournal = Access.CanReadJournal(Case);
        return true;
    }

    /// <summary>The job centre's side (coach, manager) or the case worker of the case's district.</summary>
    public static bool MayBookOn(Case c, CaseAccess access) => access.Can(Permission.BookThreePartyMeeting, c);
}
