using System.Linq.Expressions;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>
/// The log review's flags, in one place. Two are written on the entry when it is logged (protected identity, outside
/// one's caseload); the others are worked out here when the log is read:
/// <list type="bullet">
/// <item>outside one's centre: the reader works at a job centre and the case belongs to another centre that is not one of
/// its branches (the reader's centre and the case's centre as they are now; a case deleted since is not flagged);</item>
/// <item>out of hours: Stockholm time before <see cref="LogReviewOptions.OfficeHoursStart"/> or from
/// <see cref="LogReviewOptions.OfficeHoursEnd"/> on, or on a day that is not a working day (weekends, public holidays
/// and the eves treated as such, from the app's working calendar);</item>
/// <item>many people: one user or key read more than <see cref="LogReviewOptions.ManyPeopleThreshold"/> different people
/// within <see cref="LogReviewOptions.ManyPeopleWindow"/>; every entry of such a burst is flagged.</item>
/// </list>
/// All but the last are conditions in SQL over the indexed time column; the last reads the period's entries that name a
/// person (their ids, times and readers only) and slides a window over each reader's reads.
/// </summary>
public sealed class ReviewFlags(JobbtorgDb db, IOptions<LogReviewOptions> options)
{
    private readonly LogReviewOptions settings = options.Value;

    /// <summary>The instants [start, end) of the Stockholm days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Instants(DateOnly from, DateOnly to) =>
        (StartOf(from), StartOf(Dates.PlusDays(to, 1)));

    private static DateTimeOffset StartOf(DateOnly day) =>
        // Midnight always exists in Stockholm (summer time starts at 02:00).
        Clock.FromStockholm(day, TimeOnly.MinValue) ?? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The office hours of a day as instants, or null when the day is not a working day.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? OfficeHours(DateOnly day)
    {
        if (!WorkingDays.IsWorkingDay(day)) return null;
        var start = Clock.FromStockholm(day, settings.OfficeHoursStart) ?? StartOf(day);
        var end = Clock.FromStockholm(day, settings.OfficeHoursEnd) ?? StartOf(Dates.PlusDays(day, 1));
        return (start, end);
    }

    public bool IsOutOfHours(DateTimeOffset at) =>
        OfficeHours(DateOnly.FromDateTime(at.ToStockholm().DateTime)) is not { } hours || at < hours.Start || at >= hours.End;

    /// <summary>Out of hours, as SQL for entries within the days <paramref name="from"/> to <paramref name="to"/>: within
    /// none of the period's office hours.</summary>
    public Expression<Func<AccessLogEntry, bool>> OutOfHours(DateOnly from, DateOnly to)
    {
        var entry = Expression.Parameter(typeof(AccessLogEntry), "e");
        var at = Expression.Property(entry, nameof(AccessLogEntry.At));
        Expression within = Expression.Constant(false);
        foreach (var day in WorkingDays.Between(from, to))
        {
            if (OfficeHours(day) is not { } hours) continue;
            var inHours = Expression.AndAlso(
                Expression.GreaterThanOrEqual(at, Expression.Constant(hours.Start)),
                Expression.LessThan(at, Expression.Constant(hours.End)));
            within = Expression.OrElse(within, inHours);
        }
        return Expression.Lambda<Func<AccessLogEntry, bool>>(Expression.Not(within), entry);
    }

    /// <summary>The entries read by a job centre's staff member in a case of another centre that is not a branch of theirs.</summary>
    public IQueryable<AccessLogEntry> OutsideCentre(IQueryable<AccessLogEntry> entries) =>
        entries.Where(e => e.UserId != null && e.CaseId != null
            && db.Users.Any(u => u.Id == e.UserId && u.JobCentreId != null
                && db.Cases.Any(c => c.Id == e.CaseId && c.JobCentreId != u.JobCentreId
                    && db.JobCentres.Any(j => j.Id == c.JobCentreId && j.ParentId != u.JobCentreId))));

