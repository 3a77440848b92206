using System.Data.Common;
using Jobbtorg.Data;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobbtorg.Features.Import;

/// <summary>A line the import refused, and why.</summary>
public sealed record BadLine(long Line, Message Reason);

/// <summary>The outcome of an import: events stored and skipped, or the bad lines (the first 1,000) and how many there were.</summary>
public sealed record ImportResult(int Imported, int Skipped, IReadOnlyList<BadLine> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>How far an import has come, for a progress bar.</summary>
public readonly record struct ImportProgress(string Phase, long Lines);

/// <summary>
/// Imports a case-event stream (domain.md "The case-event format"), all or nothing. The stream is copied to a
/// file in the app's spool folder (<see cref="ImportSpool"/>), then read twice inside one transaction: first every
/// line is checked against the rules and against what the database holds of what the stream touches, then — only if
/// no line was bad — the new events are written in bulk. The database is read a slice of lines at a time, and only for
/// what the slice names (its cases, its people and their cases, their follow-up facts), so an import costs what it
/// carries, not what the database holds. Memory holds a small state per case touched and a hash per event of those
/// cases, never the stream. Events already held (same canonical line) are skipped, so importing a stream twice stores
/// nothing the second time. A line is read as bytes through a fixed buffer: one longer than <see cref="MaxLineBytes"/>
/// is a bad line, skipped without ever being held in memory.
/// <para>Other writers are not shut out. On PostgreSQL one import runs at a time (an advisory lock), the stored cases
/// the stream changes are locked as they are read, and the unique indexes (a person's one open case, a personal
/// number, a case reference) decide a race with a referral made meanwhile: the import that lost it is checked and
/// stored again from the start, and then sees the referral. On SQLite the transaction holds the database's one write
/// lock, now only for as long as the stream takes.</para>
/// </summary>
public sealed class CaseEventImport(JobbtorgDb db, TimeProvider clock, ImportSpool spooling, ILogger<CaseEventImport> log)
{
    public const int MaxListedErrors = 1000;
    /// <summary>The longest line accepted; a real event is a few hundred bytes.</summary>
    public const int MaxLineBytes = 10_000;
    /// <summary>The key of the advisory lock that lets one import at a time run against a PostgreSQL database.</summary>
    private const long ImportLockKey = 0x4A6F62_496D706F; // "Job" "Impo"
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<ImportResult> ImportAsync(Stream ndjson, string importedBy, CancellationToken ct = default, IProgress<ImportProgress>? progress = null)
    {
        var spool = spooling.NewFile();
        try
        {
            await using (var file = ImportSpool.Create(spool))
                await ndjson.CopyToAsync(file, ct);

            await OneAtATime.WaitAsync(ct);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await ImportSpooledAsync(spool, importedBy, progress, ct);
                    }
                    catch (Exception e) when (attempt < TransactionRetry.MaxAttempts && db.Database.IsNpgsql() && TransactionRetry.LostARace(e))
                    {
                        // A referral or case change made meanwhile won a unique index or a lock: check again against it.
                        log.LogInformation("Import by {ImportedBy} met a concurrent change; checking the stream again (attempt {Attempt})", importedBy, attempt + 1);
                        await Task.Delay(Random.Shared.Next(10, 50) * attempt, ct);
                    }
                }
            }
            finally
            {
                OneAtATime.Release();
            }
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private async Task<ImportResult> ImportSpooledAsync(string spool, string importedBy, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await BeginAsync(ct);
            var run = new Run(db, clock.Today(), importedBy, clock.GetUtcNow(), transaction);
            progress?.Report(new("reading", 0));
            await run.LoadReferenceDataAsync(ct);
            await run.CheckAsync(spool, progress, ct);
            var checkedAt = started.ElapsedMilliseconds;
            if (run.ErrorCount > 0)
            {
                await transaction.RollbackAsync(ct);
                log.LogInformation("Import by {ImportedBy} refused: {ErrorCount} bad lines of {Lines}", importedBy, run.ErrorCount, run.Lines);
                return new ImportResult(0, 0, run.Errors, run.ErrorCount);
            }
            await run.StoreAsync(spool, progress, ct);
            await transaction.CommitAsync(ct);
            log.LogInformation("Import by {ImportedBy}: {Imported} events stored, {Skipped} already present, {Lines} lines in {Elapsed} ms " +
                               "(lines checked {Checked} ms, {CasesRead} stored cases read, stored {Stored} ms)",
                importedBy, run.Imported, run.Skipped, run.Lines, started.ElapsedMilliseconds, checkedAt, run.StoredCasesRead, started.ElapsedMilliseconds - checkedAt);
            return new ImportResult(run.Imported, run.Skipped, [], 0);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null);
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The import's write transaction, taken before reading, so that what was checked is what is written to.</summary>
    private async Task<DbTransaction> BeginAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        // SQLite: BEGIN IMMEDIATE takes the write lock at once.
        var transaction = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        // PostgreSQL: one import at a time, also across app instances; referrals and case work carry on beside it.
        if (connection is NpgsqlConnection)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", ct);
        return transaction;
    }

    private sealed class Run(JobbtorgDb db, DateOnly today, string importedBy, DateTimeOffset now, DbTransaction transaction)
    {
        private readonly Dictionary<string, CaseState> cases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PersonState> people = new(StringComparer.Ordinal);
        private readonly EventFingerprints fingerprints = new();
        /// <summary>Follow-up facts by person, kind and date: the value, and whether it was in the database before.</summary>
        private readonly Dictionary<(string Person, CaseEventType Type, DateOnly Date), (int Value, bool Stored)> followUps = [];
        private readonly List<(long Line, string Person)> followUpsOfUnknownPeople = [];
        private readonly HashSet<string> refusedCases = new(StringComparer.Ordinal);
        private readonly HashSet<long> correctionLines = [];
        /// <summary>The lines to store, in order; the second reading walks along them.</summary>
        private readonly List<long> newLines = [];
        private int nextNew;
        private Dictionary<string, int> districtIds = [];
        private Dictionary<string, int> centreIds = [];
        private Dictionary<int, (int Adult, int? Youth)> servingCentres = [];
        private Dictionary<string, (string Id, int? Centre)> users = [];
        private CaseRules rules = null!;

        public List<BadLine> Errors { get; } = [];
        public int ErrorCount { get; private set; }
        public long Lines { get; private set; }
        public int Imported { get; private set; }
        public int Skipped { get; private set; }

        /// <summary>Stored cases read with their events, for the log.</summary>
        public int StoredCasesRead { get; private set; }

        /// <summary>Lines checked together: what they touch is read from the database in one go before they are checked.</summary>
        private const int SliceLines = 5_000;
        private readonly HashSet<string> casesLookedUp = new(StringComparer.Ordinal);
        private readonly HashSet<string> peopleLookedUp = new(StringComparer.Ordinal);
        private readonly HashSet<string> followUpsLookedUp = new(StringComparer.Ordinal);
        private readonly HashSet<(string CaseRef, DateOnly Date)> attendanceLookedUp = [];

        public async Task LoadReferenceDataAsync(CancellationToken ct)
        {
            districtIds = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
            servingCentres = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.AdultJobCentreId, d.YouthJobCentreId), ct);
            centreIds = await db.JobCentres.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
            users = (await db.Users.AsNoTracking().Where(u => u.UserName != null).Select(u => new { u.UserName, u.Id, u.JobCentreId }).ToListAsync(ct))
                .ToDictionary(u => u.UserName!, u => (u.Id, u.JobCentreId), StringComparer.OrdinalIgnoreCase);
            rules = new CaseRules(centreIds,
                (coach, centre) => users.TryGetValue(coach, out var u) && u.Centre == centre ? u.Id : null,
                (person, date) => Identity.PersonalNumber.TryParse(person, today, out var pn, out _) ? pn.AgeOn(date) : null);
        }

        /// <summary>
        /// Reads what these lines touch and the database holds, each thing once per import: the people that referrals and
        /// follow-up lines name, with every case of theirs (dates and status, for the one-open-case rule) and, for
        /// follow-up lines, their benefit months and occupation statuses; and the cases that case lines name, with
        /// their events replayed into the same state and fingerprints a stream would give.
        /// </summary>
        private async Task LoadWhatTheLinesTouchAsync(IEnumerable<CaseEvent> events, CancellationToken ct)
        {
            var caseRefs = new List<string>();
            var persons = new List<string>();
            var followUpPersons = new List<string>();
            var attendanceDays = new List<(string CaseRef, DateOnly Date)>();
            foreach (var e in events)
            {
                if (e.IsCaseEvent)
                {
                    if (!(cases.TryGetValue(e.CaseRef!, out var known) && known.Replayed) && casesLookedUp.Add(e.CaseRef!)) caseRefs.Add(e.CaseRef!);
                    if (e.Type == CaseEventType.Attendance && attendanceLookedUp.Add((e.CaseRef!, e.Date))) attendanceDays.Add((e.CaseRef!, e.Date));
                    if (e.Type == CaseEventType.Referral && peopleLookedUp.Add(e.PersonalNumber!)) persons.Add(e.PersonalNumber!);
                }
                else
                {
                    if (peopleLookedUp.Add(e.PersonalNumber!)) persons.Add(e.PersonalNumber!);
                    if (followUpsLookedUp.Add(e.PersonalNumber!)) followUpPersons.Add(e.PersonalNumber!);
                }
            }
            if (persons.Count > 0) await LoadPeopleAsync(persons, ct);
            if (caseRefs.Count > 0) await LoadCasesAsync(caseRefs, ct);
            if (attendanceDays.Count > 0) await LoadAttendanceDaysAsync(attendanceDays, ct);
            if (followUpPersons.Count > 0) await LoadFollowUpsAsync(followUpPersons, ct);
        }

        /// <summary>The stored attendance rows of the days the lines name, so that a line already held is skipped.</summary>
        private async Task LoadAttendanceDaysAsync(List<(string CaseRef, DateOnly Date)> days, CancellationToken ct)
        {
            var named = days.Where(d => cases.TryGetValue(d.CaseRef, out var c) && c.Existing && c.Id is not null)
                .Select(d => (Id: cases[d.CaseRef].Id!.Value, d.CaseRef, d.Date)).ToList();
            var refOf = named.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().CaseRef);
            var wanted = named.Select(d => (d.Id, d.Date)).ToHashSet();
            foreach (var chunk in named.Chunk(1000))
            {
                var ids = chunk.Select(d => d.Id).Distinct().ToList();
                var dates = chunk.Select(d => d.Date).Distinct().ToList();
                var rows = await db.AttendanceDays.AsNoTracking().Where(a => ids.Contains(a.CaseId) && dates.Contains(a.Date))
                    .Select(a => new { a.CaseId, a.Date, a.Status }).ToListAsync(ct);
                foreach (var a in rows.Where(a => wanted.Contains((a.CaseId, a.Date))))
                    fingerprints.Add(new CaseEvent { Type = CaseEventType.Attendance, CaseRef = refOf[a.CaseId], Date = a.Date, AttendanceStatus = a.Status });
            }
        }

        private async Task LoadPeopleAsync(List<string> personalNumbers, CancellationToken ct)
        {
            var found = await db.Participants.AsNoTracking().Where(p => personalNumbers.Contains(p.PersonalNumber))
                .Select(p => new { p.Id, p.PersonalNumber, p.Gender }).ToListAsync(ct);
            if (found.Count == 0) return;
            var byId = new Dictionary<int, PersonState>();
            var personalNumberOf = new Dictionary<int, string>();
            foreach (var p in found)
            {
                people[p.PersonalNumber] = byId[p.Id] = PersonState.Stored(p.Id, p.Gender);
                personalNumberOf[p.Id] = p.PersonalNumber;
            }
            var ids = byId.Keys.ToList();
            var stored = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.ParticipantId))
                .Select(c => new { c.Id, c.CaseRef, c.ParticipantId, c.DistrictId, c.TargetGroup, c.NewlyArrived, c.ReferralDate, c.Status, c.ClosureDate, c.JobCentreId })
                .ToListAsync(ct);
            foreach (var c in stored.OrderBy(c => c.Id))
            {
                var person = byId[c.ParticipantId];
                // Only the date: the person keeps the gender stored with them until the stream refers them later.
                person.Referred(c.ReferralDate, person.Gender);
                if (!cases.TryGetValue(c.CaseRef, out var state))
                {
                    // Its dates and status are all the rule needs until a line names the case; then its events are read.
                    state = NewState(c.CaseRef, personalNumberOf[c.ParticipantId], c.DistrictId, c.TargetGroup, c.NewlyArrived,
                        c.ReferralDate, line: 0, existing: true);
                    state.Id = c.Id;
                    state.ParticipantId = c.ParticipantId;
                    state.JobCentreId = c.JobCentreId;
                    state.Life = state.Life with { Status = c.Status, Closure = c.ClosureDate };
                    cases[c.CaseRef] = state;
                }
                person.Cases.Add(state);
            }
        }

        private async Task LoadCasesAsync(List<string> caseRefs, CancellationToken ct)
        {
            if (transaction.Connection is NpgsqlConnection)
            {
                // Locked before they are read, so that the state checked is the state the import writes over; case work on
                // them waits for the import, other cases are not touched.
                await using var command = transaction.Connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT \"Id\" FROM \"Cases\" WHERE \"CaseRef\" = ANY(@refs) ORDER BY \"Id\" FOR UPDATE";
                command.Parameters.Add(new NpgsqlParameter<string[]>("refs", caseRefs.ToArray()));
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) { }
            }
            await foreach (var stored in new StoredEvents(db).CasesAsync(caseRefs, everyAttendanceDay: false, ct))
            {
                StoredCasesRead++;
                var referral = stored.Events[0];
                if (!cases.TryGetValue(stored.CaseRef, out var state))
                {
                    state = NewState(referral, line: 0, existing: true);
                    cases[state.CaseRef] = state;
                }
                state.Id = stored.Id;
                state.ParticipantId = stored.ParticipantId;
                state.PlanNumber = stored.LastPlanNumber;
                state.StoredOpenPauseId = stored.OpenPauseId;
                state.Life = CaseLifecycle.Referred(referral.Date);
                state.Replayed = true;
                fingerprints.Add(referral);
                // The latest attendance day stands for them all: the lifecycle keeps only the latest recorded day. It
                // takes its place in the order the stored events have (after plans and pauses, before placements and
                // the closure of the same day).
                var latestAttendance = stored.LatestAttendance;
                foreach (var e in stored.Events.Skip(1))
                {
                    if (latestAttendance is { } day && (e.Date > day || (e.Date == day && e.Type is CaseEventType.Placement or CaseEventType.Closure)))
                    {
                        rules.Apply(state, new CaseEvent { Type = CaseEventType.Attendance, CaseRef = state.CaseRef, Date = day });
                        latestAttendance = null;
                    }
                    fingerprints.Add(e);
                    rules.Apply(state, e);
                }
                if (latestAttendance is { } last) rules.Apply(state, new CaseEvent { Type = CaseEventType.Attendance, CaseRef = state.CaseRef, Date = last });
                // The row is the truth where a rule would read it differently (a coach at another centre, say).
                state.JobCentreId = stored.JobCentreId;
                state.Life = state.Life with { Status = stored.Status };
            }
        }

        private async Task LoadFollowUpsAsync(List<string> personalNumbers, CancellationToken ct)
        {
            var ids = personalNumbers.Select(p => people.TryGetValue(p, out var person) ? person.ParticipantId : null).OfType<int>().ToList();
            if (ids.Count == 0) return;
            await foreach (var f in new StoredEvents(db).FollowUpsAsync(ids, ct))
                followUps[(f.PersonalNumber!, f.Type, f.Date)] = (FollowUpValue(f), true);
        }

        /// <summary>First reading: every line is checked; nothing is written.</summary>
        public async Task CheckAsync(string spool, IProgress<ImportProgress>? progress, CancellationToken ct)
        {
            var slice = new List<(long Line, CaseEvent? Event, Message? Error)>(SliceLines);
            await foreach (var read in ReadAsync(spool, ct))
            {
                slice.Add(read);
                if (slice.Count < SliceLines) continue;
                await CheckSliceAsync(slice, progress, ct);
                slice.Clear();
            }
            await CheckSliceAsync(slice, progress, ct);
            CheckOneOpenCasePerPerson();
            foreach (var (line, person) in followUpsOfUnknownPeople)
                if (!people.ContainsKey(person))
                    Fail(line, new Message("No case in the database or in the stream has this personal number."));
            if (ErrorCount > 0) Errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        private async Task CheckSliceAsync(List<(long Line, CaseEvent? Event, Message? Error)> slice, IProgress<ImportProgress>? progress, CancellationToken ct)
        {
            await LoadWhatTheLinesTouchAsync(slice.Where(r => r.Event is not null && r.Error is null).Select(r => r.Event!), ct);
            foreach (var (line, e, error) in slice)
            {
                if (line % 50_000 == 0) progress?.Report(new("checking", line));
                if (error is not null) { Fail(line, error); continue; }
                if (e is null) continue;
                if (Check(line, e) is { } reason) Fail(line, reason);
            }
        }

        private Message? Check(long line, CaseEvent e)
        {
            if (!e.IsCaseEvent) return CheckFollowUp(line, e);

            if (e.Type == CaseEventType.Referral)
            {
                if (cases.TryGetValue(e.CaseRef!, out var known))
                {
                    if (!fingerprints.Add(e)) { Skipped++; return null; }
                    return known.Existing
                        ? new Message("The case {0} already exists with a different referral.", e.CaseRef)
                        : new Message("The case {0} was already referred on line {1}.", e.CaseRef, known.ReferralLine);
                }
                if (!districtIds.ContainsKey(e.District!))
                {
                    // The case's later lines are not reported again: the referral's line says what is wrong.
                    refusedCases.Add(e.CaseRef!);
                    return new Message("There is no district with the code '{0}'.", e.District);
                }
                fingerprints.Add(e);
                var state = NewState(e, line, existing: false);
                cases[state.CaseRef] = state;
                // A person referred again may carry another gender: it is the referral's (domain.md "Settled readings").
                if (!people.TryGetValue(e.PersonalNumber!, out var person)) people[e.PersonalNumber!] = person = new PersonState();
                person.Referred(e.Date, e.Gender);
                person.Cases.Add(state);
                MarkNew(line);
                return null;
            }

            if (!cases.TryGetValue(e.CaseRef!, out var c))
                return refusedCases.Contains(e.CaseRef!) ? null : new Message("There is no referral for the case {0} before this line.", e.CaseRef);
            if (!fingerprints.Add(e)) { Skipped++; return null; }
            if (rules.Apply(c, e) is { } reason)
            {
                fingerprints.Remove(e);
                return reason;
            }
            if (c.Existing) c.Changed = true;
            MarkNew(line);
            return null;
        }

        private Message? CheckFollowUp(long line, CaseEvent e)
        {
            var key = (e.PersonalNumber!, e.Type, e.Date);
            var value = FollowUpValue(e);
            if (followUps.TryGetValue(key, out var held))
            {
                if (held.Value == value) { Skipped++; return null; }
                if (!held.Stored)
                    return e.Type == CaseEventType.BenefitMonth
                        ? new Message("An earlier line gives this person another benefit status for the same month.")
                        : new Message("An earlier line gives this person another occupation status on the same date.");
            }
            // A different value for a fact already stored is a correction: it replaces the stored one.
            if (held.Stored) correctionLines.Add(line);
            followUps[key] = (value, false);
            if (!people.ContainsKey(e.PersonalNumber!)) followUpsOfUnknownPeople.Add((line, e.PersonalNumber!));
            MarkNew(line);
            return null;
        }

        /// <summary>A person has at most one open case: each case must be closed on or before the next one's referral.</summary>
        private void CheckOneOpenCasePerPerson()
        {
            foreach (var person in people.Values.Where(p => p.Cases.Count > 1))
            {
                var ordered = person.Cases.OrderBy(c => c.Life.ReferralDate).ThenBy(c => c.Life.Closure ?? DateOnly.MaxValue).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    var (earlier, later) = (ordered[i - 1], ordered[i]);
                    if (earlier.Life.Closure is { } closed && closed <= later.Life.ReferralDate) continue;
                    var (reported, other) = later.Existing ? (earlier, later) : (later, earlier);
                    if (reported.Existing) continue;
                    Fail(reported.ReferralLine, new Message("The person already has an open case ({0}) on this case's dates; a person has at most one open case.", other.CaseRef));
                }
            }
        }

        /// <summary>Second reading: the lines marked new are written.</summary>
        public async Task StoreAsync(string spool, IProgress<ImportProgress>? progress, CancellationToken ct)
        {
            var writer = new BulkWriter(db, transaction);
            var participantsTable = writer.For<Participant>(nameof(Participant.Id), nameof(Participant.PersonalNumber), nameof(Participant.Gender), nameof(Participant.ProtectedIdentity));
            var casesTable = writer.ForEntity<Case>();
            var pauses = writer.For<CasePause>(nameof(CasePause.CaseId), nameof(CasePause.PausedOn), nameof(CasePause.ResumedOn), nameof(CasePause.Reason));
            var plans = writer.For<PlanVersion>(nameof(PlanVersion.CaseId), nameof(PlanVersion.Number), nameof(PlanVersion.Status), nameof(PlanVersion.CreatedAt),
                nameof(PlanVersion.CreatedBy), nameof(PlanVersion.AgreedOn), nameof(PlanVersion.AgreementRecordedBy));
            var meetings = writer.For<InfoMeetingOutcome>(nameof(InfoMeetingOutcome.CaseId), nameof(InfoMeetingOutcome.Date), nameof(InfoMeetingOutcome.Attended));
            var attendance = writer.For<AttendanceDay>(nameof(AttendanceDay.CaseId), nameof(AttendanceDay.Date), nameof(AttendanceDay.Status));
            var placements = writer.For<Placement>(nameof(Placement.CaseId), nameof(Placement.Kind), nameof(Placement.StartDate), nameof(Placement.EndDate),
                nameof(Placement.FollowUpOn), nameof(Placement.EmployerOrganisationNumber), nameof(Placement.Matched));
            var months = writer.For<BenefitMonth>(nameof(BenefitMonth.ParticipantId), nameof(BenefitMonth.Month), nameof(BenefitMonth.ReceivesBenefit));
            var assessments = writer.For<Assessment>(nameof(Assessment.CaseId), nameof(Assessment.Instrument), nameof(Assessment.Status),
                nameof(Assessment.Answers), nameof(Assessment.AssessedOn), nameof(Assessment.SuggestedAvailability), nameof(Assessment.SuggestedNeedCategory),
                nameof(Assessment.Availability), nameof(Assessment.NeedCategory), nameof(Assessment.StartedBy), nameof(Assessment.StartedAt),
                nameof(Assessment.UpdatedAt), nameof(Assessment.SignedBy), nameof(Assessment.SignedAt), nameof(Assessment.ByDistrict),
                nameof(Assessment.Imported), nameof(Assessment.Version));
            var observations = writer.For<OccupationObservation>(nameof(OccupationObservation.ParticipantId), nameof(OccupationObservation.Date), nameof(OccupationObservation.Status));

            progress?.Report(new("storing", 0));
            var participantIds = await NewIdsAsync("Participants", people.Values.Count(p => p.ParticipantId is null), ct);
            var caseIds = await NewIdsAsync("Cases", cases.Values.Count(c => !c.Existing), ct);
            var corrections = new List<CaseEvent>();
            // People a referral line marks as having protected identity; a line without the marking removes none.
            var markedProtected = new HashSet<int>();

            // Stored cases first: a stored case closed by the stream gives up its person's open-case place before a new
            // case of theirs takes it.
            foreach (var c in cases.Values.Where(c => c.Changed)) await UpdateCaseAsync(writer, casesTable, c, ct);
            // A stored person referred again later, with another gender, now shows that one.
            var genderColumn = participantsTable.IndexOf(nameof(Participant.Gender));
            foreach (var person in people.Values.Where(p => p.StoredGender is { } stored && stored != p.Gender))
                await writer.ExecuteAsync(
                    $"UPDATE {BulkWriter.Quote(participantsTable.Name)} SET {BulkWriter.Quote(participantsTable.Column(nameof(Participant.Gender)))} = @p0 WHERE \"Id\" = @p1",
                    [participantsTable.ToProvider(genderColumn, person.Gender), person.ParticipantId], ct);

            async Task<int> ParticipantIdAsync(string personalNumber)
            {
                var person = people[personalNumber];
                if (person.ParticipantId is { } id) return id;
                person.ParticipantId = participantIds.Dequeue();
                await writer.AddAsync(participantsTable, [person.ParticipantId, personalNumber, person.Gender, false], ct);
                return person.ParticipantId.Value;
            }

            async Task WritePauseAsync(CaseState c, DateOnly resumedOn)
            {
                if (c.PendingPause is { } pause)
                    await writer.AddAsync(pauses, [c.Id, pause.Date, resumedOn, pause.PauseReason], ct);
                else if (c.StoredOpenPauseId is { } stored)
                    await writer.ExecuteAsync($"UPDATE \"{pauses.Name}\" SET {BulkWriter.Quote(pauses.Column(nameof(CasePause.ResumedOn)))} = @p0 WHERE \"Id\" = @p1",
                        [resumedOn, stored], ct);
                c.PendingPause = null;
                c.StoredOpenPauseId = null;
            }

            await foreach (var (line, e, _) in ReadAsync(spool, ct))
            {
                if (line % 50_000 == 0) progress?.Report(new("storing", line));
                if (e is null || !IsNew(line)) continue;
                Imported++;
                if (!e.IsCaseEvent)
                {
                    var participant = await ParticipantIdAsync(e.PersonalNumber!);
                    if (correctionLines.Contains(line)) corrections.Add(e);
                    else if (e.Type == CaseEventType.BenefitMonth) await writer.AddAsync(months, [participant, e.Date, e.ReceivesBenefit], ct);
                    else await writer.AddAsync(observations, [participant, e.Date, e.OccupationStatus], ct);
                    continue;
                }

                var c = cases[e.CaseRef!];
                switch (e.Type)
                {
                    case CaseEventType.Referral:
                    {
                        var participant = await ParticipantIdAsync(e.PersonalNumber!);
                        if (e.ProtectedIdentity) markedProtected.Add(participant);
                        c.Id = caseIds.Dequeue();
                        // The row is written with the state the whole stream leads to.
                        await writer.AddAsync(casesTable, RowOf(c, participant, e), ct);
                        break;
                    }
                    case CaseEventType.InfoMeeting:
                        await writer.AddAsync(meetings, [c.Id, e.Date, e.Attended], ct);
                        break;
                    case CaseEventType.PlanAgreed:
                        await writer.AddAsync(plans, [c.Id, ++c.PlanNumber, PlanStatus.Agreed, now, importedBy, e.Date, importedBy], ct);
                        break;
                    case CaseEventType.Pause:
                        c.PendingPause = e;
                        break;
                    case CaseEventType.Resume:
                        await WritePauseAsync(c, e.Date);
                        break;
                    case CaseEventType.Attendance:
                        await writer.AddAsync(attendance, [c.Id, e.Date, e.AttendanceStatus], ct);
                        break;
                    case CaseEventType.Placement:
                        await writer.AddAsync(placements, [c.Id, e.PlacementKind, e.Date, e.End, Placement.FollowUpDay(e.End), e.Employer, e.Matched], ct);
                        break;
                    case CaseEventType.Assessment:
                        // As Assessment.FromImport makes it: signed, with its result and date, no version and no answers. The
                        // case's first assessment (A1) is in the case row, written with the state the stream leads to.
                        await writer.AddAsync(assessments, [c.Id, e.Instrument, AssessmentStatus.Signed, "{}", e.Date, e.Availability, e.NeedCategory,
                            e.Availability, e.NeedCategory, importedBy, now, now, importedBy, now, false, true, 0], ct);
                        break;
                    case CaseEventType.Closure:
                        if (c.PendingPause is not null || c.StoredOpenPauseId is not null) await WritePauseAsync(c, e.Date);
                        break;
                }
            }
            // Pauses still open at the end of the stream.
            foreach (var c in cases.Values.Where(c => c.PendingPause is not null))
                await writer.AddAsync(pauses, [c.Id, c.PendingPause!.Date, null, c.PendingPause.PauseReason], ct);
            await writer.FlushAsync(ct);
            foreach (var chunk in markedProtected.Chunk(1000))
                await db.Participants.Where(p => chunk.Contains(p.Id) && !p.ProtectedIdentity)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.ProtectedIdentity, true)
                        .SetProperty(p => p.ProtectedIdentityChangedAt, now).SetProperty(p => p.ProtectedIdentityChangedBy, importedBy), ct);
            foreach (var e in corrections) await CorrectAsync(writer, e.Type == CaseEventType.BenefitMonth ? months : observations, e, ct);
            // Stored cases the stream closed give up their proposals under way, as a closure on the page does.
            var closedStored = cases.Values.Where(c => c.Existing && c.Changed && c.Life.Status == CaseStatus.Closed).Select(c => c.Id!.Value).ToList();
            if (closedStored.Count > 0)
                await Matching.ProposalWork.WithdrawForClosedCasesAsync(db, closedStored, importedBy, today, now, ct);
            // The stream's people: their cases' follow-up months and benefit months may have changed.
            await FollowUpBenefit.RefreshAsync(db, people.Values.Select(p => p.ParticipantId)
                .Concat(cases.Values.Select(c => c.ParticipantId)).OfType<int>().ToHashSet(), ct);
            progress?.Report(new("storing", Lines));
        }

        /// <summary>The case as the entity holds it after the stream's events; <paramref name="referral"/> gives a new
        /// case's facts (a stored case keeps its own, and only <see cref="Case.ImportedStateProperties"/> are written).</summary>
        private Case RowOf(CaseState c, int participantId, CaseEvent? referral)
        {
            var row = new Case
            {
                Id = c.Id!.Value, CaseRef = c.CaseRef, ParticipantId = participantId, DistrictId = c.DistrictId, TargetGroup = c.TargetGroup,
                NewlyArrived = c.NewlyArrived, ReferralDate = c.Life.ReferralDate, ReferredAt = now, ReferredBy = importedBy,
                Channel = ReferralChannel.Import,
            };
            if (referral is not null)
            {
                row.Gender = referral.Gender;
                row.ReceivesBenefit = referral.ReceivesBenefit;
                row.HasChildren = referral.HasChildren;
                row.NewlyUnemployed = referral.NewlyUnemployed;
            }
            row.ImportState(c.Life, c.JobCentreId, c.CoachId, c.CoachRef, c.ReportingGroup, c.FirstAttendedInfoMeeting, importedBy);
            return row;
        }

        private async Task UpdateCaseAsync(BulkWriter writer, BulkWriter.Table table, CaseState c, CancellationToken ct)
        {
            var columns = Case.ImportedStateProperties;
            var row = table.RowOf(RowOf(c, c.ParticipantId!.Value, referral: null));
            var values = columns.Select(name => table.IndexOf(name)).Select(i => table.ToProvider(i, row[i]));
            var sets = string.Join(", ", columns.Select((name, i) => $"{BulkWriter.Quote(table.Column(name))} = @p{i}"));
            await writer.ExecuteAsync(
                $"UPDATE {BulkWriter.Quote(table.Name)} SET {sets}, \"Version\" = \"Version\" + 1 WHERE \"Id\" = @p{columns.Length}",
                [.. values, c.Id], ct);
        }

        private async Task CorrectAsync(BulkWriter writer, BulkWriter.Table table, CaseEvent e, CancellationToken ct)
        {
            var participant = people[e.PersonalNumber!].ParticipantId;
            var (dateColumn, valueColumn, value) = e.Type == CaseEventType.BenefitMonth
                ? (nameof(BenefitMonth.Month), nameof(BenefitMonth.ReceivesBenefit), (object)e.ReceivesBenefit)
                : (nameof(OccupationObservation.Date), nameof(OccupationObservation.Status), e.OccupationStatus);
            var valueIndex = Array.IndexOf(table.Columns, table.Column(valueColumn));
            // The import is a register: its value replaces one recorded by hand from a call or a letter, and says so.
            var byHand = e.Type == CaseEventType.BenefitMonth
                ? $", \"{nameof(BenefitMonth.InformedOn)}\" = NULL, \"{nameof(BenefitMonth.RecordedBy)}\" = NULL, \"{nameof(BenefitMonth.RecordedAt)}\" = NULL"
                : $", \"{nameof(OccupationObservation.RecordedBy)}\" = NULL, \"{nameof(OccupationObservation.RecordedAt)}\" = NULL";
            await writer.ExecuteAsync(
                $"UPDATE {BulkWriter.Quote(table.Name)} SET {BulkWriter.Quote(table.Column(valueColumn))} = @p0, " +
                $"\"Source\" = '{nameof(FollowUpSource.Register)}'{byHand} " +
                $"WHERE \"ParticipantId\" = @p1 AND {BulkWriter.Quote(table.Column(dateColumn))} = @p2",
                [table.ToProvider(valueIndex, value), participant, e.Date], ct);
        }

        /// <summary>Ids for the new rows of a table. PostgreSQL: drawn from the table's sequence, as the app's own inserts
        /// draw them, so that the two never meet. SQLite: after the largest, under the write lock the import holds.</summary>
        private async Task<Queue<int>> NewIdsAsync(string table, int count, CancellationToken ct)
        {
            var ids = new Queue<int>(count);
            if (count == 0) return ids;
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            if (transaction.Connection is NpgsqlConnection)
            {
                command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id'))::integer FROM generate_series(1, {count})";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) ids.Enqueue(reader.GetInt32(0));
                return ids;
            }
            command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
            var max = Convert.ToInt32(await command.ExecuteScalarAsync(ct));
            for (var i = 1; i <= count; i++) ids.Enqueue(max + i);
            return ids;
        }

        private CaseState NewState(CaseEvent referral, long line, bool existing) =>
            NewState(referral.CaseRef!, referral.PersonalNumber!, districtIds[referral.District!], referral.TargetGroup, referral.NewlyArrived,
                referral.Date, line, existing);

        private CaseState NewState(string caseRef, string personalNumber, int districtId, TargetGroup targetGroup, bool newlyArrived,
            DateOnly referralDate, long line, bool existing)
        {
            var age = Identity.PersonalNumber.TryParse(personalNumber, today, out var pn, out _) ? pn.AgeOn(referralDate) : null;
            var (adult, youth) = servingCentres[districtId];
            return new CaseState
            {
                CaseRef = caseRef, PersonalNumber = personalNumber, Existing = existing, ReferralLine = line,
                DistrictId = districtId, TargetGroup = targetGroup, NewlyArrived = newlyArrived, Replayed = !existing,
                JobCentreId = AgeBands.IsYouth(age) && youth is { } y ? y : adult, Life = CaseLifecycle.Referred(referralDate),
            };
        }

        private static int FollowUpValue(CaseEvent e) => e.Type == CaseEventType.BenefitMonth ? (e.ReceivesBenefit ? 1 : 0) : (int)e.OccupationStatus;

        private void Fail(long line, Message reason)
        {
            ErrorCount++;
            if (Errors.Count < MaxListedErrors) Errors.Add(new BadLine(line, reason));
        }

        private void MarkNew(long line) => newLines.Add(line);

        /// <summary>Asked in increasing line order by the second reading.</summary>
        private bool IsNew(long line)
        {
            while (nextNew < newLines.Count && newLines[nextNew] < line) nextNew++;
            return nextNew < newLines.Count && newLines[nextNew] == line;
        }

        private static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimStart(" \t\r"u8).IsEmpty;

        private async IAsyncEnumerable<(long Line, CaseEvent? Event, Message? Error)> ReadAsync(string spool,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await using var file = new FileStream(spool, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var lines = new SpooledLines(file, MaxLineBytes);
            while (await lines.ReadAsync(ct) is { } line)
            {
                Lines = Math.Max(Lines, line.Number);
                if (line.TooLong)
                {
                    yield return (line.Number, null, new Message("The line is longer than {0} bytes; an event takes a few hundred.", MaxLineBytes));
                    continue;
                }
                if (IsBlank(line.Bytes.Span)) continue;
                if (SpooledLines.FirstInvalidUtf8(line.Bytes.Span) is { } offset)
                {
                    yield return (line.Number, null, new Message("The line is not valid UTF-8: byte {0} cannot be read.", offset + 1));
                    continue;
                }
                var e = CaseEventFormat.Parse(line.Bytes.Span, today, out var error);
                yield return (line.Number, e, error);
            }
        }
    }
}
