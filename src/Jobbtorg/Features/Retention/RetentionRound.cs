using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Retention;

/// <summary>
/// The daily retention round (gallring). A person whose last case closed <see cref="RetentionOptions.YearsAfterClosure"/>
/// years ago or more, with no open case, is erased: every row that hangs on their cases or on them is deleted, except
/// what the indicator report counts, which stays as pseudonymous facts (the case's dates, reasons, groups and benefit
/// flag; its pauses' dates; its placements' kinds and dates; the benefit month its follow-up names; the occupation
/// observations a municipal job's follow-up can use). Names, the personal number, free text, references to other
/// systems and who did what go. A report for a period before the round gives the same numbers after it.
/// <para>The rows to delete are found through the data model: every entity that (through foreign keys) hangs on a case
/// or a person goes, unless the report reads it (<see cref="ErasurePlan.KeptTypes"/>); a table added later is erased without a change here.</para>
/// <para>The round runs once a date under a lease, in batches of people, each batch in one transaction, and records
/// how much it deleted per kind (<see cref="RetentionRun"/>). Then the access log and the retention log lose what is
/// older than their own periods.</para>
/// </summary>
public sealed class RetentionRound(JobbtorgDb db, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionRound> log)
{
    public const string RoundLease = "retention:round";
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);
    private const int AccessLogBatch = 5000;

    private RetentionOptions Settings => options.Value;

    /// <summary>The last day of closure a person's last case may have to be erased on <paramref name="today"/>: the case
    /// closed on C goes on C + N years (29 February + N years is 28 February when that year has none).</summary>
    public static DateOnly LastClosureErasedOn(DateOnly today, int years)
    {
        var cutoff = today.AddYears(-years);
        return cutoff.AddDays(1).AddYears(years) <= today ? cutoff.AddDays(1) : cutoff;
    }

    /// <summary>Runs the round for <paramref name="today"/> unless it has finished already or another instance holds it.
    /// Null when it did not run now; else the day's run.</summary>
    public async Task<RetentionRun?> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        if (await db.RetentionRuns.AnyAsync(r => r.Date == today && r.FinishedAt != null, ct)) return null;
        if (!await Leases.TryTakeAsync(db, RoundLease, LeaseLength, clock, ct)) return null;
        try
        {
            return await RunHeldAsync(today, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await db.Set<Lease>().Where(l => l.Name == RoundLease).ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldUntil, now), CancellationToken.None);
        }
    }

    private async Task<RetentionRun> RunHeldAsync(DateOnly today, CancellationToken ct)
    {
        var run = await db.RetentionRuns.SingleOrDefaultAsync(r => r.Date == today, ct);
        if (run is null)
        {
            run = new RetentionRun { Date = today, StartedAt = clock.GetUtcNow() };
            db.RetentionRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        var lastClosure = LastClosureErasedOn(today, Settings.YearsAfterClosure);
        var keptDays = Settings.KeepBornOnDays.SelectMany(d => new[] { d.ToString("00"), (d + 60).ToString("00") }).ToList();
        var after = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var batchAfter = after;
            var people = await Due(lastClosure, keptDays).Where(p => p.Id > batchAfter)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(Settings.BatchSize).ToListAsync(ct);
            if (people.Count == 0) break;
            after = people[^1];
            db.ChangeTracker.Clear();
            await db.InTransactionWithRetryAsync(async () =>
            {
                // A referral or an import may have given one of them a new case since: the people are locked (a new
                // case's reference to its person waits for the lock on PostgreSQL; SQLite has one writer) and asked again.
                if (db.Database.IsNpgsql())
                {
                    // Only table and column names of the model and integers go into the statement.
                    var lockPeople = $"SELECT 1 FROM \"Participants\" WHERE \"Id\" IN ({Ids(people)}) FOR UPDATE";
                    await db.Database.ExecuteSqlRawAsync(lockPeople, ct);
                }
                var still = await Due(lastClosure, keptDays).Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
                if (still.Count == 0) return 0;
                var counts = await EraseAsync(still, today, ct);
                var current = await db.RetentionRuns.SingleAsync(r => r.Id == run.Id, ct);
                current.People += counts[nameof(db.Participants)];
                current.Cases += counts[nameof(db.Cases)];
                current.Add(counts);
                await db.SaveChangesAsync(ct);
                return still.Count;
            }, ct);
            db.ChangeTracker.Clear();
            var until = clock.GetUtcNow() + LeaseLength; // still ours: held on for the next batch
            await db.Set<Lease>().Where(l => l.Name == RoundLease).ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldUntil, until), ct);
        }

        db.ChangeTracker.Clear();
        var accessLog = await AgeAccessLogAsync(ct);
        var oldRuns = await db.RetentionRuns.Where(r => r.Date < today.AddYears(-Settings.RetentionLogYears)).ExecuteDeleteAsync(ct);
        var finished = await db.RetentionRuns.SingleAsync(r => r.Id == run.Id, ct);
        finished.AccessLogEntries += accessLog;
        finished.RetentionRuns += oldRuns;
        finished.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        log.LogInformation("Retention round for {Date}: {People} people and {Cases} cases erased, {AccessLog} access-log entries and {Runs} old runs deleted",
            today, finished.People, finished.Cases, finished.AccessLogEntries, finished.RetentionRuns);
        return finished;
    }

    /// <summary>The people to erase: not erased yet, with cases, none of them open or closed after
    /// <paramref name="lastClosure"/>, and not born on a day kept for research.</summary>
    private IQueryable<Participant> Due(DateOnly lastClosure, List<string> keptDays) =>
        db.Participants.AsNoTracking()
            .Where(p => p.ErasedOn == null
                        && db.Cases.Any(c => c.ParticipantId == p.Id)
                        && !db.Cases.Any(c => c.ParticipantId == p.Id && (c.ClosureDate == null || c.ClosureDate > lastClosure))
                        && !keptDays.Contains(p.PersonalNumber.Substring(6, 2)));

    /// <summary>Erases these people within the caller's transaction; the rows touched per kind.</summary>
    private async Task<Dictionary<string, int>> EraseAsync(IReadOnlyList<int> people, DateOnly today, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        var cases = await db.Cases.Where(c => people.Contains(c.ParticipantId)).Select(c => c.Id).ToListAsync(ct);
        var plan = ErasurePlan.For(db.Model);
        var roots = new Dictionary<IEntityType, string>
        {
            [plan.Case] = $"\"{plan.CaseKey}\" IN ({Ids(cases)})",
            [plan.Participant] = $"\"{plan.ParticipantKey}\" IN ({Ids(people)})",
        };

        // Whatever hangs on the people and their cases and the report does not read: deleted, dependants first.
        foreach (var step in plan.Deletions)
        {
            var where = plan.Belongs(step.Table, roots);
            // Only table and column names of the model and integers go into these statements.
            foreach (var selfReference in step.SelfReferences)
            {
                var clear = $"UPDATE {step.Table.Name} SET \"{selfReference}\" = NULL WHERE {where}";
                await db.Database.ExecuteSqlRawAsync(clear, ct);
            }
            var delete = $"DELETE FROM {step.Table.Name} WHERE {where}";
            var deleted = await db.Database.ExecuteSqlRawAsync(delete, ct);
            if (deleted > 0) counts[step.Table.Kind] = counts.GetValueOrDefault(step.Table.Kind) + deleted;
        }

        // What the report reads stays, without what identifies or tells about the person.
        counts["CasePauses"] = await db.CasePauses.Where(p => cases.Contains(p.CaseId) && p.Note != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Note, (string?)null), ct);
        // A placement keeps its kind, dates and matched (the report's); the employer, the note and who recorded it go.
        counts["Placements"] = await db.Placements
            .Where(p => cases.Contains(p.CaseId) && (p.EmployerOrganisationNumber != null || p.EmployerName != null || p.Note != null
                                                     || p.RecordedBy != null || p.EndedBy != null))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EmployerOrganisationNumber, (string?)null).SetProperty(p => p.EmployerName, (string?)null)
                .SetProperty(p => p.Note, (string?)null).SetProperty(p => p.RecordedBy, (string?)null).SetProperty(p => p.EndedBy, (string?)null), ct);
        // A programme membership keeps its programme, days and whether the programme took the person in (the programme
        // report's); who placed the case there and took it out go.
        counts["ProgrammeMemberships"] = await db.Set<Programmes.ProgrammeMembership>()
            .Where(m => cases.Contains(m.CaseId) && (m.JoinedBy != "" || m.LeftBy != null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedBy, "").SetProperty(m => m.LeftBy, (string?)null), ct);
        // The benefit month a case's follow-up names answers "still self-supporting"; the others go.
        counts["BenefitMonths"] = await db.BenefitMonths
            .Where(b => people.Contains(b.ParticipantId)
                        && !db.Cases.Any(c => c.ParticipantId == b.ParticipantId && c.FollowUpMonth == b.Month))
            .ExecuteDeleteAsync(ct);
        // An occupation observation counts only within the window around a municipal job's follow-up day.
        counts["OccupationObservations"] = await db.OccupationObservations
            .Where(o => people.Contains(o.ParticipantId)
                        && !db.Placements.Any(j => j.Kind == PlacementKind.MunicipalJob && j.FollowUpOn != null
                            && db.Cases.Any(c => c.Id == j.CaseId && c.ParticipantId == o.ParticipantId)
                            && o.Date >= j.FollowUpOn.Value.AddDays(-Reports.Indicators.ObservationWindowDays)
                            && o.Date <= j.FollowUpOn.Value.AddDays(Reports.Indicators.ObservationWindowDays)))
            .ExecuteDeleteAsync(ct);
        // The kept follow-up facts keep their value and source, not who at the job centre entered them or when.
        await db.BenefitMonths
            .Where(b => people.Contains(b.ParticipantId) && (b.RecordedBy != null || b.RecordedAt != null || b.InformedOn != null))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.RecordedBy, (string?)null).SetProperty(b => b.RecordedAt, (DateTimeOffset?)null)
                .SetProperty(b => b.InformedOn, (DateOnly?)null), ct);
        await db.OccupationObservations
            .Where(o => people.Contains(o.ParticipantId) && (o.RecordedBy != null || o.RecordedAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RecordedBy, (string?)null).SetProperty(o => o.RecordedAt, (DateTimeOffset?)null), ct);
        counts[nameof(db.Cases)] = await db.Cases.Where(c => cases.Contains(c.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CaseRef, c => "GALLRAD-" + c.Id.ToString())
                .SetProperty(c => c.ReferralText, (string?)null)
                .SetProperty(c => c.ReferredBy, "")
                .SetProperty(c => c.DistrictReferralId, (string?)null)
                .SetProperty(c => c.ConsentGiven, false)
                .SetProperty(c => c.ConsentDate, (DateOnly?)null)
                .SetProperty(c => c.CoachId, (string?)null)
                .SetProperty(c => c.CoachRef, (string?)null)
                .SetProperty(c => c.ClosureNote, (string?)null)
                .SetProperty(c => c.ClosedBy, (string?)null), ct);
        var participants = await db.Participants.Where(p => people.Contains(p.Id)).ToListAsync(ct);
        foreach (var p in participants)
        {
            p.PersonalNumber = Pseudonym(p.Id);
            p.FirstName = null;
            p.LastName = null;
            p.ErasedOn = today;
        }
        await db.SaveChangesAsync(ct);
        counts[nameof(db.Participants)] = participants.Count;
        return counts.Where(c => c.Value > 0 || c.Key is nameof(db.Participants) or nameof(db.Cases))
            .ToDictionary(c => c.Key, c => c.Value);
    }

    /// <summary>What an erased person's personal-number column holds: unique, twelve characters, and never a personal
    /// number (it begins with a letter).</summary>
    public static string Pseudonym(int participantId) => "X" + participantId.ToString("00000000000");

    private static string Ids(IEnumerable<int> ids) => string.Join(",", ids.DefaultIfEmpty(-1));

    /// <summary>Deletes the access-log entries older than their period, the oldest first, in batches. Only a beginning
    /// of the chain goes: an entry is kept when a newer-dated one comes before it, so the kept chain has no gap.</summary>
    private async Task<int> AgeAccessLogAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddYears(-Settings.AccessLogYears);
        var firstKept = await db.AccessLog.Where(e => e.At >= before && e.Sequence != null).MinAsync(e => e.Sequence, ct);
        var deleted = 0;
        while (true)
        {
            var ids = await db.AccessLog
                .Where(e => e.At < before && (firstKept == null || e.Sequence == null || e.Sequence < firstKept))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(AccessLogBatch).ToListAsync(ct);
            if (ids.Count == 0) return deleted;
            deleted += await db.AccessLog.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
