using Jobbtorg.Calendar;
using Jobbtorg.Features.Reports;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// The indicators of domain.md computed the plain way, one definition at a time, straight from a generated stream's
/// events: the yardstick the report is measured against. It shares nothing with the production calculator but the
/// result records and the calendar's working days.
/// </summary>
public sealed class StraightforwardIndicators(GeneratedStream stream)
{
    private static readonly string[] Reasons = ["Work", "Studies", "EmploymentProgramme", "Other", "Unknown"];
    private static readonly string[] SelfSufficiencyReasons = ["Work", "Studies", "EmploymentProgramme"];

    private readonly ILookup<string, (DateOnly Date, string Status)> observations =
        stream.OccupationStatuses.ToLookup(o => o.Key.PersonalNumber, o => (o.Key.Date, o.Value));

    /// <summary>A case as it stood on the as-of date.</summary>
    private sealed record Seen(
        GeneratedCase Case, DateOnly? E, DateOnly? P1, DateOnly? A1, DateOnly? C, string? Reason, List<(DateOnly From, DateOnly? Until)> Pauses,
        DateOnly? FirstAttendedMeeting, List<GeneratedPlacement> Placements);

    /// <summary>The report; with <paramref name="district"/> (a code), of the cases that district referred only.</summary>
    public IndicatorReport Report(DateOnly from, DateOnly to, DateOnly asOf, GroupBy? groupBy, string? district = null)
    {
        var cases = stream.Cases.Where(c => c.Referral <= asOf && (district is null || c.District == district)).Select(c => SeenOn(c, asOf)).ToList();
        return new IndicatorReport(from, to, asOf, Set(cases, from, to, asOf),
            groupBy is { } g ? cases.GroupBy(c => Key(c, g)).ToDictionary(x => x.Key, x => Set([.. x], from, to, asOf)) : null);
    }

    private static Seen SeenOn(GeneratedCase c, DateOnly asOf)
    {
        var e = c.Enrolment <= asOf ? c.Enrolment : null;
        var closure = c.Closure <= asOf ? c.Closure : null;
        return new Seen(c, e,
            P1: e is null ? null : c.PlansAgreed.Where(p => p <= asOf).Select(p => (DateOnly?)p).Min(),
            A1: c.Assessments.Where(a => a.Date <= asOf).Select(a => (DateOnly?)a.Date).Min(),
            C: closure,
            Reason: closure is null ? null : c.ClosureReason,
            Pauses: [.. c.Pauses.Where(p => p.PausedOn <= asOf).Select(p => (p.PausedOn, p.ResumedOn <= asOf ? p.ResumedOn : null))],
            FirstAttendedMeeting: c.InfoMeetings.Where(m => m.Attended && m.Date <= asOf).Select(m => (DateOnly?)m.Date).Min(),
            Placements: [.. c.Placements.Where(p => p.Start <= asOf)]);
    }

    private static string Key(Seen c, GroupBy groupBy) => groupBy switch
    {
        GroupBy.ReportingGroup => c.E is { } e ? ReportingGroup(c.Case, e) : IndicatorReport.Unassigned,
        GroupBy.JobCentre => c.E is not null ? c.Case.JobCentre! : IndicatorReport.Unassigned,
        GroupBy.District => c.Case.District,
        GroupBy.Gender => c.Case.Gender, // as the case's own referral line gave it, whatever the person's later referrals say
        GroupBy.TargetGroup => c.Case.TargetGroup,
        GroupBy.Benefit => c.Case.ReceivesBenefit ? "WithBenefit" : "WithoutBenefit",
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
    };

    private static string ReportingGroup(GeneratedCase c, DateOnly enrolment)
    {
        if (c.TargetGroup == "AdultRefugee" || c.NewlyArrived) return "NewlyArrivedRefugee";
        var age = enrolment.Year - c.BirthDate.Year - (enrolment < c.BirthDate.AddYears(enrolment.Year - c.BirthDate.Year) ? 1 : 0);
        return age is >= 16 and <= 24 ? "Youth" : "Other25Plus";
    }

