using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>A coach's open enrolled cases on a date. The coach is the user's display name, or the source system's
/// name for an imported coach with no user here.</summary>
public sealed record CoachCaseload(string Coach, int OpenCases);

/// <summary>
/// Everything the indicators read, as it stood on <see cref="AsOf"/>: whatever is dated later has already been left
/// out, so many periods and groupings can be computed from one load.
/// </summary>
public sealed class IndicatorData
{
    private IndicatorData(DateOnly asOf, IReadOnlyList<CaseFacts> cases, Dictionary<(int Participant, DateOnly Month), bool> benefitInFollowUpMonths,
        Dictionary<int, OccupationRow[]> occupations)
    {
        AsOf = asOf;
        Cases = cases;
        BenefitInFollowUpMonths = benefitInFollowUpMonths;
        Occupations = occupations;
    }

    public DateOnly AsOf { get; }

    /// <summary>Every case referred on or before <see cref="AsOf"/>.</summary>
    internal IReadOnlyList<CaseFacts> Cases { get; }

    /// <summary>Benefit status per person, kept only for the months some case's six-month follow-up looks at.</summary>
    internal IReadOnlyDictionary<(int Participant, DateOnly Month), bool> BenefitInFollowUpMonths { get; }

    /// <summary>Occupation observations of people who held a municipal job, by date.</summary>
    internal IReadOnlyDictionary<int, OccupationRow[]> Occupations { get; }

    /// <summary>Applies <paramref name="asOf"/> to rows as stored: a referral after it does not exist; an enrolment,
    /// plan agreement, closure, pause, info meeting, placement start or observation after it has not happened; a
    /// resume after it leaves the pause open; a benefit month counts once its first day has come.</summary>
    internal static IndicatorData Create(DateOnly asOf, IEnumerable<CaseRow> cases, IEnumerable<PauseRow> pauses,
        IEnumerable<AttendedInfoMeetingRow> attendedInfoMeetings, IEnumerable<MunicipalJobRow> municipalJobs,
        IEnumerable<BenefitMonthRow> benefitMonths, IEnumerable<OccupationRow> occupations)
    {
        bool Known(DateOnly? date) => date is { } d && d <= asOf;

        var pausesByCase = pauses.Where(p => p.PausedOn <= asOf).GroupBy(p => p.CaseId)
            .ToDictionary(g => g.Key, g => g.Select(p => new PausePeriod(p.PausedOn, Known(p.ResumedOn) ? p.ResumedOn : null)).ToArray());
        var firstAttended = attendedInfoMeetings.Where(m => m.Date <= asOf)
            .GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => g.Min(m => m.Date));
        var jobEnds = municipalJobs.Where(j => j.Start <= asOf)
            .GroupBy(j => j.CaseId).ToDictionary(g => g.Key, g => g.Select(j => j.End).Order().ToArray());

        var facts = new List<CaseFacts>();
        foreach (var c in cases)
        {
            if (c.ReferralDate > asOf) continue;
            var enrolment = Known(c.EnrolmentDate) ? c.EnrolmentDate : null;
            var closure = Known(c.ClosureDate) ? c.ClosureDate : null;
            facts.Add(new CaseFacts(
                AsOf: asOf,
                ParticipantId: c.ParticipantId,
                Referral: c.ReferralDate,
                Enrolment: enrolment,
                FirstPlanAgreed: enrolment is not null && Known(c.FirstPlanAgreedOn) ? c.FirstPlanAgreedOn : null,
                Pauses: pausesByCase.TryGetValue(c.Id, out var paused) ? paused : [],
                Closure: closure,
                ClosureReason: closure is null ? null : c.ClosureReason,
                ReceivesBenefit: c.ReceivesBenefit,
                FirstAttendedInfoMeeting: firstAttended.TryGetValue(c.Id, out var meeting) ? meeting : null,
                MunicipalJobEnds: jobEnds.GetValueOrDefault(c.Id, []),
                // Reporting group, job centre and coach are fixed at enrolment; a case not enrolled has none.
                ReportingGroup: enrolment is not null && c.ReportingGroup is { } g ? g.ToString() : IndicatorReport.Unassigned,
                JobCentre: enrolment is not null ? c.JobCentre : IndicatorReport.Unassigned,
                District: c.District,
                Gender: c.Gender.ToString(),
                Coach: enrolment is not null ? c.Coach : null));
        }

