using System.Runtime.CompilerServices;
using Jobbtorg.Data;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Import;

/// <summary>A stored case with its history as case events, in the order the format wants them.</summary>
public sealed class StoredCase
{
    public int Id { get; init; }
    public required string CaseRef { get; init; }
    public int ParticipantId { get; init; }
    public required string PersonalNumber { get; init; }
    public Gender Gender { get; init; }
    public CaseStatus Status { get; init; }
    public int JobCentreId { get; init; }
    public DateOnly? EnrolmentDate { get; init; }
    public int LastPlanNumber { get; init; }
    public int? OpenPauseId { get; init; }
    /// <summary>The day of the latest attendance row, when the events were read without the attendance rows.</summary>
    public DateOnly? LatestAttendance { get; init; }
    public required List<CaseEvent> Events { get; init; }
}

/// <summary>
/// Reads the database as case events, a slice of cases at a time so that memory stays flat however large the
/// city. Export writes all of these events; import reads those of the cases and people a stream names and compares the
/// stream with them.
/// </summary>
public sealed class StoredEvents(JobbtorgDb db)
{
    private const int SliceSize = 2000;

    /// <summary>Every stored case, in the order of their ids.</summary>
    public IAsyncEnumerable<StoredCase> CasesAsync(CancellationToken ct) => CasesAsync(null, everyAttendanceDay: true, ct);

    /// <summary>The stored cases with these references (all when null). Without <paramref name="everyAttendanceDay"/>
    /// the events hold no attendance and <see cref="StoredCase.LatestAttendance"/> gives its last day: a case attended
    /// for years has hundreds of days, and the import checks a line against the day it names and the latest one only.</summary>
    public async IAsyncEnumerable<StoredCase> CasesAsync(IReadOnlyList<string>? caseRefs, bool everyAttendanceDay,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var centres = await db.JobCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var coaches = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);

