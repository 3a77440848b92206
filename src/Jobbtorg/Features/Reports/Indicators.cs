using System.Data;
using System.Linq.Expressions;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The indicators of domain.md ("Indicators — exact definitions") counted by the database. Each indicator selects only
/// the cases its period can count, through indexed dates (enrolment, closure and the indicator facts a case keeps), and
/// the database adds them up per group: a month reads what can count in that month, and what comes back is a few
/// counts per group whatever the size of the history. Whatever is dated after the as-of date has not happened: an
/// enrolment, plan, closure, pause, info meeting, placement start or observation after it is left out, a resume after
/// it leaves its pause open, and a benefit month counts once its first day has come.
/// </summary>
public sealed class Indicators(ReportsDb reports)
{
    /// <summary>How far from "end of a municipal job + 3 months" an occupation observation may lie and still count.</summary>
    internal const int ObservationWindowDays = 31;

    // The job-guarantee states as the database groups them: an index into States, or one of the two cases besides.
    private const int Met = 0, Excluded = 1, Pending = 2, Missed = 3, NotNewlyEnrolled = -1, PausedInTime = -2;
    /// <summary>A case's answer to "still self-supporting six months after closure" in the period.</summary>
    private const int NotFollowedUp = 0, SelfSupporting = 1, BackOnBenefit = 2, AnswerUnknown = 3;
    private static readonly JobGuaranteeState[] States =
        [JobGuaranteeState.Met, JobGuaranteeState.Excluded, JobGuaranteeState.Pending, JobGuaranteeState.Missed];

    private readonly JobbtorgDb db = reports.Db;

    private IQueryable<Case> AllCases => db.Cases.AsNoTracking();

    /// <summary>The cases a report in this scope counts: every case, or those the district referred.</summary>
    internal IQueryable<Case> CasesIn(ReportScope scope) => scope.Restrict(AllCases);

    /// <summary>
    /// The cases enrolled by the end of <paramref name="day"/>. SQLite's bundled library keeps no value histograms
    /// (STAT4), so it takes "enrolled on or before a day" for a narrow range and reads nearly every case through the
    /// enrolment-date index, one lookup a case. On SQLite the date is compared through an expression no index serves
    /// (a case with none is never enrolled by any day), so the table is read in order instead. PostgreSQL knows how
    /// many cases the range holds and keeps the index for the days when it is narrow.
    /// </summary>
    private Expression<Func<Case, bool>> EnrolledBy(DateOnly day) => db.Database.IsNpgsql()
        ? c => c.EnrolmentDate <= day
        : c => (c.EnrolmentDate ?? DateOnly.MaxValue) <= day;

    /// <summary>The cases referred by the end of <paramref name="day"/>; on SQLite without the index, as in <see cref="EnrolledBy"/>.</summary>
    private Expression<Func<Case, bool>> ReferredBy(DateOnly day) => db.Database.IsNpgsql()
        ? c => c.ReferralDate <= day
        : c => c.ReferralDate.AddDays(0) <= day;

    /// <summary>
    /// The report for [<paramref name="from"/>, <paramref name="to"/>]. With a grouping, a group is present for every
    /// key that some case existing on the as-of date has, even when nothing in the period counts for it: the list of
    /// groups then depends on the data only, never on the period, which keeps reports for different periods
    /// comparable row by row.
    /// </summary>
    public Task<IndicatorReport> ReportAsync(DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy, CancellationToken ct) =>
        ReportAsync(from, to, asOf, groupBy, ReportScope.City, ct);

    /// <summary>The report counting only the cases of <paramref name="scope"/> (a district's, or the whole city's).</summary>
    public Task<IndicatorReport> ReportAsync(DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy, ReportScope scope, CancellationToken ct) =>
        InSnapshotAsync(() => CountAsync(CasesIn(scope), from, to, asOf, groupBy, ct), ct);

