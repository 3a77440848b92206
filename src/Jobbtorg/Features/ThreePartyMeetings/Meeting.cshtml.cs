using System.ComponentModel.DataAnnotations;
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
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "caseId")]
public class MeetingModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, CurrentUser user, UserManager<AppUser> users,
    Microsoft.Extensions.Options.IOptions<PublicUrlOptions> publicUrl)
    : CasePageModel(db, access, texts, clock)
{
    public const int DefaultMinutes = 60;

    /// <summary>What the form must give; the values themselves are judged by <see cref="ThreePartyMeeting.BookingRules"/>.</summary>
    public sealed class BookingInput
    {
        [Required(ErrorMessage = "Enter the date of the meeting.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Enter the time the meeting starts.")] public TimeOnly? Time { get; set; }
        [Required(ErrorMessage = "Enter how long the meeting lasts, in minutes.")] public int? DurationMinutes { get; set; }
        [Required(ErrorMessage = "Choose whether the meeting is held on site, by video or by phone.")] public ThreePartyMeetingForm? Form { get; set; }
        public string? Place { get; set; }
    }

    /// <summary>Bound by the booking alone, so that its required fields do not hold up the notes or a cancellation.</summary>
    public BookingInput Input { get; set; } = new();
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
        var calendar = MeetingInvitation.ToICalendar(Meeting, CalendarFile.Host(publicUrl.Value, Request), Clock.GetUtcNow());
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", MeetingInvitation.FileName(Meeting));
    }

    public async Task<IActionResult> OnPostAsync(int caseId, [Bind(Prefix = nameof(Input))] BookingInput booking)
    {
        Input = booking;
        if (!await PrepareAsync(caseId, null)) return NotFound();
        if (!MayBook) return Forbid();
        var now = Clock.GetUtcNow();
        var start = Input is { Date: { } date, Time: { } time } ? Shared.Clock.FromStockholm(date, time) : null;
        if (Input is { Date: not null, Time: not null } && start is null)
            ModelState.AddModelError("Input.Time", Texts["That time does not exist in Stockholm (the clocks go forward); choose another."]);
        // The meeting's own rules, on the fields that gave the values; the start is the date's.
        var rules = ThreePartyMeeting.BookingRules(start, Input.DurationMinutes, Input.Place, now)
            .Select(r => r.Field == nameof(ThreePartyMeeting.StartsAt) ? BrokenRule.OnField(nameof(BookingInput.Date), r.Template, r.Args) : r);
        ModelState.AddErrors(FieldErrors.From(rules), Texts, nameof(Input));
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
        var coach = await users.GetUserAsync(User);
        if (!ModelState.IsValid || coach is null) return Page();
        var heading = Texts.Format("Three-party meeting {0} (participant, coach and case worker):", Texts.Instant(Meeting.StartsAt));
        // The notes' rules (given, not too long) are the meeting's; a refusal lands on the notes field.
        if (await TryChangeAsync(() => Meeting.RecordNotes(NotesText ?? "", heading, coach, Clock.GetUtcNow(), Today), nameof(NotesText)))
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