        var lastId = 0;
        var nextRef = 0;
        while (true)
        {
            IQueryable<Case> slice;
            // Erased people (retention) are held no longer: their remaining facts can name no one, so they are not exported.
            if (caseRefs is null) slice = db.Cases.Where(c => c.Id > lastId && c.Participant.ErasedOn == null).OrderBy(c => c.Id).Take(SliceSize);
            else
            {
                if (nextRef >= caseRefs.Count) yield break;
                var refs = caseRefs.Skip(nextRef).Take(SliceSize).ToList();
                nextRef += refs.Count;
                slice = db.Cases.Where(c => refs.Contains(c.CaseRef)).OrderBy(c => c.Id);
            }
            var cases = await slice.AsNoTracking().IgnoreAutoIncludes()
                .Select(c => new
                {
                    c.Id, c.CaseRef, c.ParticipantId, c.Participant.PersonalNumber, c.Participant.ProtectedIdentity, c.Gender, c.DistrictId, c.JobCentreId,
                    c.TargetGroup, c.ReferralDate, c.ReceivesBenefit, c.HasChildren, c.NewlyUnemployed, c.NewlyArrived, c.Status,
                    c.EnrolmentDate, c.CoachId, c.CoachRef, c.ClosureDate, c.ClosureReason, c.ClosureSubReason,
                })
                .ToListAsync(ct);
            if (cases.Count == 0)
            {
                if (caseRefs is null) yield break;
                continue;
            }
            var (lo, hi) = (cases[0].Id, cases[^1].Id);
            lastId = hi;
            // All the slice's cases: a range of ids when reading them all, else the ids themselves (they lie far apart).
            var ids = cases.Select(c => c.Id).ToList();
            IQueryable<T> OfSlice<T>(IQueryable<T> rows) where T : class => caseRefs is null
                ? rows.Where(r => EF.Property<int>(r, "CaseId") >= lo && EF.Property<int>(r, "CaseId") <= hi)
                : rows.Where(r => ids.Contains(EF.Property<int>(r, "CaseId")));

            var pauses = await Slice(OfSlice(db.CasePauses.AsNoTracking()).OrderBy(p => p.PausedOn).ThenBy(p => p.Id), p => p.CaseId, ct);
            var plans = await Slice(OfSlice(db.PlanVersions.AsNoTracking()).OrderBy(p => p.Number)
                .Select(p => new { p.CaseId, p.Number, p.Status, p.AgreedOn }), p => p.CaseId, ct);
            var meetings = await Slice(OfSlice(db.InfoMeetingOutcomes.AsNoTracking()).OrderBy(m => m.Date).ThenBy(m => m.Id), m => m.CaseId, ct);
            var attendance = everyAttendanceDay
                ? await Slice(OfSlice(db.AttendanceDays.AsNoTracking()).OrderBy(a => a.Date).ThenBy(a => a.Id), a => a.CaseId, ct)
                : Enumerable.Empty<AttendanceDay>().ToLookup(a => a.CaseId);
            var latestAttendance = everyAttendanceDay
                ? []
                : await OfSlice(db.AttendanceDays.AsNoTracking()).GroupBy(a => a.CaseId)
                    .Select(g => new { CaseId = g.Key, Latest = g.Max(a => a.Date) }).ToDictionaryAsync(a => a.CaseId, a => a.Latest, ct);
            var placements = await Slice(OfSlice(db.Placements.AsNoTracking()).OrderBy(p => p.StartDate).ThenBy(p => p.Id), p => p.CaseId, ct);
            // Signed assessments only, with their result: a draft has not happened, and the answers stay in the system.
            var assessments = await Slice(OfSlice(db.Assessments.AsNoTracking()).Where(a => a.Status == AssessmentStatus.Signed)
                .OrderBy(a => a.AssessedOn).ThenBy(a => a.Id)
                .Select(a => new { a.CaseId, a.Instrument, a.AssessedOn, a.Availability, a.NeedCategory }), a => a.CaseId, ct);

            foreach (var c in cases)
            {
                var events = new List<CaseEvent>
                {
                    new()
                    {
                        Type = CaseEventType.Referral, CaseRef = c.CaseRef, PersonalNumber = c.PersonalNumber, District = districts[c.DistrictId],
                        TargetGroup = c.TargetGroup, Date = c.ReferralDate, Gender = c.Gender, ReceivesBenefit = c.ReceivesBenefit,
                        HasChildren = c.HasChildren, NewlyUnemployed = c.NewlyUnemployed, NewlyArrived = c.NewlyArrived,
                        ProtectedIdentity = c.ProtectedIdentity,
                    },
                };
                foreach (var m in meetings[c.Id])
                    events.Add(new() { Type = CaseEventType.InfoMeeting, CaseRef = c.CaseRef, Date = m.Date, Attended = m.Attended });
                if (c.EnrolmentDate is { } enrolled)
                    events.Add(new()
                    {
                        Type = CaseEventType.Enrolment, CaseRef = c.CaseRef, Date = enrolled, JobCentre = centres[c.JobCentreId],
                        Coach = c.CoachId is { } coach ? coaches[coach] : c.CoachRef,
                    });
                // After the enrolment of the same day (the order the process has), though an assessment needs none.
                foreach (var a in assessments[c.Id])
                    events.Add(new()
                    {
                        Type = CaseEventType.Assessment, CaseRef = c.CaseRef, Date = a.AssessedOn!.Value, Instrument = a.Instrument,
                        Availability = a.Availability!.Value, NeedCategory = a.NeedCategory!.Value,
                    });
                foreach (var p in plans[c.Id].Where(p => p.Status == PlanStatus.Agreed))
                    events.Add(new() { Type = CaseEventType.PlanAgreed, CaseRef = c.CaseRef, Date = p.AgreedOn!.Value });
                foreach (var p in pauses[c.Id])
                {
                    events.Add(new() { Type = CaseEventType.Pause, CaseRef = c.CaseRef, Date = p.PausedOn, PauseReason = p.Reason });
                    if (p.ResumedOn is { } resumed) events.Add(new() { Type = CaseEventType.Resume, CaseRef = c.CaseRef, Date = resumed });
                }
                foreach (var a in attendance[c.Id])
                    events.Add(new() { Type = CaseEventType.Attendance, CaseRef = c.CaseRef, Date = a.Date, AttendanceStatus = a.Status });
                foreach (var p in placements[c.Id])
                    events.Add(new()
                    {
                        Type = CaseEventType.Placement, CaseRef = c.CaseRef, PlacementKind = p.Kind, Date = p.StartDate, End = p.EndDate,
                        Employer = p.EmployerOrganisationNumber, Matched = p.Matched,
                    });
                if (c.ClosureDate is { } closed)
                    events.Add(new() { Type = CaseEventType.Closure, CaseRef = c.CaseRef, Date = closed, ClosureReason = c.ClosureReason!.Value, ClosureSubReason = c.ClosureSubReason });

                yield return new StoredCase
                {
                    Id = c.Id, CaseRef = c.CaseRef, ParticipantId = c.ParticipantId, PersonalNumber = c.PersonalNumber, Gender = c.Gender,
                    Status = c.Status, JobCentreId = c.JobCentreId, EnrolmentDate = c.EnrolmentDate,
                    LastPlanNumber = plans[c.Id].Select(p => p.Number).DefaultIfEmpty(0).Max(),
                    OpenPauseId = pauses[c.Id].FirstOrDefault(p => p.ResumedOn is null)?.Id,
                    LatestAttendance = latestAttendance.TryGetValue(c.Id, out var latest) ? latest : null,
                    // A stable sort by date keeps the life-cycle order (referral, meeting, enrolment, …, closure) on equal dates.
                    Events = events.OrderBy(e => e.Date).ToList(),
                };
            }
        }
    }

    /// <summary>Benefit months and occupation observations, person by person (erased people's none).</summary>
    public IAsyncEnumerable<CaseEvent> FollowUpsAsync(CancellationToken ct) => FollowUpsAsync(null, ct);

    /// <summary>Benefit months and occupation observations of these participants (everyone's when null).</summary>
    public async IAsyncEnumerable<CaseEvent> FollowUpsAsync(IReadOnlyList<int>? participantIds, [EnumeratorCancellation] CancellationToken ct)
    {
        var ids = participantIds?.ToList();
        var months = (ids is null ? db.BenefitMonths : db.BenefitMonths.Where(m => ids.Contains(m.ParticipantId))).AsNoTracking()
            .Join(db.Participants.Where(p => p.ErasedOn == null), m => m.ParticipantId, p => p.Id, (m, p) => new { p.PersonalNumber, m.Month, m.ReceivesBenefit, m.Id })
            .OrderBy(x => x.Id).AsAsyncEnumerable();
        await foreach (var m in months.WithCancellation(ct))
            yield return new CaseEvent { Type = CaseEventType.BenefitMonth, PersonalNumber = m.PersonalNumber, Date = m.Month, ReceivesBenefit = m.ReceivesBenefit };

        var observations = (ids is null ? db.OccupationObservations : db.OccupationObservations.Where(o => ids.Contains(o.ParticipantId))).AsNoTracking()
            .Join(db.Participants.Where(p => p.ErasedOn == null), o => o.ParticipantId, p => p.Id, (o, p) => new { p.PersonalNumber, o.Date, o.Status, o.Id })
            .OrderBy(x => x.Id).AsAsyncEnumerable();
        await foreach (var o in observations.WithCancellation(ct))
            yield return new CaseEvent { Type = CaseEventType.OccupationStatus, PersonalNumber = o.PersonalNumber, Date = o.Date, OccupationStatus = o.Status };
    }

    private static async Task<ILookup<int, T>> Slice<T>(IQueryable<T> query, Func<T, int> caseId, CancellationToken ct) =>
        (await query.ToListAsync(ct)).ToLookup(caseId);
}
