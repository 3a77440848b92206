using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reports;

/// <summary>The indicators of domain.md in the order the report shows them, in the user's language.</summary>
public static class IndicatorRows
{
    public static IReadOnlyList<IndicatorRow> For(Texts t)
    {
        var numberOfCases = t["Number"];
        var rate = t["Rate"];
        return
        [
            new("enrolled", t["Enrolled cases"],
                t["People who were enrolled at some time during the period: enrolled by its last day and not closed before its first day."],
                [new("count", numberOfCases, MeasureKind.Count, s => s.Enrolled)]),
            new("newlyEnrolled", t["Newly enrolled cases"],
                t["People enrolled during the period."],
                [new("count", numberOfCases, MeasureKind.Count, s => s.NewlyEnrolled)]),
            new("closed", t["Closed cases"],
                t["Enrolled cases that were closed during the period."],
                [new("count", numberOfCases, MeasureKind.Count, s => s.Closed)]),
            new("closedBeforeEnrolment", t["Referrals closed before enrolment"],
                t["Referrals closed during the period before the person had been enrolled; they are not part of the other figures."],
                [new("count", numberOfCases, MeasureKind.Count, s => s.ClosedBeforeEnrolment)]),
            new("closureRate", t["Closure rate"],
                t["The closed cases as a share of all cases enrolled during the period."],
                [
                    new("numerator", t["Closed cases"], MeasureKind.Count, s => s.Closed),
                    new("denominator", t["Enrolled during the period"], MeasureKind.Count, s => s.Enrolled),
                    new("rate", rate, MeasureKind.Rate, s => s.ClosureRate),
                ]),
            new("closureReasons", t["Closure reasons"],
                t["The cases closed during the period, counted by the reason they were closed."],
                Enum.GetValues<ClosureReason>()
                    .Select(r => new Measure(r.ToString(), t.Enum(r), MeasureKind.Count, s => s.ClosureReasons.GetValueOrDefault(r.ToString())))
                    .ToList()),
            new("jobGuarantee", t["Job guarantee: plan within five working days"],
                t["Of the people newly enrolled during the period, how many agreed a job plan within five working days; those whose deadline has not yet passed are pending, and those whose case closed before the deadline without a plan are excluded."],
                [
                    new("met", t.Enum(JobGuaranteeState.Met), MeasureKind.Count, s => s.JobGuarantee.Met),
                    new("missed", t.Enum(JobGuaranteeState.Missed), MeasureKind.Count, s => s.JobGuarantee.Missed),
                    new("pending", t.Enum(JobGuaranteeState.Pending), MeasureKind.Count, s => s.JobGuarantee.Pending),
                    new("excluded", t.Enum(JobGuaranteeState.Excluded), MeasureKind.Count, s => s.JobGuarantee.Excluded),
                    new("rate", t["Rate met (of met and not met)"], MeasureKind.Rate, s => s.JobGuarantee.Rate),
                ]),
            Ratio("selfSufficientWithin12Months", t["Self-supporting within 12 months (benefit recipients)"],
                t["People on benefit who reached twelve months since enrolment during the period, and how many of them had by then left for work, studies or an employment programme."],
                t["Self-supporting"], t["Reached 12 months"], rate, s => s.SelfSufficientWithin12Months),
            Ratio("selfSufficientWithin12MonthsAll", t["Self-supporting within 12 months (everyone)"],
                t["The same for everyone enrolled, whether they received benefit or not."],
                t["Self-supporting"], t["Reached 12 months"], rate, s => s.SelfSufficientWithin12MonthsAll),
            Ratio("closedToWorkOrStudies", t["Closed to work or studies"],
                t["Of the cases closed during the period, those closed because the person got a job or began to study."],
                t["Work or studies"], t["Closed cases"], rate, s => s.ClosedToWorkOrStudies),
            RatioWithUnknown("stillSelfSupporting6Months", t["Still self-supporting 6 months after closure"],
                t["People on benefit who left as self-supporting, looked at in the sixth month after closure when that month falls in the period: how many received no benefit that month; those with no information from the district are unknown."],
                t["No benefit"], t["Benefit status known"], t["Unknown"], rate, s => s.StillSelfSupporting6Months),
            RatioWithUnknown("workingOrStudying3MonthsAfterMunicipalJob", t["Working or studying 3 months after a municipal job"],
                t["People whose municipal job ended three months before a day in the period: how many were working or studying then; those with no follow-up are unknown."],
                t["Working or studying"], t["Followed up"], t["Unknown"], rate, s => s.WorkingOrStudying3MonthsAfterMunicipalJob),
            new("initialAssessment", t["Initial assessment in time"],
                t["Of the people newly enrolled during the period, how many had an initial assessment (or any assessment) by the same deadline as the plan; an assessment made before enrolment counts. Those whose deadline has not yet passed are pending, and those whose case closed before the deadline without an assessment are excluded."],
                [
                    new("met", t.Enum(JobGuaranteeState.Met), MeasureKind.Count, s => s.InitialAssessment.Met),
                    new("missed", t.Enum(JobGuaranteeState.Missed), MeasureKind.Count, s => s.InitialAssessment.Missed),
                    new("pending", t.Enum(JobGuaranteeState.Pending), MeasureKind.Count, s => s.InitialAssessment.Pending),
                    new("excluded", t.Enum(JobGuaranteeState.Excluded), MeasureKind.Count, s => s.InitialAssessment.Excluded),
                    new("rate", t["Rate met (of met and not met)"], MeasureKind.Rate, s => s.InitialAssessment.Rate),
                ]),
            new("jobsMediated", t["Jobs mediated"],
                t["Employments, subsidised employments and municipal jobs that Jobbtorg's matching found and that started during the period; internships do not count. A person with two such jobs counts twice."],
                [new("count", t["Number of jobs"], MeasureKind.Count, s => s.JobsMediated)]),
            new("medianDaysReferralToInfoMeeting", t["Days from referral to info meeting"],
                t["For the people enrolled during the period, the median number of calendar days from referral to the first info meeting they attended."],
                [new("median", t["Median, days"], MeasureKind.Days, s => s.MedianDaysReferralToInfoMeeting)]),
            new("medianDaysReferralToEnrolment", t["Days from referral to enrolment"],
                t["For the people enrolled during the period, the median number of calendar days from referral to enrolment."],
                [new("median", t["Median, days"], MeasureKind.Days, s => s.MedianDaysReferralToEnrolment)]),
        ];
    }

