using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>
/// Books a case on an info meeting: on the meeting a case worker or coach chose, or automatically on the earliest
/// meeting the <see cref="BookingPolicy"/> allows in a week where the district has places left; with none, the case
/// joins the waiting list. A booking the case already had is given up only when the new one succeeds. The quota place
/// and the seat are taken by guarded updates (<see cref="SeatCounters"/>): on PostgreSQL in the one statement that
/// stores the booking and commits by itself, on SQLite in a transaction. The work runs again when the database chose it
/// as the loser of a race.
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

    private bool OnPostgres => db.Database.IsNpgsql();

    private async Task<BookingState> BookAsync(int caseId, int? meetingId, int? excludedMeetingId, CancellationToken ct)
    {
        // On PostgreSQL the reads need no transaction (each sees what is committed, as they would in one) and the booking
        // is written by one statement, so no transaction is held open across round trips while other bookings wait.
        var state = OnPostgres
            ? await db.WithRetryAsync(() => BookOnceAsync(caseId, meetingId, excludedMeetingId, ct), ct)
            : await db.InTransactionWithRetryAsync(() => BookOnceAsync(caseId, meetingId, excludedMeetingId, ct), ct);
        return state.Booking is { Meeting.JobCentre: not null } ? state : await WithMeetingAsync(state, ct);
    }

    private async Task<BookingState> BookOnceAsync(int caseId, int? meetingId, int? excludedMeetingId, CancellationToken ct)
    {
        // One round trip for what the booking decides on. (The chosen meeting is read on its own: SQLite cannot join it in.)
        var found = await FactsOf.RunAsync(db, caseId, ct) ?? throw new RuleBrokenException("There is no such case.");
        var c = found.Case;
        InfoMeeting.EnsureCaseNeedsOne(c);
        var current = found.Standing.FirstOrDefault() is { } standing ? standing.Booking.WithMeeting(standing.Meeting) : null;
        if (current is not null && (meetingId is null || current.InfoMeetingId == meetingId))
            return new BookingState(current, null);

        var now = clock.GetUtcNow();
        var kind = BookingPolicy.KindFor(c);
        var quota = found.Quotas.Where(q => q.Kind == kind).Select(q => (int?)q.PlacesPerWeek).FirstOrDefault();
        // Here an automatic booking has no standing booking to give up (it would have been kept above).
        if (meetingId is null && OnPostgres)
            return await BookFirstFreeAsync(c, found.Waiting, kind, quota, excludedMeetingId, now, ct);
        List<InfoMeeting> candidates;
        if (meetingId is { } chosenId)
        {
            var chosen = await MeetingOf.RunAsync(db, chosenId, ct)
                ?? throw new RuleBrokenException("There is no such info meeting.");
            chosen.EnsureBookable(c, now);
            candidates = [chosen];
        }
        else
        {
            candidates = await Candidates(c, kind, quota, excludedMeetingId, now).AsNoTracking().Include(m => m.JobCentre).ToListAsync(ct);
        }

        if (current is null || db.Database.CurrentTransaction is not null)
            return await TakeFirstFreeAsync(c, current, found.Waiting, candidates, kind, quota, byHand: meetingId is not null, now, ct);
        // Giving up the standing booking and taking the new one go together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var state = await TakeFirstFreeAsync(c, current, found.Waiting, candidates, kind, quota, byHand: meetingId is not null, now, ct);
        await transaction.CommitAsync(ct);
        return state;
    }

    /// <summary>What a booking decides on, in one round trip: the case with its person, district and centre, whether it
    /// waits, its standing booking with the meeting (giving the seat back reads it) and the district's weekly places of
    /// each kind.</summary>
    private sealed record Facts(Case Case, bool Waiting, List<StandingBooking> Standing, List<Quota> Quotas);

    private sealed record StandingBooking(InfoMeetingBooking Booking, InfoMeeting Meeting);

    private sealed record Quota(MeetingKind Kind, int PlacesPerWeek);

    /// <summary>Compiled: every booking asks it. Read without tracking: only a standing booking that is given up is
    /// written, and it is attached then. At most one standing booking per case (a unique index), read as a list, which is
    /// a join on that index: a first-or-default would number every booking of the database on each booking (ROW_NUMBER …
    /// PARTITION BY) to keep one.</summary>
    private static readonly CompiledPerModel<int, Facts?> FactsOf = new(
        (db, caseId, ct) =>
            db.Cases.AsNoTracking().Include(x => x.Participant).Include(x => x.District).Include(x => x.JobCentre).Where(x => x.Id == caseId)
                .Select(x => new Facts(
                    x,
                    db.InfoMeetingWaits.Any(w => w.CaseId == x.Id),
                    db.InfoMeetingBookings.Where(b => b.ActiveCaseId == x.Id).Select(b => new StandingBooking(b, b.Meeting)).ToList(),
                    db.DistrictQuotas.Where(q => q.DistrictId == x.DistrictId).Select(q => new Quota(q.Kind, q.PlacesPerWeek)).ToList()))
                .FirstOrDefault());

    /// <summary>The meeting a case worker or coach chose, with its centre; compiled, as <see cref="FactsOf"/>.</summary>
    private static readonly CompiledPerModel<int, InfoMeeting?> MeetingOf = new(
        (db, meetingId, ct) => db.InfoMeetings.AsNoTracking().Include(m => m.JobCentre).FirstOrDefault(m => m.Id == meetingId));

    /// <summary>The meetings an automatic booking of the case may use, in the order they are tried: the policy's
    /// qualifying meetings, earliest first, in weeks where the district has not visibly used up its places (the guarded
    /// update still decides); never the meeting the case just left, nor a week the booking already found used up.</summary>
    private IQueryable<InfoMeeting> Candidates(Case c, MeetingKind kind, int? quota, int? excludedMeetingId, DateTimeOffset now,
        IReadOnlyCollection<DateOnly>? weeksUsedUp = null)
    {
        // Only the conditions that apply are added: the fewer parts, the less EF Core has to read on every booking.
        var meetings = db.InfoMeetings.Where(BookingPolicy.From(options.Value).Qualifying(c.JobCentreId, kind, now));
        if (excludedMeetingId is { } excluded) meetings = meetings.Where(m => m.Id != excluded);
        if (quota is { } places)
        {
            var districtId = c.DistrictId;
            meetings = meetings.Where(m => !db.QuotaUsages.Any(u => u.DistrictId == districtId && u.Kind == kind && u.WeekStart == m.WeekStart && u.Used >= places));
        }
        if (weeksUsedUp is { Count: > 0 }) meetings = meetings.Where(m => !weeksUsedUp.Contains(m.WeekStart));
        return meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
    }

    /// <summary>PostgreSQL: books the case automatically in one statement that chooses the meeting
    /// (<see cref="SeatCounters.BookFirstFreeAsync"/>), asked again without a week whose places it found used up; with no
    /// meeting free, the case waits.</summary>
    private async Task<BookingState> BookFirstFreeAsync(Case c, bool waiting, MeetingKind kind, int? quota, int? excludedMeetingId, DateTimeOffset now,
        CancellationToken ct)
    {
        var booking = InfoMeetingBooking.Automatic(c, Signature.Of(user), now);
        var weeksUsedUp = new List<DateOnly>();
        while (quota is null or > 0)
        {
            var (meeting, bookingId, weekUsedUp) = await db.BookFirstFreeAsync(
                Candidates(c, kind, quota, excludedMeetingId, now, weeksUsedUp), booking, c.DistrictId, kind, quota, ct);
            if (meeting is not null) return new BookingState(booking.StoredAs(bookingId, meeting.AtCentre(c.JobCentre)), null);
            if (weekUsedUp is not { } week) break;
            weeksUsedUp.Add(week);
        }
        return await WaitAsync(c, waiting, kind, now, ct);
    }

    /// <summary>Gives up the standing booking, if any, and books the first candidate with a seat and a place; with none,
    /// the case waits (a chosen meeting is refused with the reason instead).</summary>
    private async Task<BookingState> TakeFirstFreeAsync(Case c, InfoMeetingBooking? current, bool waiting, List<InfoMeeting> candidates,
        MeetingKind kind, int? quota, bool byHand, DateTimeOffset now, CancellationToken ct)
    {
        var who = Signature.Of(user);
        if (current is not null)
        {
            db.InfoMeetingBookings.Attach(current);
            current.Cancel(who, now, CancellationReason.AnotherMeetingChosen);
            await db.GiveBackAsync(current, c.DistrictId, ct);
        }
        var weeksWithoutQuota = new HashSet<DateOnly>();
        foreach (var meeting in candidates)
        {
            if (weeksWithoutQuota.Contains(meeting.WeekStart)) continue;
            var (taking, booked) = await TakeAsync(meeting, meeting.Book(c, byHand, who, now), c.DistrictId, kind, quota, waiting, ct);
            if (taking == Taking.QuotaUsedUp)
            {
                if (byHand)
                    throw new RuleBrokenException("{0} has used all its {1} places for the week of {2}.", c.District.Name, new Counted(quota!.Value), meeting.WeekStart);
                weeksWithoutQuota.Add(meeting.WeekStart);
                continue;
            }
            if (taking == Taking.Full)
            {
                if (byHand) throw new RuleBrokenException("The meeting is full.");
                continue;
            }
            return new BookingState(booked, null);
        }

        return await WaitAsync(c, waiting, kind, now, ct);
    }

    /// <summary>Nothing free within the horizon: the case waits its turn, from when it first joined the list.</summary>
    private async Task<BookingState> WaitAsync(Case c, bool waiting, MeetingKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var wait = waiting ? await db.InfoMeetingWaits.FirstOrDefaultAsync(w => w.CaseId == c.Id, ct) : null;
        if (wait is null)
        {
            wait = db.InfoMeetingWaits.Add(InfoMeetingWait.Join(c, kind, now)).Entity;
            await db.SaveChangesAsync(ct);
        }
        return new BookingState(null, wait);
    }

    /// <summary>Stores the booking with its seat and the district's place, ending the case's wait; nothing is stored when
    /// either is refused. The booking comes back with its id (on PostgreSQL also with its meeting and centre).</summary>
    private async Task<(Taking, InfoMeetingBooking?)> TakeAsync(InfoMeeting meeting, InfoMeetingBooking booking, int districtId, MeetingKind kind,
        int? quota, bool waiting, CancellationToken ct)
    {
        var week = meeting.WeekStart;
        if (OnPostgres)
        {
            var (taking, id, bookedSeats) = await db.BookSeatAsync(booking, districtId, kind, week, quota, ct);
            return (taking, taking == Taking.Taken ? booking.StoredAs(id, meeting.WithSeatsBooked(bookedSeats)) : null);
        }
        // The booking is written first and the district's place and the seat are taken last, right before the commit:
        // other bookings of the week and the meeting wait for those two rows only that long.
        db.InfoMeetingBookings.Add(booking);
        await db.SaveChangesAsync(ct);
        var took = await db.TakePlaceAndSeatAsync(districtId, kind, week, quota, booking.InfoMeetingId, ct);
        if (took != Taking.Taken)
        {
            db.InfoMeetingBookings.Remove(booking);
            await db.SaveChangesAsync(ct);
            return (took, null);
        }
        if (waiting) await db.InfoMeetingWaits.Where(w => w.CaseId == booking.CaseId).ExecuteDeleteAsync(ct);
        return (took, booking);
    }

    /// <summary>The booking read back with its meeting and centre, for the answer, where they were not read with it.</summary>
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
