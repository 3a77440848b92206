using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Reports;

/// <summary>The indicator report: every indicator for a period, optionally broken down, the monthly series per
/// group of the breakdown (per reporting group without one), and the same as a workbook.</summary>
[RequirePermission(Permission.ReadReports)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class IndexModel(ReportsDb db, Indicators indicators, CurrentUser user, Texts texts, TimeProvider clock) : ReportPageModel(db, texts, clock)
{
    /// <summary>The calendar months the charts show, ending with the period's last month.</summary>
    public const int MonthsShown = 24;

    public IndicatorReport? Report { get; private set; }
    public IReadOnlyList<IndicatorRow> Rows { get; private set; } = [];
    public IReadOnlyList<ReportColumn> Columns { get; private set; } = [];
    public IReadOnlyList<MonthPoint> Months { get; private set; } = [];
    /// <summary>The lines of the monthly series, in the order and with the names of the report's columns.</summary>
    public IReadOnlyList<SeriesGroup> SeriesGroups { get; private set; } = [];
    public IReadOnlyList<CoachCaseload> Caseload { get; private set; } = [];
    /// <summary>The period's last day, or the as-of date when the period ends later: nothing after it is known.</summary>
    public DateOnly CaseloadDate { get; private set; }
    /// <summary>The cases open on <see cref="CaseloadDate"/> by the result of their latest assessment.</summary>
    public AssessedOpenCases? Assessed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ResolveScopeAsync(HttpContext.RequestAborted)) return Forbid();
        await BuildAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync()
    {
        if (!await ResolveScopeAsync(HttpContext.RequestAborted)) return Forbid();
        if (!await BuildAsync(HttpContext.RequestAborted)) return Page();
        var stream = new MemoryStream();
        await IndicatorWorkbook.WriteAsync(stream, Texts, new(PeriodName(Period!), Period!, AsOfDate, BreakdownName, Rows, Columns, Months, CaseloadDate, Caseload)
        {
            Assessed = Assessed,
            SeriesBreakdown = BreakdownNameOf(SeriesGroupBy),
            SeriesGroups = SeriesGroups,
        }, HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, IndicatorWorkbook.ContentType, IndicatorWorkbook.FileName(Period!));
    }

    public string AvailabilityLabel(Availability availability) => AssessmentLabels.Of(Texts, availability);

    public string NeedLabel(NeedCategory need) => AssessmentLabels.Of(Texts, need);

    public string CoachName(CoachCaseload load) => IndicatorWorkbook.CoachName(Texts, load);

    private async Task<bool> BuildAsync(CancellationToken ct)
    {
        if (!ResolvePeriod()) return false;
        var period = Period!;
        Report = await indicators.ReportAsync(period.From, period.To, AsOfDate, GroupBy, Scope, ct);
        Rows = IndicatorRows.For(Texts);
        Columns = IndicatorRows.Columns(Report, GroupBy, Texts, await GroupNamesAsync(ct));
        Months = await indicators.MonthlyAsync(period.EndMonth, MonthsShown, AsOfDate, SeriesGroupBy, Scope, ct);
        // A line for every group the grouping always has, and for every other group with something in the series.
        var seriesKeys = IndicatorRows.FixedKeys(SeriesGroupBy).Concat(Months.SelectMany(m => m.Groups.Keys)).Distinct();
        SeriesGroups = IndicatorRows.InOrder(seriesKeys, SeriesGroupBy, Texts, await GroupNamesAsync(SeriesGroupBy, ct));
        CaseloadDate = period.To < AsOfDate ? period.To : AsOfDate;
        // Only the coaches of the centres the caller may see.
        Caseload = await indicators.CaseloadAsync(CaseloadDate, AsOfDate, Scope, AccessRules.CaseloadCentres(user.Access), ct);
        Assessed = await indicators.AssessedOpenCasesAsync(CaseloadDate, Scope, ct);
        return true;
    }

    /// <summary>The five monthly charts: one line per group of the breakdown, the total in the table.</summary>
    public IEnumerable<LineChart> Charts()
    {
        var groups = SeriesGroups;
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var labels = Months.Select(m => m.Month.ToString("MMMM yyyy", culture)).ToList();
        // Every third month is named on the axis, counting back from the last, with the year under it.
        var axis = Months.Select((m, i) => (Months.Count - 1 - i) % 3 != 0 ? ""
            : m.Month.ToString("MMM", culture).TrimEnd('.') + "\n" + m.Month.Year).ToList();
        var first = Months.Count > 0 ? labels[0] : "";
        var last = Months.Count > 0 ? labels[^1] : "";

        LineChart Chart(string id, string title, Func<MonthFigures, double?> value, bool isRate) => new()
        {
            Id = id,
            Title = title,
            Description = Texts.Format("Line chart from {0} to {1}, one line per group ({2}): {3}. The figures are in the table below the chart.",
                first, last, BreakdownNameOf(SeriesGroupBy).ToLower(System.Globalization.CultureInfo.CurrentCulture), string.Join(", ", groups.Select(g => g.Label))),
            Labels = labels,
            AxisLabels = axis,
            LabelHeading = Texts["Month"],
            IsRate = isRate,
            Series = groups.Select(g => new ChartSeries(g.Label, Months.Select(m => value(m[g.Key])).ToList())).ToList(),
            TableOnly = new ChartSeries(Texts["Total"], Months.Select(m => value(m.Total)).ToList()),
        };

        yield return Chart("enrolled", Texts["Enrolled cases per month"], f => f.Enrolled, false);
        yield return Chart("newly-enrolled", Texts["Newly enrolled cases per month"], f => f.NewlyEnrolled, false);
        yield return Chart("closed", Texts["Closed cases per month"], f => f.Closed, false);
        yield return Chart("closure-rate", Texts["Closure rate per month"], f => f.ClosureRate, true);
        yield return Chart("closed-to-work", Texts["Closed to work per month"], f => f.ClosedToWork, false);
    }
}