    private static IndicatorRow Ratio(string key, string name, string explanation, string numerator, string denominator, string rate,
        Func<IndicatorSet, Ratio> ratio) =>
        new(key, name, explanation,
        [
            new("numerator", numerator, MeasureKind.Count, s => ratio(s).Numerator),
            new("denominator", denominator, MeasureKind.Count, s => ratio(s).Denominator),
            new("rate", rate, MeasureKind.Rate, s => ratio(s).Rate),
        ]);

    private static IndicatorRow RatioWithUnknown(string key, string name, string explanation, string numerator, string denominator,
        string unknown, string rate, Func<IndicatorSet, RatioWithUnknown> ratio) =>
        new(key, name, explanation,
        [
            new("numerator", numerator, MeasureKind.Count, s => ratio(s).Numerator),
            new("denominator", denominator, MeasureKind.Count, s => ratio(s).Denominator),
            new("unknown", unknown, MeasureKind.Count, s => ratio(s).Unknown),
            new("rate", rate, MeasureKind.Rate, s => ratio(s).Rate),
        ]);

    /// <summary>The total first, then each group of the breakdown: reporting groups, genders, target groups and
    /// benefit in their fixed order, job centres and districts by name, cases without a value last.</summary>
    public static IReadOnlyList<ReportColumn> Columns(IndicatorReport report, GroupBy? groupBy, Texts t,
        IReadOnlyDictionary<string, string> namesByCode)
    {
        var columns = new List<ReportColumn> { new("total", t["Total"], report.Total) };
        if (groupBy is null || report.Groups is null) return columns;
        columns.AddRange(InOrder(report.Groups.Keys, groupBy.Value, t, namesByCode).Select(g => new ReportColumn(g.Key, g.Label, report.Groups[g.Key])));
        return columns;
    }