        // Only the months a six-month follow-up reads are kept: a city has millions of benefit months.
        var followUpMonths = facts.Where(IndicatorCalculator.IsFollowedUpSixMonths)
            .Select(c => (c.ParticipantId, IndicatorCalculator.FollowUpMonth(c.Closure!.Value))).ToHashSet();
        var benefit = new Dictionary<(int, DateOnly), bool>();
        foreach (var b in benefitMonths)
            if (b.Month <= asOf && followUpMonths.Contains((b.ParticipantId, b.Month)))
                benefit[(b.ParticipantId, b.Month)] = b.ReceivesBenefit;

        var municipalJobHolders = facts.Where(c => c.MunicipalJobEnds.Length > 0).Select(c => c.ParticipantId).ToHashSet();
        var observations = occupations.Where(o => o.Date <= asOf && municipalJobHolders.Contains(o.ParticipantId))
            .GroupBy(o => o.ParticipantId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Date).ToArray());

        return new IndicatorData(asOf, facts, benefit, observations);
    }
}

/// <summary>A case as the indicators see it on the data's as-of date. Group keys are ready to use.</summary>
internal sealed record CaseFacts(
    DateOnly AsOf,
    int ParticipantId,
    DateOnly Referral,
    DateOnly? Enrolment,
    DateOnly? FirstPlanAgreed,
    PausePeriod[] Pauses,
    DateOnly? Closure,
    ClosureReason? ClosureReason,
    bool ReceivesBenefit,
    DateOnly? FirstAttendedInfoMeeting,
    DateOnly[] MunicipalJobEnds,
    string ReportingGroup,
    string JobCentre,
    string District,
    string Gender,
    string? Coach)
{
    private JobGuaranteeState? jobGuarantee;

    /// <summary>The job-guarantee state on <see cref="AsOf"/>, as the case page shows it. Worked out when first asked:
    /// only the cases newly enrolled in a reported period need it.</summary>
    public JobGuaranteeState JobGuarantee => jobGuarantee ??=
        Cases.JobGuarantee.StateOf(Enrolment, FirstPlanAgreed, Pauses, Closure, AsOf);
}

// Rows as stored, before the as-of date is applied.
internal sealed record CaseRow(int Id, int ParticipantId, DateOnly ReferralDate, DateOnly? EnrolmentDate, DateOnly? FirstPlanAgreedOn,
    DateOnly? ClosureDate, ClosureReason? ClosureReason, bool ReceivesBenefit, ReportingGroup? ReportingGroup,
    string JobCentre, string District, Gender Gender, string? Coach);
internal readonly record struct PauseRow(int CaseId, DateOnly PausedOn, DateOnly? ResumedOn);
internal readonly record struct AttendedInfoMeetingRow(int CaseId, DateOnly Date);
internal readonly record struct MunicipalJobRow(int CaseId, DateOnly Start, DateOnly End);
internal readonly record struct BenefitMonthRow(int ParticipantId, DateOnly Month, bool ReceivesBenefit);
internal readonly record struct OccupationRow(int ParticipantId, DateOnly Date, OccupationStatus Status);

/// <summary>Loads the indicator data from the database: a handful of set-based, untracked projections, filtered to
/// what the as-of date lets count.</summary>
public sealed class Indicators(JobbtorgDb db)
{
    public async Task<IndicatorData> LoadAsync(DateOnly asOf, CancellationToken ct)
    {
        var centres = await db.JobCentres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);

