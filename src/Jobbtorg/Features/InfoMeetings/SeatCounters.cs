using Jobbtorg.Data;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>
/// The guarded updates that hold seats and a district's weekly places (… SET n = n + 1 WHERE n &lt; limit). They run
/// inside the use case's transaction, so on SQLite and PostgreSQL alike a seat is never sold twice and a quota never
/// exceeded. A booking always takes the quota place before the seat: waits then only ever form in one order and two
/// bookings cannot deadlock each other.
/// </summary>
internal static class SeatCounters
{
    /// <summary>The district's weekly places for the kind; null when it has none and only the seats limit it.</summary>
    public static Task<int?> WeeklyQuotaAsync(this JobbtorgDb db, int districtId, MeetingKind kind, CancellationToken ct) =>
        db.DistrictQuotas.Where(q => q.DistrictId == districtId && q.Kind == kind).Select(q => (int?)q.PlacesPerWeek).FirstOrDefaultAsync(ct);

    /// <summary>Takes one of the district's places in the week; false when they are used up. A district without a
    /// quota for the kind always has a place. One statement: the week's counter is made by the first place taken.</summary>
    public static async Task<bool> TakeQuotaAsync(this JobbtorgDb db, int districtId, MeetingKind kind, DateOnly week, int? quota, CancellationToken ct)
    {
        if (quota is null) return true;
        if (quota <= 0) return false;
        var kindName = kind.ToString();
        return await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "QuotaUsages" ("DistrictId", "Kind", "WeekStart", "Used") VALUES ({districtId}, {kindName}, {week}, 1)
             ON CONFLICT ("DistrictId", "Kind", "WeekStart") DO UPDATE SET "Used" = "QuotaUsages"."Used" + 1 WHERE "QuotaUsages"."Used" < {quota}
             """, ct) == 1;
    }

    /// <summary>Takes the district's place in the week and a seat on the meeting, the place first (see above). On
    /// PostgreSQL both in one statement, so that a booking holds the week's and the meeting's rows, which every booking of
    /// the week wants, one round trip less. A place taken for a meeting found full is given back.</summary>
    public static async Task<Taking> TakePlaceAndSeatAsync(this JobbtorgDb db, int districtId, MeetingKind kind, DateOnly week, int? quota,
        int meetingId, CancellationToken ct)
    {
        if (quota is null || quota <= 0 || !db.Database.IsNpgsql())
        {
            if (!await db.TakeQuotaAsync(districtId, kind, week, quota, ct)) return Taking.QuotaUsedUp;
            if (await db.TakeSeatAsync(meetingId, ct)) return Taking.Taken;
            if (quota is not null) await db.GiveBackQuotaAsync(districtId, kind, week, ct);
            return Taking.Full;
        }
        var kindName = kind.ToString();
        // Not composed into another query: PostgreSQL takes a WITH that writes only at the top of a statement. The seat's
        // update asks for the place's result before it touches the meeting's row, so the place is taken first, in the
        // order every booking takes them, and a refused place leaves the meeting's row alone.
        var taken = (await db.Database.SqlQuery<int>(
            $"""
             WITH place AS (
                 INSERT INTO "QuotaUsages" ("DistrictId", "Kind", "WeekStart", "Used") VALUES ({districtId}, {kindName}, {week}, 1)
                 ON CONFLICT ("DistrictId", "Kind", "WeekStart") DO UPDATE SET "Used" = "QuotaUsages"."Used" + 1 WHERE "QuotaUsages"."Used" < {quota}
                 RETURNING 1),
             seat AS (
                 UPDATE "InfoMeetings" SET "BookedSeats" = "BookedSeats" + 1
                 WHERE "Id" = {meetingId} AND "CancelledAt" IS NULL AND "BookedSeats" < "Capacity" AND EXISTS (SELECT 1 FROM place)
                 RETURNING 1)
             SELECT CAST((SELECT count(*) FROM place) + (SELECT count(*) FROM seat) AS integer) AS "Value"
             """).ToListAsync(ct)).Single();
        if (taken == 2) return Taking.Taken;
        if (taken == 0) return Taking.QuotaUsedUp;
        await db.GiveBackQuotaAsync(districtId, kind, week, ct);
        return Taking.Full;
    }

    public static Task GiveBackQuotaAsync(this JobbtorgDb db, int districtId, MeetingKind kind, DateOnly week, CancellationToken ct) =>
        db.QuotaUsages.Where(u => u.DistrictId == districtId && u.Kind == kind && u.WeekStart == week && u.Used > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Used, u => u.Used - 1), ct);

    /// <summary>Takes a seat on the meeting; false when it is full or cancelled.</summary>
    public static async Task<bool> TakeSeatAsync(this JobbtorgDb db, int meetingId, CancellationToken ct) =>
        await db.InfoMeetings.Where(m => m.Id == meetingId && m.CancelledAt == null && m.BookedSeats < m.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BookedSeats, m => m.BookedSeats + 1), ct) == 1;

    /// <summary>Stores a booking that was just cancelled (its meeting loaded) and gives its seat and the district's
    /// place back. Stored first, so that a new booking of the same case may take the case's one standing place.</summary>
    public static async Task GiveBackAsync(this JobbtorgDb db, InfoMeetingBooking cancelled, int districtId, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await db.InfoMeetings.Where(m => m.Id == cancelled.InfoMeetingId && m.BookedSeats > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BookedSeats, m => m.BookedSeats - 1), ct);
        await db.GiveBackQuotaAsync(districtId, cancelled.Meeting.Kind, cancelled.Meeting.WeekStart, ct);
    }
}

/// <summary>What taking a district's place and a seat came to.</summary>
internal enum Taking { Taken, QuotaUsedUp, Full }
