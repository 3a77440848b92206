using System.Globalization;
using System.Text.RegularExpressions;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>One indicator of the committee's list: what it counts, in words, and the numbers it is reported with.</summary>
public sealed record CommitteeIndicator(string Key, string Name, string Definition, IReadOnlyList<Measure> Measures);

/// <summary>The coaches with open enrolled cases at the end of a day, and how many cases they carry.</summary>
public sealed record CoachFigures(DateOnly On, IReadOnlyList<CoachCaseload> Caseload)
{
    public int Coaches => Caseload.Count(l => l.Coach != IndicatorReport.Unassigned);
    public int OpenCases => Caseload.Sum(l => l.OpenCases);
    public int WithoutCoach => Caseload.Where(l => l.Coach == IndicatorReport.Unassigned).Sum(l => l.OpenCases);
    /// <summary>The mean caseload of the coaches; null when no coach has an open case.</summary>
    public double? CasesPerCoach => Coaches == 0 ? null : (double)(OpenCases - WithoutCoach) / Coaches;
}

/// <summary>The figures of one period: the report by reporting group and by gender, the coaches, and the closures for
/// "Other" by sub-reason.</summary>
public sealed record CommitteePeriodFigures(ReportPeriod Period, IndicatorReport ByReportingGroup, IndicatorReport ByGender,
    CoachFigures Coaches, IReadOnlyDictionary<ClosureSubReason, int> OtherClosures)
{
    public IndicatorSet Total => ByReportingGroup.Total;
}

/// <summary>A row of the committee report: the total or one group of a breakdown, in the period and a year earlier.
/// <paramref name="Breakdown"/> is "total", "reportingGroup" or "gender"; <paramref name="Key"/> the API's group key.</summary>
public sealed record CommitteeRow(string Breakdown, string Key, string Label, IndicatorSet Current, IndicatorSet? Earlier)
{
    /// <summary>Where the row's figures are in the API's answer: <c>total</c> or <c>groups.&lt;key&gt;</c>.</summary>
    public string ApiPlace => Breakdown == "total" ? "total" : $"groups.{Key}";
}

/// <summary>
/// The tertial (or year) report to the Labour Market Committee and the district committees: the city's 2023 list of
/// indicators, each with its definition, numerator and denominator, for the period and the same period a year earlier,
/// broken down by reporting group and by gender; the coaches and their caseload; the "Other" closures by sub-reason.
/// Every indicator figure comes from the indicator report (<see cref="Indicators.ReportAsync"/>), so it is the API's.
/// </summary>
public sealed record CommitteeReport(DateOnly AsOf, CommitteePeriodFigures Current, CommitteePeriodFigures Earlier)
{
    /// <summary>The 2023 list, in the order the committee reads it.</summary>
    public static IReadOnlyList<CommitteeIndicator> Indicators(Texts t)
    {
        var rows = IndicatorRows.For(t).ToDictionary(r => r.Key);
        // The definition says what a rate is of, so its column is just "Rate": the job guarantee's ten columns fit an A4 page.
        CommitteeIndicator From(string key, string definition) => new(key, rows[key].Name, definition,
            rows[key].Measures.Select(m => m.Kind == MeasureKind.Rate ? m with { Label = t["Rate"] } : m).ToList());
        return
        [
            From("selfSufficientWithin12Months",
                t["Benefit recipients whose twelve months since enrolment ended in the period (the same day of the month twelve months on, or that month's last day). Numerator: those whose case had by then closed for work, studies or an employment programme. Denominator: all of them."]),
            From("selfSufficientWithin12MonthsAll",
                t["The same for every enrolled person, whether on benefit or not."]),
            From("closedToWorkOrStudies",
                t["Cases closed in the period. Numerator: those closed for work or studies. Denominator: all closed cases, referrals closed before enrolment not included. Reported for women and men alike."]),
            From("stillSelfSupporting6Months",
                t["Benefit recipients whose case closed for work, studies or an employment programme, looked at in the calendar month six months after the closure, when that whole month lies in the period. Numerator: those the district reports as receiving no benefit that month. Denominator: those whose benefit status for the month is known; the rest are unknown."]),
            From("workingOrStudying3MonthsAfterMunicipalJob",
                t["Municipal jobs whose end date plus three months falls in the period. Numerator: those whose holder was working or studying according to the observation nearest that day, at most 31 days from it (the earlier one when two are as near). Denominator: the jobs with such an observation; the rest are unknown."]),
            From("jobGuarantee",
                t["People enrolled in the period. Met: the first job plan agreed within five working days of enrolment, paused days not counted. Excluded: the case closed on or before the deadline without a plan. Pending: no plan yet and the deadline not passed. Missed: the rest. Rate: met of met and missed."]),
            new("waitingTimes", t["Waiting times"],
                t["For the people enrolled in the period, the median number of calendar days from referral to the first info meeting they attended, and from referral to enrolment."],
                [
                    new("medianDaysReferralToInfoMeeting", t["Referral to info meeting, median days"], MeasureKind.Days, s => s.MedianDaysReferralToInfoMeeting),
                    new("medianDaysReferralToEnrolment", t["Referral to enrolment, median days"], MeasureKind.Days, s => s.MedianDaysReferralToEnrolment),
                ]),
        ];
    }