    private IndicatorSet Set(List<Seen> cases, DateOnly from, DateOnly to, DateOnly asOf)
    {
        bool In(DateOnly? d) => d >= from && d <= to;
        var enrolled = cases.Where(c => c.E <= to && (c.C is null || c.C >= from)).ToList();
        var newlyEnrolled = cases.Where(c => In(c.E)).ToList();
        var closed = cases.Where(c => c.E is not null && In(c.C)).ToList();
        var closedBeforeEnrolment = cases.Count(c => c.E is null && In(c.C));

        JobGuaranteeOutcome InTime(Func<Seen, DateOnly?> first)
        {
            int met = 0, missed = 0, pending = 0, excluded = 0;
            foreach (var c in newlyEnrolled)
            {
                var deadline = Deadline(c.E!.Value, c.Pauses); // null: an open pause stopped the clock, no deadline is ever reached
                var done = first(c);
                if (done is { } p1 && (deadline is null || p1 <= deadline)) met++;
                else if (done is null && c.C is { } closure && (deadline is null || closure <= deadline)) excluded++;
                else if (done is null && (deadline is null || deadline >= asOf)) pending++;
                else missed++;
            }
            return new JobGuaranteeOutcome(met, missed, pending, excluded, Rate(met, met + missed));
        }

        var twelveMonths = cases.Where(c => c.E is { } e && In(e.AddMonths(12))).ToList();
        bool SelfSufficientInTwelve(Seen c) => SelfSufficiencyReasons.Contains(c.Reason) && c.C <= c.E!.Value.AddMonths(12);
        var twelveMonthsOnBenefit = twelveMonths.Where(c => c.Case.ReceivesBenefit).ToList();

        var toWorkOrStudies = closed.Count(c => c.Reason is "Work" or "Studies");

        int stillNo = 0, stillKnown = 0, stillUnknown = 0;
        foreach (var c in cases.Where(c => c.E is not null && c.C is not null && SelfSufficiencyReasons.Contains(c.Reason) && c.Case.ReceivesBenefit))
        {
            var sixth = c.C!.Value.AddMonths(6);
            var month = new DateOnly(sixth.Year, sixth.Month, 1);
            if (month < from || month.AddMonths(1).AddDays(-1) > to) continue;
            if (month <= asOf && stream.BenefitMonths.TryGetValue((c.Case.PersonalNumber, month), out var receives))
            {
                stillKnown++;
                if (!receives) stillNo++;
            }
            else stillUnknown++;
        }

        int working = 0, observed = 0, notObserved = 0;
        foreach (var c in cases.Where(c => c.E is not null))
            foreach (var job in c.Placements.Where(p => p.Kind == "MunicipalJob" && p.End is not null))
            {
                var target = job.End!.Value.AddMonths(3);
                if (!In(target)) continue;
                var nearest = observations[c.Case.PersonalNumber]
                    .Where(o => o.Date <= asOf && Math.Abs(o.Date.DayNumber - target.DayNumber) <= 31)
                    .OrderBy(o => Math.Abs(o.Date.DayNumber - target.DayNumber)).ThenBy(o => o.Date)
                    .Select(o => o.Status).FirstOrDefault();
                if (nearest is null) notObserved++;
                else
                {
                    observed++;
                    if (nearest is "Working" or "Studying") working++;
                }
            }

        // Jobs mediated: matched jobs (not internships) started in the period, one per placement, of enrolled cases.
        var jobsMediated = cases.Where(c => c.E is not null)
            .Sum(c => c.Placements.Count(p => p.Matched && p.Kind is ("Employment" or "SubsidizedEmployment" or "MunicipalJob") && In(p.Start)));

        return new IndicatorSet(
            enrolled.Count, newlyEnrolled.Count, closed.Count, closedBeforeEnrolment, Rate(closed.Count, enrolled.Count),
            Reasons.ToDictionary(r => r, r => closed.Count(c => c.Reason == r)),
            InTime(c => c.P1),
            Ratio(twelveMonthsOnBenefit.Count(SelfSufficientInTwelve), twelveMonthsOnBenefit.Count),
            Ratio(twelveMonths.Count(SelfSufficientInTwelve), twelveMonths.Count),
            Ratio(toWorkOrStudies, closed.Count),
            new RatioWithUnknown(stillNo, stillKnown, stillUnknown, Rate(stillNo, stillKnown)),
            new RatioWithUnknown(working, observed, notObserved, Rate(working, observed)),
            // Initial assessment in time: as the job guarantee with A1, the first assessment of any instrument, for P1.
            InTime(c => c.A1),
            jobsMediated,
            Median([.. newlyEnrolled.Where(c => c.FirstAttendedMeeting is not null).Select(c => c.FirstAttendedMeeting!.Value.DayNumber - c.Case.Referral.DayNumber)]),
            Median([.. newlyEnrolled.Select(c => c.E!.Value.DayNumber - c.Case.Referral.DayNumber)]));
    }

    /// <summary>The fifth working day after enrolment outside every pause; null once an open pause is reached.</summary>
    private static DateOnly? Deadline(DateOnly enrolment, List<(DateOnly From, DateOnly? Until)> pauses)
    {
        var day = enrolment;
        for (var counted = 0; counted < 5;)
        {
            day = day.AddDays(1);
            var covering = pauses.Where(p => day >= p.From && (p.Until is null || day < p.Until)).ToList();
            if (covering.Any(p => p.Until is null)) return null;
            if (covering.Count == 0 && WorkingDays.IsWorkingDay(day)) counted++;
        }
        return day;
    }

    private static Ratio Ratio(int numerator, int denominator) => new(numerator, denominator, Rate(numerator, denominator));

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static double? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