    /// <summary>The ids of the entries within [start, end) that belong to a burst of reads of many people. Only the reader
    /// filter narrows it: whether a read belongs to a burst depends on the reader's other reads.</summary>
    public async Task<HashSet<long>> ManyPeopleAsync(DateTimeOffset start, DateTimeOffset end, string? userId, string? who, CancellationToken ct)
    {
        var window = settings.ManyPeopleWindow;
        var reads = db.AccessLog.AsNoTracking().Where(e => e.ParticipantId != null && e.At >= start - window && e.At < end + window);
        reads = ReaderFilter(reads, userId, who);
        var rows = await reads.Select(e => new { e.Id, e.PrincipalKind, e.UserId, e.Principal, e.At, Person = e.ParticipantId!.Value }).ToListAsync(ct);
        var flagged = new HashSet<long>();
        foreach (var reader in rows.GroupBy(r => r.UserId ?? $"{r.PrincipalKind}:{r.Principal}"))
        {
            var ordered = reader.OrderBy(r => r.At).ThenBy(r => r.Id).ToList();
            var inWindow = new Dictionary<int, int>();
            int left = 0, markedUpTo = -1;
            for (var right = 0; right < ordered.Count; right++)
            {
                inWindow[ordered[right].Person] = inWindow.GetValueOrDefault(ordered[right].Person) + 1;
                while (ordered[left].At < ordered[right].At - window)
                {
                    var person = ordered[left].Person;
                    if (--inWindow[person] == 0) inWindow.Remove(person);
                    left++;
                }
                if (inWindow.Count <= settings.ManyPeopleThreshold) continue;
                for (var i = Math.Max(left, markedUpTo + 1); i <= right; i++)
                    if (ordered[i].At >= start && ordered[i].At < end) flagged.Add(ordered[i].Id);
                markedUpTo = right;
            }
        }
        return flagged;
    }

    /// <summary>The entries of a reader: a staff member by id, or anyone (user or key) whose name contains the text.</summary>
    public static IQueryable<AccessLogEntry> ReaderFilter(IQueryable<AccessLogEntry> entries, string? userId, string? who)
    {
        if (!string.IsNullOrEmpty(userId)) entries = entries.Where(e => e.UserId == userId);
        if (!string.IsNullOrWhiteSpace(who))
        {
            var text = who.Trim().ToLower();
            entries = entries.Where(e => e.Principal.ToLower().Contains(text));
        }
        return entries;
    }

    /// <summary>The entries with the flag, among entries already narrowed to the days <paramref name="from"/> to
    /// <paramref name="to"/> and the reader filter.</summary>
    public async Task<IQueryable<AccessLogEntry>> WithFlagAsync(IQueryable<AccessLogEntry> entries, LogFlag flag, DateOnly from, DateOnly to,
        string? userId, string? who, CancellationToken ct)
    {
        switch (flag)
        {
            case LogFlag.ProtectedIdentity: return entries.Where(e => e.ProtectedIdentity);
            case LogFlag.OutsideCaseload: return entries.Where(e => e.OutsideCaseload);
            case LogFlag.OutsideCentre: return OutsideCentre(entries);
            case LogFlag.OutOfHours: return entries.Where(OutOfHours(from, to));
            default:
                var (start, end) = Instants(from, to);
                var ids = await ManyPeopleAsync(start, end, userId, who, ct);
                return entries.Where(e => ids.Contains(e.Id));
        }
    }

    /// <summary>Every flagged entry of the days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<HashSet<long>> FlaggedAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = Instants(from, to);
        var period = db.AccessLog.AsNoTracking().Where(e => e.At >= start && e.At < end);
        var flagged = (await period.Where(e => e.ProtectedIdentity || e.OutsideCaseload).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        flagged.UnionWith(await period.Where(OutOfHours(from, to)).Select(e => e.Id).ToListAsync(ct));
        flagged.UnionWith(await OutsideCentre(period).Select(e => e.Id).ToListAsync(ct));
        flagged.UnionWith(await ManyPeopleAsync(start, end, null, null, ct));
        return flagged;
    }

    /// <summary>The flags of each of a few entries (a page of results), by entry id.</summary>
    public async Task<Dictionary<long, List<LogFlag>>> OfAsync(IReadOnlyCollection<AccessLogEntry> entries, CancellationToken ct)
    {
        var result = entries.ToDictionary(e => e.Id, _ => new List<LogFlag>());
        if (entries.Count == 0) return result;
        var ids = entries.Select(e => e.Id).ToList();
        var outsideCentre = (await OutsideCentre(db.AccessLog.AsNoTracking().Where(e => ids.Contains(e.Id))).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var many = new HashSet<long>();
        foreach (var reader in entries.Where(e => e.ParticipantId != null).GroupBy(e => (e.UserId, e.PrincipalKind, e.Principal)))
        {
            var start = reader.Min(e => e.At);
            var end = reader.Max(e => e.At).AddTicks(1);
            var burst = await ManyPeopleAsync(start, end, reader.Key.UserId, reader.Key.UserId is null ? reader.Key.Principal : null, ct);
            many.UnionWith(reader.Select(e => e.Id).Where(burst.Contains));
        }
        foreach (var e in entries)
        {
            var flags = result[e.Id];
            if (e.ProtectedIdentity) flags.Add(LogFlag.ProtectedIdentity);
            if (e.OutsideCaseload) flags.Add(LogFlag.OutsideCaseload);
            if (outsideCentre.Contains(e.Id)) flags.Add(LogFlag.OutsideCentre);
            if (many.Contains(e.Id)) flags.Add(LogFlag.ManyPeople);
            if (IsOutOfHours(e.At)) flags.Add(LogFlag.OutOfHours);
        }
        return result;
    }
}
