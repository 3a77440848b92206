using System.Linq.Expressions;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The cases behind each number of the indicator report: for a measure (<c>enrolled</c>, <c>closureReasons.Work</c>,
/// <c>jobGuarantee.missed</c>, <c>stillSelfSupporting6Months.unknown</c>, …), a period, an as-of date and a group, the
/// units that number counts — a case, or for the municipal-job follow-up one job of a case — with the dates that decided
/// it. Each measure selects its cases by the definition <see cref="Indicators"/> counts by, on the same per-case facts,
/// and the groups are picked by the report's own grouping key; the tests hold every list against the report's figure.
/// </summary>
public sealed class IndicatorCases(ReportsDb reports, Indicators indicators)
{
    private readonly JobbtorgDb db = reports.Db;

    /// <summary>The cases the period's scope counts (a district's, or the whole city's), as the report reads them.</summary>
    private IQueryable<Case> CasesIn(Period p) => indicators.CasesIn(p.Scope);

    /// <summary>Every measure that can be opened, named as the report's JSON names the number (rates are not counts).
    /// A waiting-time median opens as the cases it is the median of.</summary>
    public static IReadOnlyList<string> Measures => Definitions.Keys.ToList();

    /// <summary>The facts a measure's list shows for each case, in the order shown.</summary>
    public static IReadOnlyList<CaseFact> FactsOf(string measure) => Definitions[measure].Facts;

    public static bool IsMeasure(string measure) => Definitions.ContainsKey(measure);

    /// <summary>The measure a number of the report page opens as; null for a rate, which counts nothing.</summary>
    public static string? MeasureOf(IndicatorRow row, Measure measure)
    {
        if (measure.Kind == MeasureKind.Rate) return null;
        var name = (row.Key, measure.Key) switch
        {
            ("closureRate", "numerator") => "closed",
            ("closureRate", "denominator") => "enrolled",
            (_, "count" or "median") => row.Key,
            _ => $"{row.Key}.{measure.Key}",
        };
        return IsMeasure(name) ? name : null;
    }

    /// <summary>
    /// The units the measure counts for [<paramref name="from"/>, <paramref name="to"/>] as of <paramref name="asOf"/>, in
    /// the group <paramref name="group"/> of the grouping (all of them when <paramref name="group"/> is null), ordered by
    /// case number.
    /// </summary>
    public Task<IReadOnlyList<CountedCase>> ListAsync(string measure, DateOnly from, DateOnly to, DateOnly asOf,
        GroupBy? groupBy, string? group, ReportScope scope, CancellationToken ct) =>
        // In one snapshot, as the report's own statements, so that the units and their groups are read from the same data.
        indicators.InSnapshotAsync(() => SelectAsync(measure, new Period(from, to, asOf, scope), groupBy, group, ct), ct);

    private async Task<IReadOnlyList<CountedCase>> SelectAsync(string measure, Period period, GroupBy? groupBy, string? group, CancellationToken ct)
    {
        var definition = Definitions[measure];
        var candidates = definition.Candidates(this, period);
        var counted = await definition.Judge(this, period, candidates, ct);
        if (groupBy is not null && group is not null)
        {
            // The report's own grouping key, computed by the database as the report's counts are.
            var key = Indicators.GroupKey(groupBy.Value, period.AsOf);
            var groups = (await candidates.Select(Indicators.With(key, (c, k) => new { c.Id, Key = k })).ToListAsync(ct))
                .ToDictionary(c => c.Id, c => c.Key ?? IndicatorReport.Unassigned);
            counted = counted.Where(c => groups.GetValueOrDefault(c.CaseId) == group).ToList();
        }
        return counted.OrderBy(c => c.CaseRef, StringComparer.Ordinal).ThenBy(c => c.MunicipalJobEnd).ThenBy(c => c.PlacementStart).ToList();
    }

    /// <summary>
    /// The units behind the number, split by what the caller may see: those among <paramref name="visible"/> are shown,
    /// the others only counted. Nothing about a case not shown leaves this method but that it was counted.
    /// </summary>
    public async Task<CasesBehindNumber> BehindAsync(string measure, DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy,
        string? group, ReportScope scope, IQueryable<Case> visible, CancellationToken ct)
    {
        var counted = await ListAsync(measure, from, to, asOf, groupBy, group, scope, ct);
        var ids = counted.Select(c => c.CaseId).Distinct().ToList();
        var seen = (await visible.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var shown = counted.Where(c => seen.Contains(c.CaseId)).ToList();
        return new CasesBehindNumber(counted.Count, shown, counted.Count - shown.Count);
    }

    /// <summary>The keys of the grouping that some case existing on the as-of date has: the groups a number can be opened for.</summary>
    public Task<List<string>> GroupsAsync(GroupBy groupBy, DateOnly asOf, ReportScope scope, CancellationToken ct) =>
        indicators.PresentKeysAsync(indicators.CasesIn(scope), groupBy, asOf, ct);

    /// <summary>The period as the definitions read it; nothing dated after the as-of date has happened.</summary>
    private sealed record Period(DateOnly From, DateOnly To, DateOnly AsOf, ReportScope Scope)
    {
        public DateOnly End => To < AsOf ? To : AsOf;
        /// <summary>The last follow-up month wholly inside the period.</summary>
        public DateOnly LastFollowUpMonth => Dates.PlusMonths(Dates.FirstOfMonth(Dates.PlusDays(To, 1)), -1);
    }

    private sealed record Definition(
        CaseFact[] Facts,
        Func<IndicatorCases, Period, IQueryable<Case>> Candidates,
        Func<IndicatorCases, Period, IQueryable<Case>, CancellationToken, Task<List<CountedCase>>> Judge);

    private static Definition Cases(Func<Period, Expression<Func<Case, bool>>> counts, params CaseFact[] facts) =>
        new(facts, (x, p) => x.CasesIn(p).Where(counts(p)), (x, p, cases, ct) => x.LoadAsync(cases, p, ct));

    /// <summary>The cases a waiting-time median is taken over, each with its calendar days from referral to <paramref name="reached"/>.</summary>
    private static Definition Waited(Func<Period, Expression<Func<Case, bool>>> counts, Func<CountedCase, DateOnly?> reached, params CaseFact[] facts) =>
        new(facts, (x, p) => x.CasesIn(p).Where(counts(p)), async (x, p, cases, ct) => (await x.LoadAsync(cases, p, ct))
            .Select(c => c with { Days = reached(c)!.Value.DayNumber - c.Referral!.Value.DayNumber }).ToList());

    private static Definition JobGuaranteeCases(JobGuaranteeState state) =>
        new([CaseFact.Enrolment, CaseFact.Deadline, CaseFact.FirstPlan, CaseFact.Closure],
            (x, p) => x.CasesIn(p).Where(NewlyEnrolled(p)), (x, p, cases, ct) => x.JobGuaranteeAsync(cases, p, state, c => c.FirstPlan, ct));

    /// <summary>Initial assessment in time: the job guarantee's rule with the first assessment (A1) in place of the first plan.</summary>
    private static Definition InitialAssessmentCases(JobGuaranteeState state) =>
        new([CaseFact.Enrolment, CaseFact.Deadline, CaseFact.FirstAssessment, CaseFact.Closure],
            (x, p) => x.CasesIn(p).Where(NewlyEnrolled(p)), (x, p, cases, ct) => x.JobGuaranteeAsync(cases, p, state, c => c.FirstAssessment, ct));

    private static Definition FollowedUp(Func<bool?, bool> counts) =>
        new([CaseFact.Closure, CaseFact.ClosureReason, CaseFact.FollowUpMonth, CaseFact.BenefitThatMonth],
            (x, p) => x.CasesIn(p).Where(SelfSupportingFollowedUp(p)), (x, p, cases, ct) => x.FollowUpAsync(cases, p, counts, ct));

    private static Definition MunicipalJobs(Func<OccupationStatus?, bool> counts) =>
        new([CaseFact.MunicipalJobEnd, CaseFact.Observation],
            (x, p) => x.MunicipalJobHolders(p), (x, p, cases, ct) => x.MunicipalJobsAsync(cases, p, counts, ct));

    // The definitions of domain.md, read as Indicators counts them: what is dated after the as-of date has not happened.
    private static Expression<Func<Case, bool>> Enrolled(Period p) =>
        c => c.EnrolmentDate <= p.End && (c.ClosureDate == null || c.ClosureDate > p.AsOf || c.ClosureDate >= p.From);

    private static Expression<Func<Case, bool>> NewlyEnrolled(Period p) => c => c.EnrolmentDate >= p.From && c.EnrolmentDate <= p.End;

    private static Expression<Func<Case, bool>> Closed(Period p) =>
        c => c.ClosureDate >= p.From && c.ClosureDate <= p.End && c.EnrolmentDate <= p.AsOf && c.ClosureReason != null;

    private static Expression<Func<Case, bool>> ClosedAs(Period p, params ClosureReason[] reasons) =>
        c => c.ClosureDate >= p.From && c.ClosureDate <= p.End && c.EnrolmentDate <= p.AsOf && reasons.Contains(c.ClosureReason!.Value);

    private static Expression<Func<Case, bool>> ClosedBeforeEnrolment(Period p) =>
        c => c.ClosureDate >= p.From && c.ClosureDate <= p.End && !(c.EnrolmentDate <= p.AsOf);

    private static Expression<Func<Case, bool>> TwelveMonths(Period p, bool onBenefitOnly) =>
        c => c.EnrolmentAnniversary >= p.From && c.EnrolmentAnniversary <= p.To && c.EnrolmentDate <= p.AsOf
             && (!onBenefitOnly || c.ReceivesBenefit);

    private static Expression<Func<Case, bool>> SelfSufficientInTwelveMonths(Period p, bool onBenefitOnly) =>
        c => c.EnrolmentAnniversary >= p.From && c.EnrolmentAnniversary <= p.To && c.EnrolmentDate <= p.AsOf
             && (!onBenefitOnly || c.ReceivesBenefit)
             && ClosureReasons.SelfSufficiency.Contains(c.ClosureReason) && c.ClosureDate <= p.AsOf && c.ClosureDate <= c.EnrolmentAnniversary;

    private static Expression<Func<Case, bool>> SelfSupportingFollowedUp(Period p) =>
        c => c.FollowUpMonth >= p.From && c.FollowUpMonth <= p.LastFollowUpMonth && c.ReceivesBenefit
             && c.EnrolmentDate <= p.AsOf && c.ClosureDate <= p.AsOf && ClosureReasons.SelfSufficiency.Contains(c.ClosureReason);

    private static Expression<Func<Case, bool>> AttendedInfoMeeting(Period p) =>
        c => c.EnrolmentDate >= p.From && c.EnrolmentDate <= p.End && c.FirstAttendedInfoMeeting <= p.AsOf;

    private static readonly CaseFact[] EnrolledFacts = [CaseFact.Enrolment, CaseFact.Closure];
    private static readonly CaseFact[] ClosedFacts = [CaseFact.Enrolment, CaseFact.Closure, CaseFact.ClosureReason];
    private static readonly CaseFact[] TwelveMonthFacts = [CaseFact.Enrolment, CaseFact.TwelveMonths, CaseFact.Closure, CaseFact.ClosureReason];

    private static readonly Dictionary<string, Definition> Definitions = new()
    {
        ["enrolled"] = Cases(Enrolled, EnrolledFacts),
        ["newlyEnrolled"] = Cases(NewlyEnrolled, CaseFact.Referral, CaseFact.Enrolment),
        ["closed"] = Cases(Closed, ClosedFacts),
        ["closedBeforeEnrolment"] = Cases(ClosedBeforeEnrolment, CaseFact.Referral, CaseFact.Closure, CaseFact.ClosureReason),
        ["closureReasons.Work"] = Cases(p => ClosedAs(p, ClosureReason.Work), ClosedFacts),
        ["closureReasons.Studies"] = Cases(p => ClosedAs(p, ClosureReason.Studies), ClosedFacts),
        ["closureReasons.EmploymentProgramme"] = Cases(p => ClosedAs(p, ClosureReason.EmploymentProgramme), ClosedFacts),
        ["closureReasons.Other"] = Cases(p => ClosedAs(p, ClosureReason.Other), ClosedFacts),
        ["closureReasons.Unknown"] = Cases(p => ClosedAs(p, ClosureReason.Unknown), ClosedFacts),
        ["jobGuarantee.met"] = JobGuaranteeCases(JobGuaranteeState.Met),
        ["jobGuarantee.missed"] = JobGuaranteeCases(JobGuaranteeState.Missed),
        ["jobGuarantee.pending"] = JobGuaranteeCases(JobGuaranteeState.Pending),
        ["jobGuarantee.excluded"] = JobGuaranteeCases(JobGuaranteeState.Excluded),
        ["initialAssessment.met"] = InitialAssessmentCases(JobGuaranteeState.Met),
        ["initialAssessment.missed"] = InitialAssessmentCases(JobGuaranteeState.Missed),
        ["initialAssessment.pending"] = InitialAssessmentCases(JobGuaranteeState.Pending),
        ["initialAssessment.excluded"] = InitialAssessmentCases(JobGuaranteeState.Excluded),
        ["selfSufficientWithin12Months.numerator"] = Cases(p => SelfSufficientInTwelveMonths(p, true), TwelveMonthFacts),
        ["selfSufficientWithin12Months.denominator"] = Cases(p => TwelveMonths(p, true), TwelveMonthFacts),
        ["selfSufficientWithin12MonthsAll.numerator"] = Cases(p => SelfSufficientInTwelveMonths(p, false), TwelveMonthFacts),
        ["selfSufficientWithin12MonthsAll.denominator"] = Cases(p => TwelveMonths(p, false), TwelveMonthFacts),
        ["closedToWorkOrStudies.numerator"] = Cases(p => ClosedAs(p, ClosureReason.Work, ClosureReason.Studies), ClosedFacts),
        ["closedToWorkOrStudies.denominator"] = Cases(Closed, ClosedFacts),
        ["stillSelfSupporting6Months.numerator"] = FollowedUp(receives => receives == false),
        ["stillSelfSupporting6Months.denominator"] = FollowedUp(receives => receives is not null),
        ["stillSelfSupporting6Months.unknown"] = FollowedUp(receives => receives is null),
        ["workingOrStudying3MonthsAfterMunicipalJob.numerator"] = MunicipalJobs(status => status is OccupationStatus.Working or OccupationStatus.Studying),
        ["workingOrStudying3MonthsAfterMunicipalJob.denominator"] = MunicipalJobs(status => status is not null),
        ["workingOrStudying3MonthsAfterMunicipalJob.unknown"] = MunicipalJobs(status => status is null),
        ["jobsMediated"] = new([CaseFact.Enrolment, CaseFact.Placement], (x, p) => x.JobHolders(p), (x, p, cases, ct) => x.JobsMediatedAsync(cases, p, ct)),
        ["medianDaysReferralToInfoMeeting"] = Waited(AttendedInfoMeeting, c => c.InfoMeeting, CaseFact.Referral, CaseFact.InfoMeeting, CaseFact.Days),
        ["medianDaysReferralToEnrolment"] = Waited(NewlyEnrolled, c => c.Enrolment, CaseFact.Referral, CaseFact.Enrolment, CaseFact.Days),
    };

    /// <summary>The cases with their dates as they stood on the as-of date.</summary>
    private async Task<List<CountedCase>> LoadAsync(IQueryable<Case> cases, Period p, CancellationToken ct)
    {
        var rows = await cases.Select(c => new
        {
            c.Id, c.CaseRef, c.ReferralDate, c.FirstAttendedInfoMeeting, c.EnrolmentDate, c.FirstPlanDue, c.FirstPlanAgreedOn,
            c.FirstAssessmentOn, c.ClosureDate, c.ClosureReason, c.EnrolmentAnniversary,
        }).ToListAsync(ct);
        DateOnly? Seen(DateOnly? date) => date <= p.AsOf ? date : null;
        return rows.Select(c =>
        {
            var closed = Seen(c.ClosureDate);
            var enrolled = Seen(c.EnrolmentDate);
            return new CountedCase(c.Id, c.CaseRef)
            {
                Referral = c.ReferralDate,
                InfoMeeting = Seen(c.FirstAttendedInfoMeeting),
                Enrolment = enrolled,
                Deadline = enrolled is null ? null : c.FirstPlanDue,
                FirstPlan = enrolled is null ? null : Seen(c.FirstPlanAgreedOn),
                FirstAssessment = Seen(c.FirstAssessmentOn),
                Closure = closed,
                ClosureReason = closed is null ? null : c.ClosureReason,
                TwelveMonths = enrolled is null ? null : c.EnrolmentAnniversary,
            };
        }).ToList();
    }

    /// <summary>The newly enrolled whose job guarantee (or, with <paramref name="done"/> the first assessment, initial
    /// assessment in time) stood in <paramref name="state"/> on the as-of date, judged by the rule the case page and the
    /// report use; the deadline shown leaves out the days paused by then.</summary>
    private async Task<List<CountedCase>> JobGuaranteeAsync(IQueryable<Case> cases, Period p, JobGuaranteeState state,
        Func<CountedCase, DateOnly?> done, CancellationToken ct)
    {
        var pauses = (await cases.SelectMany(c => c.Pauses).Where(x => x.PausedOn <= p.AsOf)
                .Select(x => new { x.CaseId, x.PausedOn, x.ResumedOn }).ToListAsync(ct))
            .ToLookup(x => x.CaseId, x => new PausePeriod(x.PausedOn, x.ResumedOn <= p.AsOf ? x.ResumedOn : null));
        var counted = new List<CountedCase>();
        foreach (var c in await LoadAsync(cases, p, ct))
        {
            if (JobGuarantee.StateOf(c.Enrolment, done(c), pauses[c.CaseId], c.Closure, p.AsOf) != state) continue;
            counted.Add(pauses[c.CaseId].Any() ? c with { Deadline = JobGuarantee.Deadline(c.Enrolment!.Value, pauses[c.CaseId]) } : c);
        }
        return counted;
    }

    /// <summary>Those followed up six months after leaving as self-supporting, with the district's answer for that
    /// month (null: none known by the as-of date).</summary>
    private async Task<List<CountedCase>> FollowUpAsync(IQueryable<Case> cases, Period p, Func<bool?, bool> counts, CancellationToken ct)
    {
        var answers = await cases.Select(c => new
        {
            c.Id,
            Receives = c.FollowUpMonth <= p.AsOf ? c.FollowUpReceivesBenefit : null,
            Month = c.FollowUpMonth,
        }).ToDictionaryAsync(c => c.Id, ct);
        return (await LoadAsync(cases, p, ct))
            .Where(c => counts(answers[c.CaseId].Receives))
            .Select(c => c with { FollowUpMonth = answers[c.CaseId].Month, BenefitThatMonth = answers[c.CaseId].Receives })
            .ToList();
    }

    /// <summary>The matched jobs (not internships) started in the period, by the as-of date.</summary>
    private IQueryable<Placement> MediatedJobs(Period p) =>
        db.Placements.Where(j => j.Matched && Placement.Jobs.Contains(j.Kind) && j.StartDate >= p.From && j.StartDate <= p.End);

    /// <summary>The enrolled cases holding a mediated job started in the period.</summary>
    private IQueryable<Case> JobHolders(Period p)
    {
        var jobs = MediatedJobs(p);
        return CasesIn(p).Where(c => c.EnrolmentDate <= p.AsOf && jobs.Any(j => j.CaseId == c.Id));
    }

    /// <summary>One unit per mediated job, as the report counts them.</summary>
    private async Task<List<CountedCase>> JobsMediatedAsync(IQueryable<Case> cases, Period p, CancellationToken ct)
    {
        var jobs = MediatedJobs(p);
        var byCase = (await jobs.Where(j => cases.Any(c => c.Id == j.CaseId)).Select(j => new { j.CaseId, j.Kind, j.StartDate }).ToListAsync(ct))
            .ToLookup(j => j.CaseId);
        return (await LoadAsync(cases, p, ct))
            .SelectMany(c => byCase[c.CaseId].Select(j => c with { Placement = j.Kind, PlacementStart = j.StartDate }))
            .ToList();
    }

    /// <summary>The cases holding a municipal job whose end + 3 months lies in the period.</summary>
    private IQueryable<Case> MunicipalJobHolders(Period p)
    {
        if (Dates.Preimage(end => Dates.PlusMonths(end, 3), p.From, p.To) is not var (firstEnd, lastEnd)) return CasesIn(p).Where(c => false);
        var jobs = EndedJobs(p, firstEnd, lastEnd);
        return CasesIn(p).Where(c => c.EnrolmentDate <= p.AsOf && jobs.Any(j => j.CaseId == c.Id));
    }

    /// <summary>The municipal jobs whose end + 3 months lies in the period (the ends from <paramref name="firstEnd"/> to
    /// <paramref name="lastEnd"/>), started by the as-of date.</summary>
    private IQueryable<Placement> EndedJobs(Period p, DateOnly firstEnd, DateOnly lastEnd) =>
        db.Placements.Where(j => j.Kind == PlacementKind.MunicipalJob && j.StartDate <= p.AsOf && j.FollowUpOn >= p.From && j.FollowUpOn <= p.To);

    /// <summary>One unit per municipal job, judged by the observation nearest its end + 3 months, as the report judges it.</summary>
    private async Task<List<CountedCase>> MunicipalJobsAsync(IQueryable<Case> cases, Period p, Func<OccupationStatus?, bool> counts,
        CancellationToken ct)
    {
        if (Dates.Preimage(end => Dates.PlusMonths(end, 3), p.From, p.To) is not var (firstEnd, lastEnd)) return [];
        var jobs = EndedJobs(p, firstEnd, lastEnd);
        var holders = await cases.Select(c => new
        {
            c.Id, c.CaseRef, c.ParticipantId,
            Ends = jobs.Where(j => j.CaseId == c.Id).Select(j => j.EndDate!.Value).ToList(),
        }).ToListAsync(ct);
        var earliest = Dates.PlusDays(Dates.PlusMonths(firstEnd, 3), -Indicators.ObservationWindowDays);
        var latest = Dates.PlusDays(Dates.PlusMonths(lastEnd, 3), Indicators.ObservationWindowDays);
        var observations = (await db.OccupationObservations.AsNoTracking()
                .Where(o => o.Date <= p.AsOf && o.Date >= earliest && o.Date <= latest && cases.Any(c => c.ParticipantId == o.ParticipantId))
                .Select(o => new { o.ParticipantId, o.Date, o.Status })
                .ToListAsync(ct))
            .GroupBy(o => o.ParticipantId)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Date).Select(o => (o.Date, o.Status)).ToArray());

        var counted = new List<CountedCase>();
        foreach (var holder in holders)
            foreach (var end in holder.Ends)
            {
                var byDate = observations.GetValueOrDefault(holder.ParticipantId, []);
                var target = Dates.PlusMonths(end, 3);
                var status = Indicators.Nearest(byDate, target);
                if (!counts(status)) continue;
                // The observation the status came from: the nearest within the window, the earlier on a tie.
                var observed = status is null ? null : (DateOnly?)byDate
                    .Where(o => Math.Abs(o.Date.DayNumber - target.DayNumber) <= Indicators.ObservationWindowDays)
                    .OrderBy(o => Math.Abs(o.Date.DayNumber - target.DayNumber)).ThenBy(o => o.Date).First().Date;
                counted.Add(new CountedCase(holder.Id, holder.CaseRef)
                {
                    MunicipalJobEnd = end, ObservedOn = observed, Observed = status,
                });
            }
        return counted;
    }
}

/// <summary>What the list of a measure shows about a case, besides its name and number.</summary>
public enum CaseFact
{
    Referral, InfoMeeting, Enrolment, Deadline, FirstPlan, Closure, ClosureReason, TwelveMonths, FollowUpMonth, BenefitThatMonth,
    MunicipalJobEnd, Observation, Days, FirstAssessment,
    /// <summary>A placement's kind and start.</summary>
    Placement,
}
