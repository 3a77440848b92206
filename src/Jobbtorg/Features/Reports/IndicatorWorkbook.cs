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

    public static void Write(Stream stream, Texts t, string periodName, ReportPeriod period, DateOnly asOf, string? breakdown,
        IReadOnlyList<IndicatorRow> rows, IReadOnlyList<ReportColumn> columns, IReadOnlyList<MonthPoint> months)
    {
        var sheets = new Dictionary<string, object>
        {
            [t["Indicators"]] = IndicatorSheet(t, rows, columns),
            [t["By month"]] = MonthSheet(t, months),
            [t["About the report"]] = AboutSheet(t, periodName, period, asOf, breakdown, rows),
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

    private static List<Dictionary<string, object?>> MonthSheet(Texts t, IReadOnlyList<MonthPoint> months)
    {
        var lines = new List<Dictionary<string, object?>>();
        foreach (var point in months)
        {
            var figures = new List<(string Group, MonthFigures Figures)> { (t["Total"], point.Total) };
            figures.AddRange(Enum.GetValues<ReportingGroup>().Select(g => (t.Enum(g), point[g])));
            foreach (var (group, f) in figures)
                lines.Add(new()
                {
                    [t["Month"]] = point.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    [t["Reporting group"]] = group,
                    [t["Enrolled cases"]] = f.Enrolled,
                    [t["Newly enrolled cases"]] = f.NewlyEnrolled,
                    [t["Closed cases"]] = f.Closed,
                    [t.Format("{0}, %", t["Closure rate"])] = f.ClosureRate is { } rate ? IndicatorRows.RoundedPercent(rate) : null,
                });
        }
        return lines;
    }

    private static List<Dictionary<string, object?>> AboutSheet(Texts t, string periodName, ReportPeriod period, DateOnly asOf,
        string? breakdown, IReadOnlyList<IndicatorRow> rows)
    {
        var about = new List<(string, string)>
        {
            (t["Period"], periodName),
            (t["From"], Texts.Date(period.From)),
            (t["To"], Texts.Date(period.To)),
            (t["Figures as of"], Texts.Date(asOf)),
            (t["Breakdown"], breakdown ?? t["None"]),
        };
        about.AddRange(rows.Select(r => (r.Name, r.Explanation)));
        return about.Select(a => new Dictionary<string, object?> { [t["What"]] = a.Item1, [t["Description"]] = a.Item2 }).ToList();
    }
}
