using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using MiniExcelLibs;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The report page as a workbook: the indicator table (total and groups, one row per number), the monthly
/// series and a sheet that says what the numbers are. Counts are numbers; rates are percentages with one
/// decimal, exactly as the page shows them.
/// </summary>
public static class IndicatorWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ReportPeriod period) =>
        $"indikatorer-{Texts.Date(period.From)}-{Texts.Date(period.To)}.xlsx";

    /// <summary>What the workbook holds: the same figures the report page shows.</summary>
    public sealed record Content(string PeriodName, ReportPeriod Period, DateOnly AsOf, string? Breakdown,
        IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<MonthPoint> Months,
        DateOnly CaseloadDate, IReadOnlyList<CoachCaseload> Caseload)
    {
        /// <summary>The breakdown of the monthly series and its groups, as the page shows them.</summary>
        public string? SeriesBreakdown { get; init; }
        public IReadOnlyList<SeriesGroup> SeriesGroups { get; init; } = [];
    }

    public static void Write(Stream stream, Texts t, Content c)
    {
        var sheets = new Dictionary<string, object>
        {
            [t["Indicators"]] = IndicatorSheet(t, c.Rows, c.Columns),
            [t["By month"]] = MonthSheet(t, c),
            [t["Caseload"]] = c.Caseload.Select(l => new Dictionary<string, object?>
            {
                [t["Coach"]] = l.Coach == IndicatorReport.Unassigned ? t["No coach"] : l.Coach,
                [t.Format("Open cases on {0}", c.CaseloadDate)] = l.OpenCases,
            }).ToList(),
            [t["About the report"]] = AboutSheet(t, c),
        };
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    private static List<Dictionary<string, object?>> IndicatorSheet(Texts t, IReadOnlyList<IndicatorRow> rows, IReadOnlyList<ReportColumn> columns) =>
        rows.SelectMany(row => row.Measures.Select(measure =>
        {
            var line = new Dictionary<string, object?> { [t["Indicator"]] = row.Name, [t["Measure"]] = MeasureLabel(t, measure) };
            foreach (var column in columns) line[column.Label] = IndicatorRows.WorkbookValue(measure, column.Set);
            return line;
        })).ToList();

    private static string MeasureLabel(Texts t, Measure measure) =>
        measure.Kind == MeasureKind.Rate ? t.Format("{0}, %", measure.Label) : measure.Label;

    private static List<Dictionary<string, object?>> MonthSheet(Texts t, Content c)
    {
        var lines = new List<Dictionary<string, object?>>();
        foreach (var point in c.Months)
        {
            var figures = new List<(string Group, MonthFigures Figures)> { (t["Total"], point.Total) };
            figures.AddRange(c.SeriesGroups.Select(g => (g.Label, point[g.Key])));
            foreach (var (group, f) in figures)
                lines.Add(new()
                {
                    [t["Month"]] = point.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    [c.SeriesBreakdown ?? t["Reporting group"]] = group,
                    [t["Enrolled cases"]] = f.Enrolled,
                    [t["Newly enrolled cases"]] = f.NewlyEnrolled,
                    [t["Closed cases"]] = f.Closed,
                    [t.Format("{0}, %", t["Closure rate"])] = f.ClosureRate is { } rate ? IndicatorRows.RoundedPercent(rate) : null,
                    [t["Closed to work"]] = f.ClosedToWork,
                });
        }
        return lines;
    }

    private static List<Dictionary<string, object?>> AboutSheet(Texts t, Content c)
    {
        var about = new List<(string, string)>
        {
            (t["Period"], c.PeriodName),
            (t["From"], Texts.Date(c.Period.From)),
            (t["To"], Texts.Date(c.Period.To)),
            (t["Figures as of"], Texts.Date(c.AsOf)),
            (t["Breakdown"], c.Breakdown ?? t["None"]),
        };
        about.AddRange(c.Rows.Select(r => (r.Name, r.Explanation)));
        return about.Select(a => new Dictionary<string, object?> { [t["What"]] = a.Item1, [t["Description"]] = a.Item2 }).ToList();
    }
}