        var existing = db.Cases.Where(c => c.ReferralDate <= asOf);
        var caseRows = await existing.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.ParticipantId, c.ReferralDate, c.EnrolmentDate, c.FirstPlanAgreedOn, c.ClosureDate, c.ClosureReason,
                c.ReceivesBenefit, c.ReportingGroup, c.JobCentreId, c.DistrictId, c.Participant.Gender,
                Coach = c.Coach != null ? c.Coach.DisplayName : c.CoachRef,
            })
            .ToListAsync(ct);
        var cases = caseRows.Select(c => new CaseRow(c.Id, c.ParticipantId, c.ReferralDate, c.EnrolmentDate, c.FirstPlanAgreedOn,
            c.ClosureDate, c.ClosureReason, c.ReceivesBenefit, c.ReportingGroup, centres[c.JobCentreId], districts[c.DistrictId], c.Gender, c.Coach));

        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.PausedOn <= asOf)
            .Select(p => new PauseRow(p.CaseId, p.PausedOn, p.ResumedOn)).ToListAsync(ct);

        var firstAttended = await db.InfoMeetingOutcomes.AsNoTracking().Where(m => m.Attended && m.Date <= asOf)
            .GroupBy(m => m.CaseId).Select(g => new AttendedInfoMeetingRow(g.Key, g.Min(m => m.Date))).ToListAsync(ct);

        var municipalJobs = db.Placements.Where(p => p.Kind == PlacementKind.MunicipalJob && p.EndDate != null && p.StartDate <= asOf);
        var jobs = await municipalJobs.AsNoTracking().Select(p => new MunicipalJobRow(p.CaseId, p.StartDate, p.EndDate!.Value)).ToListAsync(ct);

        // Benefit months only of people with a case the six-month follow-up can look at; the months themselves are
        // narrowed further in memory.
        var followedUpPeople = existing
            .Where(c => c.ReceivesBenefit && c.EnrolmentDate <= asOf && c.ClosureDate <= asOf
                        && (c.ClosureReason == ClosureReason.Work || c.ClosureReason == ClosureReason.Studies
                            || c.ClosureReason == ClosureReason.EmploymentProgramme))
            .Select(c => c.ParticipantId);
        var benefitMonths = await db.BenefitMonths.AsNoTracking()
            .Where(b => b.Month <= asOf && followedUpPeople.Contains(b.ParticipantId))
            .Select(b => new BenefitMonthRow(b.ParticipantId, b.Month, b.ReceivesBenefit)).ToListAsync(ct);

        var municipalJobHolders = existing.Where(c => municipalJobs.Any(p => p.CaseId == c.Id)).Select(c => c.ParticipantId);
        var occupations = await db.OccupationObservations.AsNoTracking()
            .Where(o => o.Date <= asOf && municipalJobHolders.Contains(o.ParticipantId))
            .Select(o => new OccupationRow(o.ParticipantId, o.Date, o.Status)).ToListAsync(ct);

        return IndicatorData.Create(asOf, cases, pauses, firstAttended, jobs, benefitMonths, occupations);
    }
}

/// <summary>The indicators of domain.md ("Indicators — exact definitions"), computed for a period.</summary>
public static class IndicatorCalculator
{
    /// <summary>How far from "end of a municipal job + 3 months" an occupation observation may lie and still count.</summary>
    public const int ObservationWindowDays = 31;

    private static readonly ClosureReason[] Reasons = Enum.GetValues<ClosureReason>();

