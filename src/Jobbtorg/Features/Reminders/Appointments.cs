using Jobbtorg.Data;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.ThreePartyMeetings;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reminders;

/// <summary>A booked time a participant is reminded of: where (the job centre's name and address) and when.</summary>
public sealed record Appointment(AppointmentKind Kind, int BookingId, int CaseId, DateTimeOffset StartsAt, string Centre, string? Address);

/// <summary>A booking that was cancelled, and the booking that took its place when it was moved.</summary>
public sealed record AppointmentChange(Appointment Cancelled, DateTimeOffset ChangedAt, Appointment? MovedTo);

/// <summary>
/// One kind of booking the reminders know about. Adding a kind of appointment (e.g. the coach's first one-to-one
/// meeting) is a new member of <see cref="AppointmentKind"/>, a class like these and one line in
/// <see cref="RemindersSetup"/>; the round, the texts and the outbox stay as they are.
/// </summary>
public interface IAppointmentSource
{
    /// <summary>Standing bookings that start in [from, to).</summary>
    Task<List<Appointment>> StartingAsync(JobbtorgDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Bookings cancelled at or after <paramref name="since"/> whose time still lies after <paramref name="now"/>.</summary>
    Task<List<AppointmentChange>> ChangedAsync(JobbtorgDb db, DateTimeOffset since, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Group info meetings. A booking given up for another one (chosen by staff, or booked again when the meeting
/// was cancelled) is a move to the case's later standing booking.</summary>
public sealed class InfoMeetingAppointments : IAppointmentSource
{
    public async Task<List<Appointment>> StartingAsync(JobbtorgDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await db.InfoMeetingBookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.Meeting.CancelledAt == null && b.Meeting.StartsAt >= from && b.Meeting.StartsAt < to)
            .Select(b => new Appointment(AppointmentKind.InfoMeeting, b.Id, b.CaseId, b.Meeting.StartsAt, b.Meeting.JobCentre.Name, b.Meeting.JobCentre.Address))
            .ToListAsync(ct);

    public async Task<List<AppointmentChange>> ChangedAsync(JobbtorgDb db, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        var cancelled = await db.InfoMeetingBookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Cancelled && b.OutcomeAt >= since && b.Meeting.StartsAt > now)
            .Select(b => new { b.Id, b.CaseId, b.Meeting.StartsAt, b.Meeting.JobCentre.Name, b.Meeting.JobCentre.Address, b.OutcomeAt })
            .ToListAsync(ct);
        if (cancelled.Count == 0) return [];
        var cases = cancelled.Select(c => c.CaseId).Distinct().ToList();
        var standing = await db.InfoMeetingBookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && cases.Contains(b.CaseId) && b.Meeting.StartsAt > now)
            .Select(b => new Appointment(AppointmentKind.InfoMeeting, b.Id, b.CaseId, b.Meeting.StartsAt, b.Meeting.JobCentre.Name, b.Meeting.JobCentre.Address))
            .ToListAsync(ct);
        return [.. cancelled.Select(c => new AppointmentChange(
            new Appointment(AppointmentKind.InfoMeeting, c.Id, c.CaseId, c.StartsAt, c.Name, c.Address), c.OutcomeAt!.Value,
            standing.Where(s => s.CaseId == c.CaseId && s.BookingId > c.Id).OrderBy(s => s.BookingId).FirstOrDefault()))];
    }
}

/// <summary>Three-party meetings. The message names the case's job centre, not the place the coach wrote: that text is
/// free and may say more than a reminder should.</summary>
public sealed class ThreePartyMeetingAppointments : IAppointmentSource
{
    public async Task<List<Appointment>> StartingAsync(JobbtorgDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await db.ThreePartyMeetings.AsNoTracking()
            .Where(m => m.Status == ThreePartyMeetingStatus.Planned && m.StartsAt >= from && m.StartsAt < to)
            .Select(m => new Appointment(AppointmentKind.ThreePartyMeeting, m.Id, m.CaseId, m.StartsAt, m.Case.JobCentre.Name, null))
            .ToListAsync(ct);

    public async Task<List<AppointmentChange>> ChangedAsync(JobbtorgDb db, DateTimeOffset since, DateTimeOffset now, CancellationToken ct) =>
        (await db.ThreePartyMeetings.AsNoTracking()
            .Where(m => m.Status == ThreePartyMeetingStatus.Cancelled && m.CancelledAt >= since && m.StartsAt > now)
            .Select(m => new { m.Id, m.CaseId, m.StartsAt, m.Case.JobCentre.Name, m.CancelledAt })
            .ToListAsync(ct))
        .Select(m => new AppointmentChange(new Appointment(AppointmentKind.ThreePartyMeeting, m.Id, m.CaseId, m.StartsAt, m.Name, null), m.CancelledAt!.Value, null))
        .ToList();
}

/// <summary>The first one-to-one appointment with the coach. A move keeps the appointment and changes its time, so the
/// reminder of the working day before names the new time; a cancellation is told as one.</summary>
public sealed class FirstAppointmentAppointments : IAppointmentSource
{
    public async Task<List<Appointment>> StartingAsync(JobbtorgDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await db.FirstAppointments.AsNoTracking()
            .Where(a => a.Status == FirstAppointments.FirstAppointmentStatus.Booked && a.StartsAt >= from && a.StartsAt < to)
            .Select(a => new Appointment(AppointmentKind.CoachAppointment, a.Id, a.CaseId, a.StartsAt, a.Case.JobCentre.Name, a.Case.JobCentre.Address))
            .ToListAsync(ct);

    public async Task<List<AppointmentChange>> ChangedAsync(JobbtorgDb db, DateTimeOffset since, DateTimeOffset now, CancellationToken ct) =>
        (await db.FirstAppointments.AsNoTracking()
            .Where(a => a.Status == FirstAppointments.FirstAppointmentStatus.Cancelled && a.CancelledAt >= since && a.StartsAt > now)
            .Select(a => new { a.Id, a.CaseId, a.StartsAt, a.Case.JobCentre.Name, a.Case.JobCentre.Address, a.CancelledAt })
            .ToListAsync(ct))
        .Select(a => new AppointmentChange(new Appointment(AppointmentKind.CoachAppointment, a.Id, a.CaseId, a.StartsAt, a.Name, a.Address), a.CancelledAt!.Value, null))
        .ToList();
}