    /// <summary>The total, then each reporting group, then each gender, in the order the indicator report shows them.
    /// The earlier period has the same groups: which groups there are depends on the data as of the as-of date only.</summary>
    public IReadOnlyList<CommitteeRow> Rows(Texts t)
    {
        var rows = new List<CommitteeRow> { new("total", "total", t["Total"], Current.Total, Earlier.Total) };
        var noNames = new Dictionary<string, string>();
        foreach (var (groupBy, now, then) in new[]
                 {
                     (GroupBy.ReportingGroup, Current.ByReportingGroup, Earlier.ByReportingGroup),
                     (GroupBy.Gender, Current.ByGender, Earlier.ByGender),
                 })
            foreach (var column in IndicatorRows.Columns(now, groupBy, t, noNames).Skip(1))
                rows.Add(new(ReportPageModel.Camel(groupBy.ToString()), column.Key, column.Label, column.Set,
                    then.Groups?.GetValueOrDefault(column.Key)));
        return rows;
    }

    /// <summary>Where a committee measure is in an IndicatorSet of the API's answer.</summary>
    public static string ApiField(CommitteeIndicator indicator, Measure measure) =>
        indicator.Key == "waitingTimes" ? measure.Key : $"{indicator.Key}.{measure.Key}";

    /// <summary>The report counting the cases of <paramref name="scope"/>: the city's for the Labour Market Committee, a
    /// district's for its district committee. The caseload counts only the cases of <paramref name="caseloadCentres"/>.</summary>
    public static async Task<CommitteeReport> ComputeAsync(Indicators indicators, ReportsDb reports, ReportPeriod period, DateOnly asOf,
        ReportScope scope, IReadOnlySet<int>? caseloadCentres, CancellationToken ct)
    {
        async Task<CommitteePeriodFigures> FiguresAsync(ReportPeriod p)
        {
            var caseloadDate = p.To < asOf ? p.To : asOf;
            return new(p,
                await indicators.ReportAsync(p.From, p.To, asOf, GroupBy.ReportingGroup, scope, ct),
                await indicators.ReportAsync(p.From, p.To, asOf, GroupBy.Gender, scope, ct),
                new CoachFigures(caseloadDate, await indicators.CaseloadAsync(caseloadDate, asOf, scope, caseloadCentres, ct)),
                await OtherClosuresAsync(reports.Db, p, asOf, scope, ct));
        }
        return new(asOf, await FiguresAsync(period), await FiguresAsync(YearEarlier(period)));
    }

