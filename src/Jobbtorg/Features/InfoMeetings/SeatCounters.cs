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