    /// <summary>
    /// The report for [<paramref name="from"/>, <paramref name="to"/>]. With a grouping, a group is present for every
    /// key that some case existing on the as-of date has, even when nothing in the period counts for it: the list of
    /// groups then depends on the data only, never on the period, which keeps reports for different periods
    /// comparable row by row.
    /// </summary>
    public static IndicatorReport Compute(IndicatorData data, DateOnly from, DateOnly to, GroupBy? groupBy)
    {
        var total = new Tally();
        var groups = groupBy is null ? null : new Dictionary<string, Tally>();
        foreach (var c in data.Cases)
        {
            total.Add(c, from, to, data);
            if (groups is null) continue;
            var key = KeyOf(c, groupBy!.Value);
            if (!groups.TryGetValue(key, out var tally)) groups[key] = tally = new Tally();
            tally.Add(c, from, to, data);
        }
        return new IndicatorReport(from, to, data.AsOf, total.Result(),
            groups?.OrderBy(g => g.Key == IndicatorReport.Unassigned).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Value.Result()));
    }

    /// <summary>Open enrolled cases per coach at the end of <paramref name="on"/> (a case closed that day no longer
    /// counts; a paused case does), most loaded first. Cases with no coach are listed as "unassigned".</summary>
    public static IReadOnlyList<CoachCaseload> Caseload(IndicatorData data, DateOnly on) =>
        data.Cases
            .Where(c => c.Enrolment <= on && (c.Closure is null || c.Closure > on))
            .GroupBy(c => c.Coach ?? IndicatorReport.Unassigned)
            .Select(g => new CoachCaseload(g.Key, g.Count()))
            .OrderByDescending(l => l.OpenCases).ThenBy(l => l.Coach, StringComparer.Ordinal)
            .ToList();

    internal static bool IsSelfSufficiencyReason(ClosureReason? reason) =>
        reason is ClosureReason.Work or ClosureReason.Studies or ClosureReason.EmploymentProgramme;

    /// <summary>Enrolled benefit recipients closed with a self-sufficiency reason: the six-month follow-up asks about them.</summary>
    internal static bool IsFollowedUpSixMonths(CaseFacts c) =>
        c.Enrolment is not null && c.Closure is not null && c.ReceivesBenefit && IsSelfSufficiencyReason(c.ClosureReason);

    /// <summary>The first day of the calendar month six months after the closure.</summary>
    internal static DateOnly FollowUpMonth(DateOnly closure)
    {
        var m = Dates.PlusMonths(closure, 6);
        return new DateOnly(m.Year, m.Month, 1);
    }

    private static string KeyOf(CaseFacts c, GroupBy groupBy) => groupBy switch
    {
        GroupBy.ReportingGroup => c.ReportingGroup,
        GroupBy.JobCentre => c.JobCentre,
        GroupBy.District => c.District,
        GroupBy.Gender => c.Gender,
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
    };

    /// <summary>The observation nearest <paramref name="target"/> within the window; the earlier one wins a tie.</summary>
    private static OccupationRow? NearestObservation(IndicatorData data, int participantId, DateOnly target)
    {
        if (!data.Occupations.TryGetValue(participantId, out var observations)) return null;
        OccupationRow? best = null;
        var bestDistance = int.MaxValue;
        foreach (var o in observations) // ordered by date, so a later one at the same distance never replaces an earlier
        {
            var distance = Math.Abs(o.Date.DayNumber - target.DayNumber);
            if (distance <= ObservationWindowDays && distance < bestDistance)
            {
                best = o;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static double? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }

    /// <summary>The counts of one set of cases, added one case at a time.</summary>
    private sealed class Tally
    {
        private int enrolled, newlyEnrolled, closed, closedBeforeEnrolment;
        private readonly int[] reasons = new int[Reasons.Length];
        private int met, missed, pending, excluded;
        private int selfSufficientNumerator, selfSufficientDenominator, selfSufficientAllNumerator, selfSufficientAllDenominator;
        private int toWorkOrStudies;
        private int stillSelfSupporting, stillSelfSupportingKnown, stillSelfSupportingUnknown;
        private int workingOrStudying, occupationKnown, occupationUnknown;
        private readonly List<int> daysToInfoMeeting = [], daysToEnrolment = [];

        public void Add(CaseFacts c, DateOnly from, DateOnly to, IndicatorData data)
        {
            bool InPeriod(DateOnly? date) => date is { } d && d >= from && d <= to;

            if (c.Enrolment is not { } e)
            {
                if (InPeriod(c.Closure)) closedBeforeEnrolment++;
                return;
            }

            if (e <= to && (c.Closure is null || c.Closure >= from)) enrolled++;

            if (InPeriod(e))
            {
                newlyEnrolled++;
                AddJobGuarantee(c);
                daysToEnrolment.Add(e.DayNumber - c.Referral.DayNumber);
                if (c.FirstAttendedInfoMeeting is { } meeting) daysToInfoMeeting.Add(meeting.DayNumber - c.Referral.DayNumber);
            }

            if (InPeriod(c.Closure))
            {
                closed++;
                reasons[(int)c.ClosureReason!.Value]++;
                if (c.ClosureReason is ClosureReason.Work or ClosureReason.Studies) toWorkOrStudies++;
            }

            var anniversary = Dates.PlusMonths(e, 12); // clamped to the month's end: 29 Feb + 12 months is 28 Feb
            if (InPeriod(anniversary))
            {
                var selfSufficient = IsSelfSufficiencyReason(c.ClosureReason) && c.Closure <= anniversary;
                selfSufficientAllDenominator++;
                if (selfSufficient) selfSufficientAllNumerator++;
                if (c.ReceivesBenefit)
                {
                    selfSufficientDenominator++;
                    if (selfSufficient) selfSufficientNumerator++;
                }
            }

            if (IsFollowedUpSixMonths(c))
            {
                var month = FollowUpMonth(c.Closure!.Value);
                if (month >= from && Dates.PlusDays(Dates.PlusMonths(month, 1), -1) <= to)
                {
                    if (data.BenefitInFollowUpMonths.TryGetValue((c.ParticipantId, month), out var receivesBenefit))
                    {
                        stillSelfSupportingKnown++;
                        if (!receivesBenefit) stillSelfSupporting++;
                    }
                    else stillSelfSupportingUnknown++;
                }
            }

            foreach (var end in c.MunicipalJobEnds)
            {
                var target = Dates.PlusMonths(end, 3);
                if (!InPeriod(target)) continue;
                if (NearestObservation(data, c.ParticipantId, target) is { } observation)
                {
                    occupationKnown++;
                    if (observation.Status is OccupationStatus.Working or OccupationStatus.Studying) workingOrStudying++;
                }
                else occupationUnknown++;
            }
        }

        private void AddJobGuarantee(CaseFacts c)
        {
            switch (c.JobGuarantee)
            {
                case JobGuaranteeState.Met: met++; break;
                case JobGuaranteeState.Excluded: excluded++; break;
                case JobGuaranteeState.Pending: pending++; break;
                case JobGuaranteeState.Missed: missed++; break;
            }
        }

        public IndicatorSet Result() => new(
            Enrolled: enrolled,
            NewlyEnrolled: newlyEnrolled,
            Closed: closed,
            ClosedBeforeEnrolment: closedBeforeEnrolment,
            ClosureRate: Rate(closed, enrolled),
            ClosureReasons: Reasons.ToDictionary(r => r.ToString(), r => reasons[(int)r]),
            JobGuarantee: new JobGuaranteeOutcome(met, missed, pending, excluded, Rate(met, met + missed)),
            SelfSufficientWithin12Months: new Ratio(selfSufficientNumerator, selfSufficientDenominator, Rate(selfSufficientNumerator, selfSufficientDenominator)),
            SelfSufficientWithin12MonthsAll: new Ratio(selfSufficientAllNumerator, selfSufficientAllDenominator, Rate(selfSufficientAllNumerator, selfSufficientAllDenominator)),
            ClosedToWorkOrStudies: new Ratio(toWorkOrStudies, closed, Rate(toWorkOrStudies, closed)),
            StillSelfSupporting6Months: new RatioWithUnknown(stillSelfSupporting, stillSelfSupportingKnown, stillSelfSupportingUnknown,
                Rate(stillSelfSupporting, stillSelfSupportingKnown)),
            WorkingOrStudying3MonthsAfterMunicipalJob: new RatioWithUnknown(workingOrStudying, occupationKnown, occupationUnknown,
                Rate(workingOrStudying, occupationKnown)),
            MedianDaysReferralToInfoMeeting: Median(daysToInfoMeeting),
            MedianDaysReferralToEnrolment: Median(daysToEnrolment));
    }
}
