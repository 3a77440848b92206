using Jobbtorg.Data;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>
/// The guarded updates that hold seats and a district's weekly places (… SET n = n + 1 WHERE n &lt; limit), so on
/// SQLite and PostgreSQL alike a seat is never sold twice and a quota never exceeded. On SQLite they run inside the use
/// case's transaction, the quota place before the seat. On PostgreSQL a booking is one statement
/// (<see cref="BookSeatAsync"/>; <see cref="BookFirstFreeAsync"/> when it chooses the meeting itself) that locks the
/// meeting's row before the week's, as giving a seat back does: waits only ever form in one order.
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

    /// <summary>SQLite: takes the district's place in the week and a seat on the meeting, the place first, inside the use
    /// case's transaction. A place taken for a meeting found full is given back.</summary>
    public static async Task<Taking> TakePlaceAndSeatAsync(this JobbtorgDb db, int districtId, MeetingKind kind, DateOnly week, int? quota,
        int meetingId, CancellationToken ct)
    {
        if (!await db.TakeQuotaAsync(districtId, kind, week, quota, ct)) return Taking.QuotaUsedUp;
        if (await db.TakeSeatAsync(meetingId, ct)) return Taking.Taken;
        if (quota is not null) await db.GiveBackQuotaAsync(districtId, kind, week, ct);
        return Taking.Full;
    }

    /// <summary>
    /// PostgreSQL: takes a seat on the booking's meeting and the district's place in the week, stores the booking and
    /// ends the case's wait, in one statement. Outside a transaction it commits by itself, so other bookings of the meeting
    /// and the week wait for those two rows only while the server runs it, never for a round trip to the app. The meeting's
    /// row is locked first and the place is asked for only while it has a free seat, so a place is never taken for a seat
    /// that is not there. Returns the new booking's id and the meeting's booked seats when it was taken. Every column of
    /// the booking is written from <paramref name="booking"/> through the model, as a save would write it.
    /// </summary>
    public static async Task<(Taking Taking, int BookingId, int BookedSeats)> BookSeatAsync(this JobbtorgDb db, InfoMeetingBooking booking, int districtId,
        MeetingKind kind, DateOnly week, int? quota, CancellationToken ct)
    {
        if (quota <= 0) return (Taking.QuotaUsedUp, 0, 0);
        var parameters = PlaceParameters(booking, districtId, kind, quota);
        parameters.AddRange([new("booking_meeting", booking.InfoMeetingId), new("booking_week", week)]);
        var (columns, values) = db.BookingColumns(booking, parameters, "booking_c");
        // When the meeting is full a place that is used up still names the reason, as the place comes first on SQLite.
        var usedUp = quota is null
            ? "FALSE"
            : """
              EXISTS (SELECT 1 FROM "QuotaUsages" WHERE "DistrictId" = @booking_district AND "Kind" = @booking_kind AND "WeekStart" = @booking_week
                                                   AND "Used" >= @booking_quota)
              """;
        var sql = $"""
                   WITH meeting AS (
                       SELECT "WeekStart", "CancelledAt" IS NULL AND "BookedSeats" < "Capacity" AS "Free" FROM "InfoMeetings" WHERE "Id" = @booking_meeting FOR UPDATE),
                   {PlaceOf(quota, "meeting WHERE \"Free\"")},
                   seat AS (
                       UPDATE "InfoMeetings" SET "BookedSeats" = "BookedSeats" + 1
                       WHERE "Id" = @booking_meeting AND "CancelledAt" IS NULL AND "BookedSeats" < "Capacity" AND EXISTS (SELECT 1 FROM place)
                       RETURNING "BookedSeats"),
                   booking AS (
                       INSERT INTO "InfoMeetingBookings" ({columns}) SELECT {values} FROM seat
                       RETURNING "Id"),
                   waited AS (DELETE FROM "InfoMeetingWaits" WHERE "CaseId" = @booking_case AND EXISTS (SELECT 1 FROM booking))
                   SELECT CAST(CASE
                       WHEN EXISTS (SELECT 1 FROM booking) THEN (SELECT "Id" FROM booking)
                       WHEN EXISTS (SELECT 1 FROM meeting WHERE "Free") OR {usedUp} THEN -1
                       ELSE 0 END AS integer) AS "Outcome",
                       CAST(COALESCE((SELECT "BookedSeats" FROM seat), 0) AS integer) AS "BookedSeats"
                   """;
        var row = (await db.Database.SqlQueryRaw<SeatBooked>(sql, parameters.ToArray<object>()).ToListAsync(ct)).Single();
        return row.Outcome switch
        {
            > 0 => (Taking.Taken, row.Outcome, row.BookedSeats),
            0 => (Taking.Full, 0, 0),
            _ => (Taking.QuotaUsedUp, 0, 0),
        };
    }

    /// <summary>
    /// PostgreSQL: books the case automatically on the first of <paramref name="candidates"/> (the qualifying meetings in
    /// the policy's order, one column of their ids and one of their weeks) that still has a free seat when its row is
    /// locked, taking the district's place in its week, storing <paramref name="booking"/> for it and ending the case's
    /// wait, in one statement that commits by itself outside a transaction. Bookings that queue for the same meeting's
    /// row find it again after the one before them has committed: a meeting that has filled meanwhile is passed over for
    /// the next candidate (PostgreSQL checks a locked row against the query again), without a round trip to the app.
    /// Returns the booked meeting as it is after the booking; or the week whose places were found used up on a free
    /// meeting (ask again without that week); or neither when no candidate has a free seat.
    /// </summary>
    public static async Task<(InfoMeeting? Booked, int BookingId, DateOnly? WeekUsedUp)> BookFirstFreeAsync(this JobbtorgDb db,
        IQueryable<InfoMeeting> candidates, InfoMeetingBooking booking, int districtId, MeetingKind kind, int? quota, CancellationToken ct)
    {
        // The candidates' query is the policy's own LINQ, translated by EF Core; this statement locks its first row.
        await using var command = candidates.Select(m => new { m.Id, m.WeekStart }).Take(1).CreateDbCommand();
        var parameters = PlaceParameters(booking, districtId, kind, quota);
        var (columns, values) = db.BookingColumns(booking, parameters, "booking_c", meetingId: "seat.\"Id\"");
        command.CommandText = $"""
                               WITH meeting AS (
                               {command.CommandText}
                               FOR UPDATE),
                               {PlaceOf(quota, "meeting")},
                               seat AS (
                                   UPDATE "InfoMeetings" AS m SET "BookedSeats" = m."BookedSeats" + 1 FROM meeting
                                   WHERE m."Id" = meeting."Id" AND m."CancelledAt" IS NULL AND m."BookedSeats" < m."Capacity" AND EXISTS (SELECT 1 FROM place)
                                   RETURNING m.*),
                               booking AS (
                                   INSERT INTO "InfoMeetingBookings" ({columns}) SELECT {values} FROM seat
                                   RETURNING "Id"),
                               waited AS (DELETE FROM "InfoMeetingWaits" WHERE "CaseId" = @booking_case AND EXISTS (SELECT 1 FROM booking))
                               SELECT (SELECT "Id" FROM booking) AS "BookingId", (SELECT "WeekStart" FROM meeting) AS "TriedWeek", seat.*
                               FROM (SELECT 1) AS answer LEFT JOIN seat ON TRUE
                               """;
        command.Parameters.AddRange(parameters.ToArray());
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var bookingId = reader.GetFieldValue<int?>(reader.GetOrdinal("BookingId"));
            var tried = reader.GetFieldValue<DateOnly?>(reader.GetOrdinal("TriedWeek"));
            // A free meeting was locked, so its seat was refused only by the district's places in its week.
            return bookingId is { } id ? (db.ReadEntity<InfoMeeting>(reader), id, null) : (null, 0, tried);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The parameters both PostgreSQL booking statements name <c>booking_…</c> (EF Core's own parameters in the
    /// candidates' query keep their names).</summary>
    private static List<NpgsqlParameter> PlaceParameters(InfoMeetingBooking booking, int districtId, MeetingKind kind, int? quota) =>
    [
        new("booking_case", booking.CaseId), new("booking_district", districtId), new("booking_kind", kind.ToString()), new("booking_quota", quota ?? 0),
    ];

    /// <summary>The part of both PostgreSQL booking statements that takes the district's place in the week of the locked,
    /// free meeting (the rows of <paramref name="freeMeeting"/>, with its week) while the week has places left: a
    /// guarded upsert, the week's counter made by its first place. Without a quota the free seat alone decides.</summary>
    private static string PlaceOf(int? quota, string freeMeeting) => quota is null
        ? $"place AS (SELECT 1 FROM {freeMeeting})"
        : $"""
           place AS (
               INSERT INTO "QuotaUsages" ("DistrictId", "Kind", "WeekStart", "Used") SELECT @booking_district, @booking_kind, "WeekStart", 1 FROM {freeMeeting}
               ON CONFLICT ("DistrictId", "Kind", "WeekStart") DO UPDATE SET "Used" = "QuotaUsages"."Used" + 1 WHERE "QuotaUsages"."Used" < @booking_quota
               RETURNING 1)
           """;

    /// <summary>The booking's columns and its values as parameters (named <paramref name="prefix"/> and a number), through
    /// the model's converters, as a save would write them; the meeting's id from <paramref name="meetingId"/> when the
    /// statement chooses the meeting itself.</summary>
    private static (string Columns, string Values) BookingColumns(this JobbtorgDb db, InfoMeetingBooking booking, List<NpgsqlParameter> parameters, string prefix,
        string? meetingId = null)
    {
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var property in db.Model.FindEntityType(typeof(InfoMeetingBooking))!.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never))
        {
            columns.Add($"\"{property.GetColumnName()}\"");
            if (meetingId is not null && property.Name == nameof(InfoMeetingBooking.InfoMeetingId))
            {
                values.Add(meetingId);
                continue;
            }
            var value = property.GetGetter().GetClrValueUsingContainingEntity(booking);
            if (property.GetTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
            var name = prefix + columns.Count;
            parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            values.Add($"CAST(@{name} AS {property.GetColumnType()})");
        }
        return (string.Join(", ", columns), string.Join(", ", values));
    }

    /// <summary>What <see cref="BookSeatAsync"/>'s statement answers: the booking's id, or 0 for a full meeting and -1
    /// for places used up; and the meeting's booked seats after it.</summary>
    private sealed class SeatBooked
    {
        public int Outcome { get; init; }
        public int BookedSeats { get; init; }
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