    private async Task<IndicatorReport> CountAsync(IQueryable<Case> cases, DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy, CancellationToken ct)
    {
        // Every part of the tally adds up over groups, so the total is the sum of any grouping's groups. Without a
        // grouping the database still groups by district (a key every case has), and the groups are added up here.
        Dictionary<string, IndicatorTally> groups;
        switch (groupBy)
        {
            case null:
                groups = await TallyAsync(cases, c => c.DistrictId, _ => "", from, to, asOf, ct);
                break;
            // Districts and centres are counted by id and named by code afterwards: the groups of GroupKey, without a join
            // and a text key on every case read (a second of the ten-year report by district at 50 M events).
            case GroupBy.District:
                var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
                groups = await TallyAsync(cases, c => c.DistrictId, id => districts[id], from, to, asOf, ct);
                break;
            case GroupBy.JobCentre:
                var centres = await db.JobCentres.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.Code, ct);
                groups = await TallyAsync(cases, c => c.EnrolmentDate <= asOf ? (int?)c.JobCentreId : null,
                    id => id is { } centre ? centres[centre] : IndicatorReport.Unassigned, from, to, asOf, ct);
                break;
            default:
                groups = await TallyAsync(cases, GroupKey(groupBy.Value, asOf), k => k ?? IndicatorReport.Unassigned, from, to, asOf, ct);
                break;
        }
        var total = new IndicatorTally();
        foreach (var tally in groups.Values) total.Add(tally);
        if (groupBy is null) return new IndicatorReport(from, to, asOf, total.Result(), null);

