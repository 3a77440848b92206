using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// The access log's hash chain. Entries are sealed in batches: in one transaction, serialised across app instances, each
/// gets the next <see cref="AccessLogEntry.Sequence"/>, the previous entry's hash and its own hash over that and all of
/// its fields. Verification walks the chain in order and reports the first link that does not hold.
/// </summary>
public static class AccessLogChain
{
    /// <summary>The version of the serialisation the hash is taken over; written first into it.</summary>
    public const string Version = "v1";

    /// <summary>Any number: the PostgreSQL advisory lock that lets one sealer at a time extend the chain.</summary>
    private const long SealLock = 0x4A6F62_4C6F67; // "JobLog"

    /// <summary>Every stored property but the database-generated id.</summary>
    private static readonly string[] Columns = typeof(AccessLogEntry).GetProperties()
        .Select(p => p.Name).Where(name => name != nameof(AccessLogEntry.Id)).ToArray();

    /// <summary>Instants are kept to the microsecond, as PostgreSQL stores them, so that the hash reads back the same.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>Hex SHA-256 over the previous hash and the entry's fields, in a fixed, versioned order.</summary>
    public static string HashOf(AccessLogEntry e, string previousHash)
    {
        var fields = new object?[]
        {
            Version, previousHash, e.Sequence, e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.PrincipalKind.ToString(), e.Principal, e.UserId, e.ParticipantId, e.CaseId, e.CaseRef, e.Kind.ToString(), e.Action, e.Path,
            e.RemoteAddress, e.Reason, e.OutsideCaseload, e.ProtectedIdentity,
        };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields)));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// Appends the entries to the chain in one transaction and saves them. Rows go past EF's change tracker (binary
    /// COPY on PostgreSQL): a tracked insert cost several times the CPU of the whole seal, and every page read adds one.
    /// </summary>
    public static Task SealAsync(JobbtorgDb db, IReadOnlyList<AccessLogEntry> entries, CancellationToken ct = default) =>
        db.InTransactionWithRetryAsync(async () =>
        {
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SealLock})", ct);
            else // SQLite: take the file's write lock now, before the last link is read.
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AccessLog\" SET \"Id\" = \"Id\" WHERE 0", ct);
            var last = await db.AccessLog.AsNoTracking().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? "";
            foreach (var e in entries)
            {
                e.At = Truncate(e.At);
                e.Sequence = ++sequence;
                e.PreviousHash = previous;
                e.Hash = previous = HashOf(e, e.PreviousHash);
            }
            var writer = new BulkWriter(db, db.Database.CurrentTransaction!.GetDbTransaction());
            var table = writer.For<AccessLogEntry>(Columns);
            foreach (var e in entries) await writer.AddAsync(table, e, ct);
            await writer.FlushAsync(ct);
            return true;
        }, ct);

    /// <summary>
    /// Walks the chain from the oldest remaining entry, trusting its stored previous hash (older entries may have been
    /// deleted by retention), and reports the first broken link: a changed entry, a missing one or an unsealed one.
    /// </summary>
    public static async Task<ChainReport> VerifyAsync(JobbtorgDb db, CancellationToken ct = default)
    {
        long count = 0;
        long? expectedSequence = null;
        string? expectedPrevious = null;
        AccessLogEntry? first = null, lastSeen = null;
        if (await db.AccessLog.AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id).FirstOrDefaultAsync(ct) is { } unsealed)
            return ChainReport.Broken(null, unsealed.At, ChainProblem.Unsealed, count);
        const int page = 5000;
        long after = long.MinValue;
        while (true)
        {
            var batch = await db.AccessLog.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(page).ToListAsync(ct);
            foreach (var e in batch)
            {
                if (expectedSequence is { } want && e.Sequence != want)
                    return ChainReport.Broken(want, e.At, ChainProblem.Missing, count);
                if (expectedPrevious is not null && e.PreviousHash != expectedPrevious)
                    return ChainReport.Broken(e.Sequence, e.At, ChainProblem.Changed, count);
                if (HashOf(e, e.PreviousHash ?? "") != e.Hash)
                    return ChainReport.Broken(e.Sequence, e.At, ChainProblem.Changed, count);
                first ??= e;
                lastSeen = e;
                count++;
                expectedSequence = e.Sequence + 1;
                expectedPrevious = e.Hash;
            }
            if (batch.Count < page) break;
            after = batch[^1].Sequence!.Value;
        }
        return new ChainReport(true, null, null, null, count, first?.At, lastSeen?.At);
    }
}

public enum ChainProblem
{
    /// <summary>An entry's fields or hash do not match what was sealed.</summary>
    Changed,
    /// <summary>An entry is missing between two that remain (a gap in the sequence).</summary>
    Missing,
    /// <summary>An entry was added outside the chain.</summary>
    Unsealed,
}

/// <summary>The outcome of a verification: intact with its extent, or the first broken link.</summary>
public sealed record ChainReport(bool Intact, long? Sequence, DateTimeOffset? At, ChainProblem? Problem, long Entries, DateTimeOffset? From, DateTimeOffset? To)
{
    public static ChainReport Broken(long? sequence, DateTimeOffset at, ChainProblem problem, long verified) =>
        new(false, sequence, at, problem, verified, null, null);

    public override string ToString() => Intact
        ? Entries == 0 ? "The access log is intact: it holds no entries."
            : $"The access log is intact: {Entries} entries from {From:yyyy-MM-dd HH:mm:ss} to {To:yyyy-MM-dd HH:mm:ss} (UTC)."
        : Problem switch
        {
            ChainProblem.Missing => $"The access log is broken at sequence {Sequence} ({At:yyyy-MM-dd HH:mm:ss} UTC, the entry after the gap): an entry is missing; {Entries} entries before it hold.",
            ChainProblem.Unsealed => $"The access log is broken: an entry of {At:yyyy-MM-dd HH:mm:ss} UTC was added outside the chain.",
            _ => $"The access log is broken at sequence {Sequence} ({At:yyyy-MM-dd HH:mm:ss} UTC): the entry was changed; {Entries} entries before it hold.",
        };
}
