using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;

namespace Jobbtorg.Features.Reports;

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
