using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>
/// Books a case on an info meeting: on the meeting a case worker or coach chose, or automatically on the earliest
/// meeting the <see cref="BookingPolicy"/> allows in a week where the district has places left; with none, the case
/// joins the waiting list. A booking the case already had is given up only when the new one succeeds. The quota place
/// and the seat are taken by guarded updates (<see cref="SeatCounters"/>) in one transaction, which runs again when the
/// database chose it as the loser of a race.
/// </summary>
public sealed class BookInfoMeeting(JobbtorgDb db, TimeProvider clock, IOptions<InfoMeetingOptions> options, CurrentUser user)
{
    /// <summary>Without <paramref name="meetingId"/> the case is booked automatically or waits; with it, that meeting is
    /// booked, or refused with the reason (full, quota used up, cancelled, started, another centre or kind).</summary>
    public Task<BookingState> HandleAsync(int caseId, int? meetingId = null, CancellationToken ct = default) =>
        BookAsync(caseId, meetingId, excludedMeetingId: null, ct);

    /// <summary>Books a case automatically after it lost its place on a meeting, never on that meeting again.</summary>
    public Task<BookingState> AgainAsync(int caseId, int leftMeetingId, CancellationToken ct = default) =>
        BookAsync(caseId, meetingId: null, excludedMeetingId: leftMeetingId, ct);

    private async Task<BookingState> BookAsync(int caseId, int? meetingId, int? excludedMeetingId, CancellationToken ct)
    {
        var state = await db.InTransactionWithRetryAsync(async () =>
        {
            // One round trip for what the booking decides on: the case, its standing booking and the district's weekly
            // places of each kind. (The chosen meeting is read on its own: SQLite cannot join it in.)
            var found = await db.Cases.Include(x => x.Participant).Include(x => x.District).Where(x => x.Id == caseId)
                            .Select(x => new
                            {
                                Case = x,
                                Waiting = db.InfoMeetingWaits.Any(w => w.CaseId == x.Id),
                                // At most one standing booking per case (a unique index), and its meeting: both are
                                // tracked, so the booking's Meeting is set, which giving the seat back reads. As a list,
                                // which is a join on that index: a first-or-default would number every booking of the
                                // database on each booking (ROW_NUMBER … PARTITION BY) to keep one.
                                Standing = db.InfoMeetingBookings.Where(b => b.ActiveCaseId == x.Id).Select(b => new { Booking = b, b.Meeting }).ToList(),
                                Quotas = db.DistrictQuotas.Where(q => q.DistrictId == x.DistrictId).Select(q => new { q.Kind, q.PlacesPerWeek }).ToList(),
                            }).FirstOrDefaultAsync(ct)
                        ?? throw new RuleBrokenException("There is no such case.");
            var c = found.Case;
            InfoMeeting.EnsureCaseNeedsOne(c);
            var current = found.Standing.FirstOrDefault()?.Booking;
            if (current is not null && (meetingId is null || current.InfoMeetingId == meetingId))
                return new BookingState(current, null);

            var now = clock.GetUtcNow();
            var kind = BookingPolicy.KindFor(c);
            var quota = found.Quotas.Where(q => q.Kind == kind).Select(q => (int?)q.PlacesPerWeek).FirstOrDefault();
            List<InfoMeeting> candidates;
            if (meetingId is { } chosenId)
            {
                var chosen = await db.InfoMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == chosenId, ct)
                    ?? throw new RuleBrokenException("There is no such info meeting.");
                chosen.EnsureBookable(c, now);
                candidates = [chosen];
            }
            else
            {
                candidates = await db.InfoMeetings.AsNoTracking().Where(BookingPolicy.From(options.Value).Qualifying(c.JobCentreId, kind, now))
                    .Where(m => m.Id != excludedMeetingId)
                    // Weeks whose places the district has already used up are not tried; the guarded update still decides.
                    .Where(m => quota == null || !db.QuotaUsages.Any(u => u.DistrictId == c.DistrictId && u.Kind == kind && u.WeekStart == m.WeekStart && u.Used >= quota))
                    .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);
            }

            var who = Signature.Of(user);
            if (current is not null)
            {
                current.Cancel(who, now, CancellationReason.AnotherMeetingChosen);
                await db.GiveBackAsync(current, c.DistrictId, ct);
            }
            var weeksWithoutQuota = new HashSet<DateOnly>();
            foreach (var meeting in candidates)
            {
                if (weeksWithoutQuota.Contains(meeting.WeekStart)) continue;
                // The booking is written first and the district's place and the seat are taken last, right before the
                // commit: other bookings of the week and the meeting wait for those two rows only that long.
                var booking = db.InfoMeetingBookings.Add(meeting.Book(c, chosenByHand: meetingId is not null, who, now)).Entity;
                await db.SaveChangesAsync(ct);
                var taking = await db.TakePlaceAndSeatAsync(c.DistrictId, kind, meeting.WeekStart, quota, meeting.Id, ct);
                if (taking == Taking.QuotaUsedUp)
                {
                    if (meetingId is not null)
                        throw new RuleBrokenException("{0} has used all its {1} places for the week of {2}.", c.District.Name, new Counted(quota!.Value), meeting.WeekStart);
                    weeksWithoutQuota.Add(meeting.WeekStart);
                    await WithdrawAsync(booking, ct);
                    continue;
                }
                if (taking == Taking.Full)
                {
                    if (meetingId is not null) throw new RuleBrokenException("The meeting is full.");
                    await WithdrawAsync(booking, ct);
                    continue;
                }
                if (found.Waiting) await db.InfoMeetingWaits.Where(w => w.CaseId == c.Id).ExecuteDeleteAsync(ct);
                return new BookingState(booking, null);
            }

            // Nothing free within the horizon: the case waits its turn.
            var wait = await db.InfoMeetingWaits.FirstOrDefaultAsync(w => w.CaseId == c.Id, ct);
            if (wait is null)
            {
                wait = db.InfoMeetingWaits.Add(InfoMeetingWait.Join(c, kind, now)).Entity;
                await db.SaveChangesAsync(ct);
            }
            return new BookingState(null, wait);
        }, ct);
        return await WithMeetingAsync(state, ct);
    }

    /// <summary>Takes back a booking written before its place and seat were refused (still within the transaction).</summary>
    private async Task WithdrawAsync(InfoMeetingBooking booking, CancellationToken ct)
    {
        db.InfoMeetingBookings.Remove(booking);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The new booking read back with its meeting and centre, for the answer.</summary>
    private async Task<BookingState> WithMeetingAsync(BookingState state, CancellationToken ct)
    {
        if (state.Booking is { } b)
        {
            db.ChangeTracker.Clear();
            return new BookingState(await db.InfoMeetingBookings.AsNoTracking().Include(x => x.Meeting).ThenInclude(m => m.JobCentre)
                .FirstAsync(x => x.Id == b.Id, ct), null);
        }
        return state;
    }
}