        foreach (var key in await PresentKeysAsync(cases, groupBy.Value, asOf, ct))
            groups.TryAdd(key, new IndicatorTally());
        return new IndicatorReport(from, to, asOf, total.Result(),
            groups.OrderBy(g => g.Key == IndicatorReport.Unassigned).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Value.Result()));
    }

    /// <summary>
    /// The group key of a case as the report names it, for the database to compute within its statements: a code
    /// (<c>farsta</c>), an enumeration value (<c>Youth</c>, <c>F</c>) or <see cref="IndicatorReport.WithBenefit"/> /
    /// <see cref="IndicatorReport.WithoutBenefit"/>; null for a case with no value for the grouping (reported as
    /// <see cref="IndicatorReport.Unassigned"/>). A job centre and a reporting group come with the enrolment, so a case
    /// not enrolled by <paramref name="asOf"/> has none. Every breakdown of the report, its series and its lists of cases
    /// read their keys here.
    /// </summary>
    public static Expression<Func<Case, string?>> GroupKey(GroupBy groupBy, DateOnly asOf) => groupBy switch
    {
        GroupBy.District => c => c.District.Code,
        GroupBy.JobCentre => c => c.EnrolmentDate <= asOf ? c.JobCentre.Code : null,
        GroupBy.ReportingGroup => EnumName<ReportingGroup>(c => c.EnrolmentDate <= asOf ? c.ReportingGroup : null),
        GroupBy.Gender => EnumName<Gender>(c => c.Gender), // as the case's own referral gave it
        GroupBy.TargetGroup => EnumName<TargetGroup>(c => c.TargetGroup),
        GroupBy.Benefit => c => c.ReceivesBenefit ? IndicatorReport.WithBenefit : IndicatorReport.WithoutBenefit,
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
    };

    /// <summary>An enumeration's name computed by the database (one CASE over its members), so that every grouping's
    /// key is text whatever the column holds.</summary>
    private static Expression<Func<Case, string?>> EnumName<TEnum>(Expression<Func<Case, TEnum?>> value) where TEnum : struct, Enum
    {
        Expression name = Expression.Constant(null, typeof(string));
        foreach (var member in Enum.GetValues<TEnum>().Reverse())
            name = Expression.Condition(Expression.Equal(value.Body, Expression.Constant(member, typeof(TEnum?))),
                Expression.Constant(member.ToString(), typeof(string)), name);
        return Expression.Lambda<Func<Case, string?>>(name, value.Parameters);
    }

    /// <summary>Open enrolled cases per coach at the end of <paramref name="on"/> (a case closed that day no longer
    /// counts; a paused case does), most loaded first. Cases with no coach are listed as "unassigned".</summary>
    public Task<IReadOnlyList<CoachCaseload>> CaseloadAsync(DateOnly on, DateOnly asOf, CancellationToken ct) =>
        CaseloadAsync(on, asOf, ReportScope.City, null, ct);

    /// <summary>The caseload counting only the cases of <paramref name="scope"/>, and of them only those of
    /// <paramref name="jobCentres"/> (null: every centre).</summary>
    public async Task<IReadOnlyList<CoachCaseload>> CaseloadAsync(DateOnly on, DateOnly asOf, ReportScope scope, IReadOnlySet<int>? jobCentres,
        CancellationToken ct)
    {
        var centres = jobCentres?.ToArray();
        var cases = centres is null ? CasesIn(scope) : CasesIn(scope).Where(c => centres.Contains(c.JobCentreId));
        var loads = await cases
            .Where(EnrolledBy(on < asOf ? on : asOf)).Where(c => c.ClosureDate == null || c.ClosureDate > on || c.ClosureDate > asOf)
            .GroupBy(c => c.Coach != null ? c.Coach.DisplayName : c.CoachRef)
            .Select(g => new { Coach = g.Key, Cases = g.Count() })
            .ToListAsync(ct);
        return loads.Select(l => new CoachCaseload(l.Coach ?? IndicatorReport.Unassigned, l.Cases))
            .OrderByDescending(l => l.OpenCases).ThenBy(l => l.Coach, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The cases of <paramref name="scope"/> open at the end of <paramref name="on"/> (referred by then and not closed on
    /// or before it; an assessment needs no enrolment, so referrals count too), by the availability and need category of
    /// their latest signed assessment dated on or before that day (of two on one day the one signed last), and those with none.
    /// </summary>
    public Task<AssessedOpenCases> AssessedOpenCasesAsync(DateOnly on, ReportScope scope, CancellationToken ct) =>
        InSnapshotAsync(async () =>
        {
            var signed = db.Assessments.Where(a => a.Status == AssessmentStatus.Signed && a.AssessedOn <= on);
            var rows = await CasesIn(scope)
                .Where(ReferredBy(on)).Where(c => c.ClosureDate == null || c.ClosureDate > on)
                .Select(c => new
                {
                    Availability = signed.Where(a => a.CaseId == c.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
                        .Select(a => a.Availability).FirstOrDefault(),
                    Need = signed.Where(a => a.CaseId == c.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
                        .Select(a => a.NeedCategory).FirstOrDefault(),
                })
                .GroupBy(x => new { x.Availability, x.Need })
                .Select(g => new { g.Key.Availability, g.Key.Need, Cases = g.Count() })
                .ToListAsync(ct);
            var counts = rows.Where(r => r.Availability is not null && r.Need is not null)
                .ToDictionary(r => (r.Availability!.Value, r.Need!.Value), r => r.Cases);
            return new AssessedOpenCases(on, counts, rows.Where(r => r.Availability is null || r.Need is null).Sum(r => r.Cases));
        }, ct);

    /// <summary>Enrolled, newly enrolled, closed, closure rate and closed to work for the <paramref name="months"/> calendar months
    /// ending with the month of <paramref name="endMonth"/>, in total and per reporting group: the cases open when the
    /// first month begins, then each month's enrolments and closures, carried forward month by month.</summary>
    public Task<IReadOnlyList<MonthPoint>> MonthlyAsync(DateOnly endMonth, int months, DateOnly asOf, CancellationToken ct) =>
        MonthlyAsync(endMonth, months, asOf, GroupBy.ReportingGroup, ReportScope.City, ct);

    /// <summary>The monthly series per reporting group counting only the cases of <paramref name="scope"/>.</summary>
    public Task<IReadOnlyList<MonthPoint>> MonthlyAsync(DateOnly endMonth, int months, DateOnly asOf, ReportScope scope, CancellationToken ct) =>
        MonthlyAsync(endMonth, months, asOf, GroupBy.ReportingGroup, scope, ct);

    /// <summary>The monthly series per group of <paramref name="groupBy"/>, counting only the cases of
    /// <paramref name="scope"/>. Each month's figures are those of the report for that month alone: a group's are the
    /// report's for that group, a case with no value for the grouping is under <see cref="IndicatorReport.Unassigned"/>,
    /// and a group that has nothing in any month of the series is left out.</summary>
    public Task<IReadOnlyList<MonthPoint>> MonthlyAsync(DateOnly endMonth, int months, DateOnly asOf, GroupBy groupBy, ReportScope scope,
        CancellationToken ct) =>
        InSnapshotAsync(() => CountMonthsAsync(CasesIn(scope), GroupKey(groupBy, asOf), endMonth, months, asOf, ct), ct);

    private async Task<IReadOnlyList<MonthPoint>> CountMonthsAsync(IQueryable<Case> cases, Expression<Func<Case, string?>> key,
        DateOnly endMonth, int months, DateOnly asOf, CancellationToken ct)
    {
        var first = Dates.PlusMonths(Dates.FirstOfMonth(endMonth), -(months - 1));
        var last = Dates.PlusDays(Dates.PlusMonths(first, months), -1);
        var end = last < asOf ? last : asOf;

        var beforeFirst = Dates.PlusDays(first, -1);
        var openAtStart = await cases
            .Where(EnrolledBy(beforeFirst < asOf ? beforeFirst : asOf))
            .Where(c => c.ClosureDate == null || c.ClosureDate > asOf || c.ClosureDate >= first)
            .Select(With(key, (c, k) => new { Key = k })).GroupBy(x => x.Key)
            .Select(g => new { Key = g.Key, Cases = g.Count() }).ToListAsync(ct);
        var enrolments = await cases
            .Where(c => c.EnrolmentDate >= first && c.EnrolmentDate <= end)
            .Select(With(key, (c, k) => new { Key = k, c.EnrolmentDate!.Value.Year, c.EnrolmentDate!.Value.Month })).GroupBy(x => x)
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, Cases = g.Count() }).ToListAsync(ct);
        var closures = await cases
            .Where(c => c.ClosureDate >= first && c.ClosureDate <= end && c.EnrolmentDate <= asOf)
            .Select(With(key, (c, k) => new { Key = k, c.ClosureDate!.Value.Year, c.ClosureDate!.Value.Month, ToWork = c.ClosureReason == ClosureReason.Work }))
            .GroupBy(x => x)
            .Select(g => new { g.Key.Key, g.Key.Year, g.Key.Month, g.Key.ToWork, Cases = g.Count() }).ToListAsync(ct);

        // One running count per group: open at the start, plus the month's enrolments, less its closures.
        static string Name(string? k) => k ?? IndicatorReport.Unassigned;
        var open = openAtStart.Select(o => Name(o.Key)).Concat(enrolments.Select(e => Name(e.Key))).Concat(closures.Select(e => Name(e.Key)))
            .Distinct().ToDictionary(k => k, k => openAtStart.Where(o => Name(o.Key) == k).Sum(o => o.Cases));
        var points = new List<MonthPoint>(months);
        for (var month = first; month <= last; month = Dates.PlusMonths(month, 1))
        {
            var figures = new Dictionary<string, MonthFigures>();
            int enrolledTotal = 0, newlyTotal = 0, closedTotal = 0, toWorkTotal = 0;
            foreach (var group in open.Keys.ToList())
            {
                var newly = enrolments.Where(e => Name(e.Key) == group && e.Year == month.Year && e.Month == month.Month).Sum(e => e.Cases);
                var closedInMonth = closures.Where(e => Name(e.Key) == group && e.Year == month.Year && e.Month == month.Month).ToList();
                var closed = closedInMonth.Sum(e => e.Cases);
                var toWork = closedInMonth.Where(e => e.ToWork).Sum(e => e.Cases);
                var enrolled = open[group] + newly;
                open[group] = enrolled - closed;
                enrolledTotal += enrolled;
                newlyTotal += newly;
                closedTotal += closed;
                toWorkTotal += toWork;
                figures[group] = new MonthFigures(enrolled, newly, closed, enrolled == 0 ? null : (double)closed / enrolled, toWork);
            }
            points.Add(new MonthPoint(month, new MonthFigures(enrolledTotal, newlyTotal, closedTotal,
                enrolledTotal == 0 ? null : (double)closedTotal / enrolledTotal, toWorkTotal), figures));
        }
        return points;
    }

    /// <summary>
    /// On PostgreSQL the statements of one report run in one read-only snapshot, so that every figure is counted from the
    /// same data while imports and case work go on, and without JIT compilation, which costs these few large statements
    /// more (about 50 ms each) than it saves. They are planned for each call's own dates even when prepared: a plan made
    /// once for any period would read ten years for a month. Their grouping may hold a memory of 32 MB (the server's
    /// default is 4 MB): the ten-year pass at 50 M events then adds up its 1.5 million cases in a hash table of about
    /// 12 MB instead of sorting them on disk (2.2 → 1.4 s). SQLite reads without a transaction: its transactions would
    /// take the write lock.
    /// </summary>
    internal async Task<T> InSnapshotAsync<T>(Func<Task<T>> count, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null) return await count();
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL work_mem = '32MB'", ct);
        var result = await count();
        await snapshot.CommitAsync(ct);
        return result;
    }

    internal async Task<Dictionary<string, IndicatorTally>> TallyAsync<TKey>(IQueryable<Case> cases, Expression<Func<Case, TKey>> key, Func<TKey, string> name,
        DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        var tallies = new Dictionary<string, IndicatorTally>();
        IndicatorTally Of(TKey k)
        {
            var n = name(k);
            if (!tallies.TryGetValue(n, out var tally)) tallies[n] = tally = new IndicatorTally();
            return tally;
        }

        // Only what has happened by the as-of date counts; nothing after it can count in any period.
        var end = to < asOf ? to : asOf;

        // One pass over the cases the period can count, for all that needs no other table: enrolled, newly enrolled and
        // their waiting times, closed by reason, closed before enrolment, the job guarantee and the initial assessment in time, self-sufficiency within 12
        // months and still self-supporting six months after closure. The
        // closure reason counted in the period and the job-guarantee state are grouped on, so they need no pass of their own.
        // Still self-supporting six months after closure looks at the follow-up month wholly inside the period,
        // answered by the benefit month it names when that month is on or before the as-of date.
        var lastFollowUpMonth = Dates.PlusMonths(Dates.FirstOfMonth(Dates.PlusDays(to, 1)), -1);
        var newly = cases.Where(c => c.EnrolmentDate >= from && c.EnrolmentDate <= end);
        var passes = await cases
            .Where(With(EnrolledBy(end), (c, enrolledByEnd) =>
                        (enrolledByEnd && (c.ClosureDate == null || c.ClosureDate > asOf || c.ClosureDate >= from))
                        || (c.ClosureDate >= from && c.ClosureDate <= end)
                        || (c.EnrolmentAnniversary >= from && c.EnrolmentAnniversary <= to && c.EnrolmentDate <= asOf)
                        || (c.FollowUpMonth >= from && c.FollowUpMonth <= lastFollowUpMonth)))
            .Select(With(key, (c, k) => new
            {
                Key = k,
                ClosedAs = c.ClosureDate >= from && c.ClosureDate <= end && c.EnrolmentDate <= asOf ? c.ClosureReason : null,
                // A case paused on or before its unpaused deadline has a deadline of its own: worked out below.
                JobGuarantee = !(c.EnrolmentDate >= from && c.EnrolmentDate <= end) ? NotNewlyEnrolled
                    : c.FirstPauseOn <= asOf && c.FirstPauseOn <= c.FirstPlanDue ? PausedInTime
                    : c.FirstPlanAgreedOn <= asOf && c.FirstPlanAgreedOn <= c.FirstPlanDue ? Met
                    : !(c.FirstPlanAgreedOn <= asOf) && c.ClosureDate <= asOf && c.ClosureDate <= c.FirstPlanDue ? Excluded
                    : !(c.FirstPlanAgreedOn <= asOf) && c.FirstPlanDue >= asOf ? Pending
                    : Missed,
                // Initial assessment in time: the same states with the first assessment (A1) in place of the first plan.
                InitialAssessment = !(c.EnrolmentDate >= from && c.EnrolmentDate <= end) ? NotNewlyEnrolled
                    : c.FirstPauseOn <= asOf && c.FirstPauseOn <= c.FirstPlanDue ? PausedInTime
                    : c.FirstAssessmentOn <= asOf && c.FirstAssessmentOn <= c.FirstPlanDue ? Met
                    : !(c.FirstAssessmentOn <= asOf) && c.ClosureDate <= asOf && c.ClosureDate <= c.FirstPlanDue ? Excluded
                    : !(c.FirstAssessmentOn <= asOf) && c.FirstPlanDue >= asOf ? Pending
                    : Missed,
                Enrolled = c.EnrolmentDate <= end && (c.ClosureDate == null || c.ClosureDate > asOf || c.ClosureDate >= from),
                ClosedBeforeEnrolment = c.ClosureDate >= from && c.ClosureDate <= end && !(c.EnrolmentDate <= asOf),
                Anniversary = c.EnrolmentAnniversary >= from && c.EnrolmentAnniversary <= to && c.EnrolmentDate <= asOf,
                c.ReceivesBenefit,
                SelfSufficient = ClosureReasons.SelfSufficiency.Contains(c.ClosureReason)
                                 && c.ClosureDate <= asOf && c.ClosureDate <= c.EnrolmentAnniversary,
                FollowUp = !(c.FollowUpMonth >= from && c.FollowUpMonth <= lastFollowUpMonth && c.ReceivesBenefit && c.EnrolmentDate <= asOf
                             && c.ClosureDate <= asOf && ClosureReasons.SelfSufficiency.Contains(c.ClosureReason)) ? NotFollowedUp
                    : c.FollowUpMonth <= asOf && c.FollowUpReceivesBenefit == false ? SelfSupporting
                    : c.FollowUpMonth <= asOf && c.FollowUpReceivesBenefit == true ? BackOnBenefit
                    : AnswerUnknown,
                // The newly enrolled's days from referral to enrolment and to the first attended info meeting: the
                // waiting-time distributions, counted per number of days.
                ToEnrolment = c.EnrolmentDate >= from && c.EnrolmentDate <= end ? c.EnrolmentDate!.Value.DayNumber - c.ReferralDate.DayNumber : (int?)null,
                ToInfoMeeting = c.EnrolmentDate >= from && c.EnrolmentDate <= end && c.FirstAttendedInfoMeeting <= asOf
                    ? c.FirstAttendedInfoMeeting!.Value.DayNumber - c.ReferralDate.DayNumber : (int?)null,
            }))
            .GroupBy(x => new { x.Key, x.ClosedAs, x.JobGuarantee, x.InitialAssessment, x.FollowUp, x.ToEnrolment, x.ToInfoMeeting })
            .Select(g => new
            {
                g.Key.Key, g.Key.ClosedAs, g.Key.JobGuarantee, g.Key.InitialAssessment, g.Key.FollowUp, g.Key.ToEnrolment, g.Key.ToInfoMeeting,
                Cases = g.Count(),
                Enrolled = g.Count(x => x.Enrolled),
                ClosedBeforeEnrolment = g.Count(x => x.ClosedBeforeEnrolment),
                AnniversaryAll = g.Count(x => x.Anniversary),
                SelfSufficientAll = g.Count(x => x.Anniversary && x.SelfSufficient),
                AnniversaryOnBenefit = g.Count(x => x.Anniversary && x.ReceivesBenefit),
                SelfSufficientOnBenefit = g.Count(x => x.Anniversary && x.ReceivesBenefit && x.SelfSufficient),
            })
            .ToListAsync(ct);
        foreach (var r in passes)
        {
            var tally = Of(r.Key);
            tally.Enrolled += r.Enrolled;
            tally.ClosedBeforeEnrolment += r.ClosedBeforeEnrolment;
            if (r.ClosedAs is { } reason) tally.AddClosed(reason, r.Cases);
            if (r.JobGuarantee != NotNewlyEnrolled) tally.NewlyEnrolled += r.Cases;
            if (r.JobGuarantee >= 0) tally.Count(States[r.JobGuarantee], r.Cases);
            if (r.InitialAssessment >= 0) tally.CountAssessment(States[r.InitialAssessment], r.Cases);
            tally.SelfSufficientAllOf += r.AnniversaryAll;
            tally.SelfSufficientAll += r.SelfSufficientAll;
            tally.SelfSufficientOf += r.AnniversaryOnBenefit;
            tally.SelfSufficient += r.SelfSufficientOnBenefit;
            if (r.FollowUp == AnswerUnknown) tally.StillSelfSupportingUnknown += r.Cases;
            if (r.FollowUp is SelfSupporting or BackOnBenefit) tally.StillSelfSupportingKnown += r.Cases;
            if (r.FollowUp == SelfSupporting) tally.StillSelfSupporting += r.Cases;
            if (r.ToEnrolment is { } toEnrolment) IndicatorTally.Increment(tally.DaysToEnrolment, toEnrolment, r.Cases);
            if (r.ToInfoMeeting is { } toInfoMeeting) IndicatorTally.Increment(tally.DaysToInfoMeeting, toInfoMeeting, r.Cases);
        }
        if (passes.Any(r => r.JobGuarantee == PausedInTime))
            foreach (var c in await newly.Where(c => c.FirstPauseOn <= asOf && c.FirstPauseOn <= c.FirstPlanDue)
                         .Select(With(key, (c, k) => new
                         {
                             Key = k, c.EnrolmentDate, c.FirstPlanAgreedOn, c.FirstAssessmentOn, c.ClosureDate,
                             Pauses = c.Pauses.Select(p => new { p.PausedOn, p.ResumedOn }).ToList(),
                         }))
                         .ToListAsync(ct))
            {
                var pauses = c.Pauses.Select(p => new PausePeriod(p.PausedOn, p.ResumedOn)).ToList();
                Of(c.Key).Count(JobGuarantee.StateOf(c.EnrolmentDate, c.FirstPlanAgreedOn, pauses, c.ClosureDate, asOf), 1);
                // A1 in place of P1 (domain.md "Initial assessment in time"), the pauses counted as for the job guarantee.
                Of(c.Key).CountAssessment(JobGuarantee.StateOf(c.EnrolmentDate, c.FirstAssessmentOn, pauses, c.ClosureDate, asOf), 1);
            }

        await TallyPlacementsAsync(cases, key, Of, from, to, asOf, ct);
        return tallies;
    }

    /// <summary>
    /// The two indicators counted over placements, in one statement so that the cases are joined once (at 50 M events a
    /// join reads every case): jobs mediated — matched employments, subsidised employments and municipal jobs whose start
    /// lies in the period and has come by the as-of date — and working or studying three months after a municipal job —
    /// jobs whose end + 3 months lies in the period, judged by the observation nearest that day within the window (the
    /// earlier one wins a tie), known by the as-of date; the database finds each job's nearest observation through the
    /// person's index. A matched municipal job can count in both. Each is counted under its case's group.
    /// </summary>
    private async Task TallyPlacementsAsync<TKey>(IQueryable<Case> cases, Expression<Func<Case, TKey>> key, Func<TKey, IndicatorTally> of,
        DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        var end = to < asOf ? to : asOf;
        // Each placement says once which of the two it counts in; the database reads the flags wherever they are used.
        var placed = from job in db.Placements
                     select new
                     {
                         Job = job,
                         FollowedUp = job.Kind == PlacementKind.MunicipalJob && job.StartDate <= asOf && job.FollowUpOn >= @from && job.FollowUpOn <= to,
                         Mediated = job.Matched && Placement.Jobs.Contains(job.Kind) && job.StartDate >= @from && job.StartDate <= end,
                     } into counted
                     where counted.FollowedUp || counted.Mediated
                     join c in cases.Where(c => c.EnrolmentDate <= asOf) on counted.Job.CaseId equals c.Id
                     select new JobOfCase { Job = counted.Job, Case = c, FollowedUp = counted.FollowedUp, Mediated = counted.Mediated };
        // The observations within the window around the follow-up day of a municipal job followed up in the period,
        // nearest first (the earlier one wins a tie); the first is the one judged by.
        Expression<Func<JobOfCase, IQueryable<OccupationObservation>>> nearest = x => db.OccupationObservations
            .Where(o => x.FollowedUp && o.ParticipantId == x.Case.ParticipantId && o.Date <= asOf
                        && o.Date >= x.Job.FollowUpOn!.Value.AddDays(-ObservationWindowDays)
                        && o.Date <= x.Job.FollowUpOn!.Value.AddDays(ObservationWindowDays))
            .OrderBy(o => Math.Abs(o.Date.DayNumber - x.Job.FollowUpOn!.Value.DayNumber)).ThenBy(o => o.Date);
        // On PostgreSQL it is joined laterally rather than read by a subquery in the projection: the database then looks
        // it up as it joins instead of sorting every job by it first (1.2 → 0.8 s over ten years at 50 M events).
        // SQLite has no lateral join. (The type arguments say the lateral side is a sequence, as SelectMany asks.)
        var jobs = db.Database.IsNpgsql()
            ? placed.SelectMany(With<JobOfCase, IQueryable<OccupationObservation>, IEnumerable<OccupationObservation?>>(
                nearest, (x, near) => near.Take(1).DefaultIfEmpty()), (x, o) => new JobOfCase
            {
                Job = x.Job, Case = x.Case, FollowedUp = x.FollowedUp, Mediated = x.Mediated, Status = o == null ? null : o.Status,
            })
            : placed.Select(With(nearest, (x, near) => new JobOfCase
            {
                Job = x.Job, Case = x.Case, FollowedUp = x.FollowedUp, Mediated = x.Mediated,
                Status = near.Select(o => (OccupationStatus?)o.Status).FirstOrDefault(),
            }));
        foreach (var r in await jobs
                     .Select(With(key, (JobOfCase x) => x.Case, (x, k) => new { Key = k, x.Mediated, x.FollowedUp, x.Status }))
                     .GroupBy(x => x).Select(g => new { g.Key, Jobs = g.Count() }).ToListAsync(ct))
        {
            var tally = of(r.Key.Key);
            if (r.Key.Mediated) tally.JobsMediated += r.Jobs;
            if (!r.Key.FollowedUp) continue;
            if (r.Key.Status is not { } status) tally.OccupationUnknown += r.Jobs;
            else
            {
                tally.OccupationKnown += r.Jobs;
                if (status is OccupationStatus.Working or OccupationStatus.Studying) tally.WorkingOrStudying += r.Jobs;
            }
        }
    }

    private sealed class JobOfCase
    {
        public Placement Job { get; init; } = null!;
        public Case Case { get; init; } = null!;
        /// <summary>A municipal job whose end + 3 months lies in the period (and whose start has come by the as-of date).</summary>
        public bool FollowedUp { get; init; }
        /// <summary>A matched job whose start lies in the period and has come by the as-of date.</summary>
        public bool Mediated { get; init; }
        /// <summary>The occupation observed nearest the follow-up day of a job <see cref="FollowedUp"/>.</summary>
        public OccupationStatus? Status { get; init; }
    }

    internal static OccupationStatus? Nearest((DateOnly Date, OccupationStatus Status)[] byDate, DateOnly target)
    {
        OccupationStatus? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (date, status) in byDate) // ordered by date, so a later one at the same distance never replaces an earlier
        {
            var distance = Math.Abs(date.DayNumber - target.DayNumber);
            if (distance <= ObservationWindowDays && distance < bestDistance)
            {
                best = status;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The keys some case existing on the as-of date has: one short existence check per possible key.</summary>
    internal async Task<List<string>> PresentKeysAsync(IQueryable<Case> cases, GroupBy groupBy, DateOnly asOf, CancellationToken ct)
    {
        var existing = cases.Where(c => c.ReferralDate <= asOf);
        var keys = new List<string>();
        switch (groupBy)
        {
            case GroupBy.District:
                keys.AddRange(await db.Districts.Where(d => existing.Any(c => c.DistrictId == d.Id)).Select(d => d.Code).ToListAsync(ct));
                break;
            case GroupBy.JobCentre:
                keys.AddRange(await db.JobCentres.Where(j => existing.Any(c => c.JobCentreId == j.Id && c.EnrolmentDate <= asOf))
                    .Select(j => j.Code).ToListAsync(ct));
                if (await existing.AnyAsync(c => !(c.EnrolmentDate <= asOf), ct)) keys.Add(IndicatorReport.Unassigned);
                break;
            case GroupBy.ReportingGroup:
                foreach (var group in Enum.GetValues<ReportingGroup>())
                    if (await existing.AnyAsync(c => c.ReportingGroup == group && c.EnrolmentDate <= asOf, ct)) keys.Add(group.ToString());
                if (await existing.AnyAsync(c => !(c.EnrolmentDate <= asOf) || c.ReportingGroup == null, ct)) keys.Add(IndicatorReport.Unassigned);
                break;
            case GroupBy.Gender:
                foreach (var gender in Enum.GetValues<Gender>())
                    if (await existing.AnyAsync(c => c.Gender == gender, ct)) keys.Add(gender.ToString());
                break;
            case GroupBy.TargetGroup:
                foreach (var group in Enum.GetValues<TargetGroup>())
                    if (await existing.AnyAsync(c => c.TargetGroup == group, ct)) keys.Add(group.ToString());
                break;
            case GroupBy.Benefit:
                if (await existing.AnyAsync(c => c.ReceivesBenefit, ct)) keys.Add(IndicatorReport.WithBenefit);
                if (await existing.AnyAsync(c => !c.ReceivesBenefit, ct)) keys.Add(IndicatorReport.WithoutBenefit);
                break;
        }
        return keys;
    }

    /// <summary>As the two-argument <c>With</c>, with the key read from the case a row holds.</summary>
    private static Expression<Func<TRow, TResult>> With<TRow, TKey, TResult>(Expression<Func<Case, TKey>> key, Expression<Func<TRow, Case>> caseOf,
        Expression<Func<TRow, TKey, TResult>> body)
        => With(Expression.Lambda<Func<TRow, TKey>>(new Substitute(key.Parameters[0], caseOf.Body).Visit(key.Body), caseOf.Parameters), body);

    /// <summary>An expression that reads the group key of a case (or another part of a row, such as <see cref="EnrolledBy"/>
    /// or a job's nearest observations): <paramref name="body"/> with the part's expression put in for its second
    /// parameter, so that the database computes the part inside the same statement.</summary>
    internal static Expression<Func<TRow, TResult>> With<TRow, TPart, TResult>(Expression<Func<TRow, TPart>> part, Expression<Func<TRow, TPart, TResult>> body)
    {
        var row = body.Parameters[0];
        var partOfRow = new Substitute(part.Parameters[0], row).Visit(part.Body);
        return Expression.Lambda<Func<TRow, TResult>>(new Substitute(body.Parameters[1], partOfRow).Visit(body.Body), row);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