    /// <summary>The groups named in the reader's language and in the order the report shows them: enumerations and
    /// benefit in their fixed order, job centres and districts by name, cases without a value last.</summary>
    public static IReadOnlyList<SeriesGroup> InOrder(IEnumerable<string> keys, GroupBy groupBy, Texts t, IReadOnlyDictionary<string, string> namesByCode)
    {
        var groups = keys.Select(k => new SeriesGroup(k, GroupLabel(k, groupBy, t, namesByCode)));
        return (groupBy switch
        {
            GroupBy.ReportingGroup => groups.OrderBy(c => EnumOrder<ReportingGroup>(c.Key)),
            GroupBy.Gender => groups.OrderBy(c => EnumOrder<Gender>(c.Key)),
            GroupBy.TargetGroup => groups.OrderBy(c => EnumOrder<TargetGroup>(c.Key)),
            GroupBy.Benefit => groups.OrderBy(c => Array.IndexOf(BenefitKeys, c.Key) is var i and >= 0 ? i : int.MaxValue),
            _ => groups.OrderBy(c => c.Key == IndicatorReport.Unassigned).ThenBy(c => c.Label, StringComparer.Create(Texts.Swedish, true)),
        }).ToList();
    }

    /// <summary>The keys a grouping always has, whatever the data: its enumeration's values, or the two of benefit.</summary>
    public static IReadOnlyList<string> FixedKeys(GroupBy groupBy) => groupBy switch
    {
        GroupBy.ReportingGroup => Enum.GetNames<ReportingGroup>(),
        GroupBy.Gender => Enum.GetNames<Gender>(),
        GroupBy.TargetGroup => Enum.GetNames<TargetGroup>(),
        GroupBy.Benefit => BenefitKeys,
        _ => [],
    };

    public static string GroupLabel(string key, GroupBy groupBy, Texts t, IReadOnlyDictionary<string, string> namesByCode) =>
        key == IndicatorReport.Unassigned ? t["Not assigned"]
        : groupBy == GroupBy.ReportingGroup && Enum.TryParse<ReportingGroup>(key, out var group) ? t.Enum(group)
        : groupBy == GroupBy.Gender && Enum.TryParse<Gender>(key, out var gender) ? t.Enum(gender)
        : groupBy == GroupBy.TargetGroup && Enum.TryParse<TargetGroup>(key, out var target) ? t.Enum(target)
        : groupBy == GroupBy.Benefit && key == IndicatorReport.WithBenefit ? t["With benefit"]
        : groupBy == GroupBy.Benefit && key == IndicatorReport.WithoutBenefit ? t["Without benefit"]
        : namesByCode.GetValueOrDefault(key, key);

    private static readonly string[] BenefitKeys = [IndicatorReport.WithBenefit, IndicatorReport.WithoutBenefit];

    private static int EnumOrder<T>(string key) where T : struct, Enum =>
        Enum.TryParse<T>(key, out var value) ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : int.MaxValue;

    /// <summary>A rate as a percentage with one decimal in the user's language ("42,5 %"), a dash when there is nothing to measure.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? RoundedPercent(r).ToString("0.0", CultureInfo.CurrentCulture) + " %" : "–";

    /// <summary>The percentage the page shows, rounded once in one place.</summary>
    public static double RoundedPercent(double rate) => Math.Round(rate * 100, 1, MidpointRounding.AwayFromZero);

    public static string Display(Measure measure, IndicatorSet set) => measure.Value(set) is not { } value ? "–" : measure.Kind switch
    {
        MeasureKind.Rate => Percent(value),
        MeasureKind.Days => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.CurrentCulture),
        _ => value.ToString("N0", CultureInfo.CurrentCulture),
    };
}