    /// <summary>The closures that the report counts as <c>closureReasons.Other</c> (closed in the period, enrolled, both by
    /// the as-of date), by sub-reason. A closure recorded without one is counted as <see cref="ClosureSubReason.Other"/>.</summary>
    private static async Task<IReadOnlyDictionary<ClosureSubReason, int>> OtherClosuresAsync(JobbtorgDb db, ReportPeriod period, DateOnly asOf,
        ReportScope scope, CancellationToken ct)
    {
        var end = period.To < asOf ? period.To : asOf;
        var counts = await scope.Restrict(db.Cases.AsNoTracking())
            .Where(c => c.ClosureReason == ClosureReason.Other && c.ClosureDate >= period.From && c.ClosureDate <= end && c.EnrolmentDate <= asOf)
            .GroupBy(c => c.ClosureSubReason)
            .Select(g => new { SubReason = g.Key, Cases = g.Count() })
            .ToListAsync(ct);
        return ClosureReasons.OtherSubReasons.ToDictionary(s => s,
            s => counts.Where(c => (c.SubReason ?? ClosureSubReason.Other) == s).Sum(c => c.Cases));
    }

    public static ReportPeriod YearEarlier(ReportPeriod period) => period.Kind == PeriodKind.Tertial
        ? ReportPeriod.Tertial(period.From.Year - 1, ReportPeriod.TertialOf(period.From))
        : ReportPeriod.Year(period.From.Year - 1);

    /// <summary>The period as the committee report's address names it: <c>2026T2</c> for a tertial, <c>2026</c> for a year.</summary>
    public static string Code(ReportPeriod period) => period.Kind == PeriodKind.Tertial
        ? $"{period.From.Year}T{ReportPeriod.TertialOf(period.From)}"
        : period.From.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The same period and district chosen on the indicator pages: <c>?period=tertial&amp;year=2026&amp;tertial=2</c>.</summary>
    public static string IndicatorQuery(ReportPeriod period, string? district)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("period", period.Kind == PeriodKind.Tertial ? "tertial" : "year"),
            new("year", period.From.Year.ToString(CultureInfo.InvariantCulture)),
        };
        if (period.Kind == PeriodKind.Tertial) values.Add(new("tertial", ReportPeriod.TertialOf(period.From).ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(district)) values.Add(new("district", district));
        return QueryString.Create(values).ToString();
    }

    /// <summary>The committee report for a period and district chosen on the indicator pages: <c>?period=2026T2</c>.</summary>
    public static string CommitteeQuery(ReportPeriod period, string? district)
    {
        var values = new List<KeyValuePair<string, string?>> { new("period", Code(period)) };
        if (!string.IsNullOrEmpty(district)) values.Add(new("district", district));
        return QueryString.Create(values).ToString();
    }

    /// <summary>The latest tertial that has ended by <paramref name="day"/>: the one a committee reports on.</summary>
    public static ReportPeriod LatestEndedTertial(DateOnly day)
    {
        var tertial = ReportPeriod.TertialOf(day) - 1;
        return tertial == 0 ? ReportPeriod.Tertial(day.Year - 1, 3) : ReportPeriod.Tertial(day.Year, tertial);
    }

    private static readonly Regex PeriodCode = new(@"^\s*(?<year>\d{4})(?:\s*[Tt]\s*(?<tertial>\d+))?\s*$", RegexOptions.CultureInvariant);

    /// <summary>Reads <c>2026T2</c> or <c>2026</c>; a message for the field otherwise.</summary>
    public static ReportPeriod? ReadPeriod(string text, int firstYear, int lastYear, Texts t, out string? error)
    {
        error = null;
        var match = PeriodCode.Match(text);
        if (!match.Success)
        {
            error = t.Format("'{0}' is not a period: write a tertial as 2026T2 or a year as 2026.", text);
            return null;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < firstYear || year > lastYear)
        {
            error = t.Format("Enter a year from {0} to {1}.", firstYear, lastYear);
            return null;
        }
        if (!match.Groups["tertial"].Success) return ReportPeriod.Year(year);
        if (!int.TryParse(match.Groups["tertial"].Value, CultureInfo.InvariantCulture, out var tertial) || tertial is < 1 or > 3)
        {
            error = t.Format("There is no tertial {0}: a year has T1 (January–April), T2 (May–August) and T3 (September–December).",
                match.Groups["tertial"].Value);
            return null;
        }
        return ReportPeriod.Tertial(year, tertial);
    }
}
