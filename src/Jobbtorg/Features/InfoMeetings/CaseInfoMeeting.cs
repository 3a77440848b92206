using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>What the case page shows about the info meeting: the standing booking, the place on the waiting list,
/// earlier bookings and their outcomes, and the meetings that could be chosen instead.</summary>
public sealed class CaseInfoMeeting
{
    /// <summary>How far ahead the case page offers meetings to choose from.</summary>
    public const int ChoiceWeeks = 12;

    public InfoMeetingBooking? Current { get; private init; }
    public InfoMeetingWait? Wait { get; private init; }
    public int? WaitingPosition { get; private init; }
    public IReadOnlyList<InfoMeetingBooking> Earlier { get; private init; } = [];
    public IReadOnlyList<InfoMeeting> Choices { get; private init; } = [];
    public MeetingKind Kind { get; private init; }
    public bool CanBook { get; private init; }
    public bool CanRecordAttendance { get; private init; }
    /// <summary>Shown while the case still needs a meeting, or once it has had one.</summary>
    public bool IsRelevant => Current is not null || Wait is not null || Earlier.Count > 0 || CanBook;

    /// <summary><paramref name="mayBook"/>: whether the user may book the case; attendance is for the coaches and managers
    /// of the meeting's centre.</summary>
    /// <param name="anyBookings">False when the case is known to have no bookings (<see cref="CaseRows"/>): they are not asked for.</param>
    public static async Task<CaseInfoMeeting> LoadAsync(JobbtorgDb db, CurrentUser user, Case c, bool mayBook, TimeProvider clock,
        CancellationToken ct, bool anyBookings = true)
    {
        List<InfoMeetingBooking> bookings = anyBookings
            ? await db.InfoMeetingBookings.AsNoTracking().Include(b => b.Meeting).ThenInclude(m => m.JobCentre)
                .Where(b => b.CaseId == c.Id).OrderByDescending(b => b.Meeting.StartsAt).ToListAsync(ct)
            : [];
        var current = bookings.FirstOrDefault(b => b.ActiveCaseId == c.Id);
        // Only an open case not yet enrolled can wait for a meeting (enrolling or closing leaves the list).
        var wait = c.IsOpen && !c.IsEnrolled
            ? await db.InfoMeetingWaits.AsNoTracking().FirstOrDefaultAsync(w => w.CaseId == c.Id, ct)
            : null;
        int? position = null;
        if (wait is not null)
        {
            var order = await db.InfoMeetingWaits.WaitingList(wait.JobCentreId, wait.Kind).Select(w => w.CaseId).ToListAsync(ct);
            position = order.IndexOf(c.Id) + 1;
        }
        var kind = BookingPolicy.KindFor(c);
        var canBook = mayBook && c.IsOpen && !c.IsEnrolled;
        IReadOnlyList<InfoMeeting> choices = [];
        if (canBook)
        {
            var now = clock.GetUtcNow();
            var until = now.AddDays(7 * ChoiceWeeks);
            choices = await db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre)
                .Where(m => m.JobCentreId == c.JobCentreId && m.Kind == kind && m.CancelledAt == null && m.StartsAt > now && m.StartsAt < until
                            && m.BookedSeats < m.Capacity && m.Id != (current == null ? 0 : current.InfoMeetingId))
                .OrderBy(m => m.StartsAt).Take(60).ToListAsync(ct);
        }
        return new CaseInfoMeeting
        {
            Current = current,
            Wait = wait,
            WaitingPosition = position,
            Earlier = bookings.Where(b => b != current).ToList(),
            Choices = choices,
            Kind = kind,
            CanBook = canBook,
            CanRecordAttendance = current is not null && user.MayAtCentre(Permission.RecordInfoMeetingAttendance, current.Meeting.JobCentreId)
                                  && current.Meeting.AttendanceOpen(clock.Today()),
        };
    }
}
