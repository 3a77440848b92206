using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FirstAppointments;

public sealed record CaseAppointmentView(Case Case, IReadOnlyList<FirstAppointment> Appointments, bool MayBook);

/// <summary>The case page's section: the first appointment (booked, held, missed or cancelled) and a link to book or change it.
/// Shown to everyone who sees the case once the case has one, or can have one.</summary>
public sealed class CaseFirstAppointmentViewComponent(JobbtorgDb db, CaseAccess access, CaseRows rows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        List<FirstAppointment> appointments = await rows.AnyAsync<FirstAppointment>(@case.Id, HttpContext.RequestAborted)
            ? await db.FirstAppointments.AsNoTracking().Include(a => a.Coach).Where(a => a.CaseId == @case.Id)
                .OrderByDescending(a => a.Id).Take(20).ToListAsync(HttpContext.RequestAborted)
            : [];
        var mayBook = @case.IsOpen && access.Can(Permission.BookFirstAppointment, @case);
        if (appointments.Count == 0 && !mayBook) return Content("");
        return View("/Features/FirstAppointments/_Case.cshtml", new CaseAppointmentView(@case, appointments, mayBook));
    }
}

public sealed record MeetingAttendee(int CaseId, string CaseRef, string Name, int JobCentreId, string? CoachId, FirstAppointment? Appointment, bool MayBook);

public sealed record MeetingAppointmentsView(int MeetingId, IReadOnlyList<MeetingAttendee> Attendees, IReadOnlyDictionary<int, List<AppUser>> Coaches,
    DateOnly SuggestedDay, FirstAppointmentOptions Hours);

/// <summary>On the info meeting's page: for each person who attended, their first appointment or a quick booking of it.</summary>
public sealed class MeetingFirstAppointmentsViewComponent(JobbtorgDb db, CaseAccess access, FirstAppointmentBooking booking, TimeProvider clock, ProtectedIdentity.PersonShown shown)
    : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId)
    {
        var ct = HttpContext.RequestAborted;
        var visible = await access.VisibleCasesAsync(ct);
        var attended = db.InfoMeetingBookings.Where(b => b.InfoMeetingId == meetingId && b.Status == BookingStatus.Attended).Select(b => b.CaseId);
        var cases = await visible.AsNoTracking().Include(c => c.Participant).Where(c => attended.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
        if (cases.Count == 0) return Content("");
        var ids = cases.Select(c => c.Id).ToList();
        var appointments = await db.FirstAppointments.AsNoTracking().Include(a => a.Coach)
            .Where(a => ids.Contains(a.CaseId) && (a.Status == FirstAppointmentStatus.Booked || a.Status == FirstAppointmentStatus.Attended))
            .ToListAsync(ct);
        var coaches = new Dictionary<int, List<AppUser>>();
        var attendees = new List<MeetingAttendee>();
        foreach (var c in cases)
        {
            var mayBook = c.IsOpen && access.Can(Permission.BookFirstAppointment, c);
            if (mayBook && !coaches.ContainsKey(c.JobCentreId)) coaches[c.JobCentreId] = await booking.CoachesForAsync(c, ct);
            attendees.Add(new MeetingAttendee(c.Id, c.CaseRef, shown.Name(c), c.JobCentreId, c.CoachId,
                appointments.Where(a => a.CaseId == c.Id).MaxBy(a => a.Id), mayBook));
        }
        if (attendees.All(a => !a.MayBook && a.Appointment is null)) return Content("");
        var day = clock.Today().AddDays(1);
        while (!WorkingDays.IsWorkingDay(day)) day = day.AddDays(1);
        return View("/Features/FirstAppointments/_AtMeeting.cshtml", new MeetingAppointmentsView(meetingId, attendees, coaches, day, booking.Hours));
    }
}

public sealed record UpcomingAppointment(FirstAppointment Appointment, string CaseRef, Participant Participant, string District, string Coach)
{
    /// <summary>The person as the viewer may see them (<see cref="ProtectedIdentity.PersonShown"/>).</summary>
    public string Name { get; init; } = "";
}

/// <summary>The coach's start page: "My first appointments", those booked with them from now to the end of this week.</summary>
public sealed class CoachFirstAppointmentsViewComponent(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock, ProtectedIdentity.PersonShown shown) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.KeepCaseload) || !user.Holds(Permission.BookFirstAppointment)) return Content("");
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var weekEnds = Clock.FromStockholm(WorkingDays.MondayOf(today).AddDays(7), TimeOnly.MinValue) ?? now.AddDays(7);
        // From the start of today, so that an appointment earlier today still waits for its outcome.
        var from = Clock.FromStockholm(today, TimeOnly.MinValue) ?? now;
        var visible = await access.VisibleCasesAsync(HttpContext.RequestAborted);
        var rows = await db.FirstAppointments.AsNoTracking()
            .Where(a => a.CoachId == user.Id && a.Status == FirstAppointmentStatus.Booked && a.StartsAt >= from && a.StartsAt < weekEnds
                        && visible.Any(c => c.Id == a.CaseId))
            .OrderBy(a => a.StartsAt).Take(100)
            .Select(a => new
            {
                Upcoming = new UpcomingAppointment(a, a.Case.CaseRef, a.Case.Participant, a.Case.District.Name, a.Coach.DisplayName),
                a.Case.JobCentreId, a.Case.DistrictId, a.Case.CoachId,
            })
            .ToListAsync(HttpContext.RequestAborted);
        List<UpcomingAppointment> list = [.. rows.Select(r => r.Upcoming with { Name = shown.Name(r.Upcoming.Participant, r.JobCentreId, r.DistrictId, r.CoachId) })];
        return View("/Features/FirstAppointments/_Coach.cshtml", list);
    }
}

/// <summary>The district case worker's start page: their district's people with a booked first appointment, when and with whom.</summary>
public sealed class DistrictFirstAppointmentsViewComponent(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock, ProtectedIdentity.PersonShown shown) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (user.DistrictId is not { } district || user.Holds(Permission.KeepCaseload) || !user.Holds(Permission.ReadCase)) return Content("");
        var from = Clock.FromStockholm(clock.Today(), TimeOnly.MinValue) ?? clock.GetUtcNow();
        var visible = await access.VisibleCasesAsync(HttpContext.RequestAborted);
        var rows = await db.FirstAppointments.AsNoTracking()
            .Where(a => a.Status == FirstAppointmentStatus.Booked && a.StartsAt >= from && a.Case.DistrictId == district
                        && visible.Any(c => c.Id == a.CaseId))
            .OrderBy(a => a.StartsAt).Take(100)
            .Select(a => new
            {
                Upcoming = new UpcomingAppointment(a, a.Case.CaseRef, a.Case.Participant, a.Case.District.Name, a.Coach.DisplayName),
                a.Case.JobCentreId, a.Case.DistrictId, a.Case.CoachId,
            })
            .ToListAsync(HttpContext.RequestAborted);
        List<UpcomingAppointment> list = [.. rows.Select(r => r.Upcoming with { Name = shown.Name(r.Upcoming.Participant, r.JobCentreId, r.DistrictId, r.CoachId) })];
        return View("/Features/FirstAppointments/_District.cshtml", list);
    }
}
