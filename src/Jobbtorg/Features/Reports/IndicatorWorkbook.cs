using System.Globalization;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The report page as a workbook: the indicator table (total and groups, one row per number), the monthly series, the
/// caseload and a sheet that says what the numbers are. Every number is the API's: counts as they are, rates as
/// fractions shown as percentages, medians in days. Each row and column also names where its number is in the API's
/// answer (<c>jobGuarantee.rate</c>, <c>groups.F</c>), so the file can be checked against the API.
/// </summary>
public static class IndicatorWorkbook
{
    public const string ContentType = ReportWorkbook.ContentType;

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
        /// <summary>The cases open on the caseload's day by the result of their latest assessment.</summary>
        public AssessedOpenCases? Assessed { get; init; }
    }

    public static async Task WriteAsync(Stream stream, Texts t, Content c, CancellationToken ct)
    {
        await using var book = await ReportWorkbook.CreateAsync(stream, ct);
        await IndicatorSheetAsync(book, t, t["Indicators"], c.Rows, c.Columns, ct);
        await MonthSheetAsync(book, t, c, ct);
        await CaseloadSheetAsync(book, t, c.CaseloadDate, c.Caseload, ct);
        if (c.Assessed is { } assessed) await AssessedSheetAsync(book, t, assessed, ct);
        await AboutSheetAsync(book, t, AboutLines(t, c.PeriodName, c.Period, c.AsOf, c.Breakdown, c.Rows, c.Columns), ct);
        await book.FinishAsync(ct);
    }

    /// <summary>One row per number of the report: the indicator, the measure, a column per total or group, and the
    /// number's place in the API's answer.</summary>
    public static async Task IndicatorSheetAsync(ReportWorkbook book, Texts t, string name, IReadOnlyList<IndicatorRow> rows,
        IReadOnlyList<ReportColumn> columns, CancellationToken ct)
    {
        await book.SheetAsync(name,
            [t["Indicator"], t["Measure"], .. columns.Select(c => c.Label), t["In the API"]],
            [40, 36, .. columns.Select(_ => 14.0)], ct);
        foreach (var row in rows)
            foreach (var measure in row.Measures)
                await book.RowAsync(
                [
                    ReportWorkbook.Text(row.Name), ReportWorkbook.Text(measure.Label),
                    .. columns.Select(column => book.Number(measure.Kind, measure.Value(column.Set))),
                    ReportWorkbook.Text(ApiField(row, measure)),
                ], ct);
    }

    /// <summary>Where a number of the report is in an IndicatorSet of the API's answer, e.g. <c>jobGuarantee.rate</c>.</summary>
    public static string ApiField(IndicatorRow row, Measure measure) => (row.Key, measure.Key) switch
    {
        ("closureRate", "numerator") => "closed",
        ("closureRate", "denominator") => "enrolled",
        ("closureRate", "rate") or (_, "count") or (_, "median") => row.Key,
        _ => $"{row.Key}.{measure.Key}",
    };

    /// <summary>Where a column's figures are in the API's answer: <c>total</c> or <c>groups.&lt;key&gt;</c>.</summary>
    public static string ApiPlace(ReportColumn column) => column.Key == "total" ? "total" : $"groups.{column.Key}";

    private static async Task MonthSheetAsync(ReportWorkbook book, Texts t, Content c, CancellationToken ct)
    {
        await book.SheetAsync(t["By month"],
            [t["Month"], c.SeriesBreakdown ?? t["Reporting group"], t["Enrolled cases"], t["Newly enrolled cases"], t["Closed cases"],
                t["Closure rate"], t["Closed to work"]],
            [10, 28, 14, 14, 14, 16, 14], ct);
        foreach (var point in c.Months)
        {
            var figures = new List<(string Group, MonthFigures Figures)> { (t["Total"], point.Total) };
            figures.AddRange(c.SeriesGroups.Select(g => (g.Label, point[g.Key])));
            foreach (var (group, f) in figures)
                await book.RowAsync(
                [
                    ReportWorkbook.Text(point.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ReportWorkbook.Text(group),
                    ReportWorkbook.Count(f.Enrolled), ReportWorkbook.Count(f.NewlyEnrolled), ReportWorkbook.Count(f.Closed),
                    book.Rate(f.ClosureRate), ReportWorkbook.Count(f.ClosedToWork),
                ], ct);
        }
    }

    public static async Task CaseloadSheetAsync(ReportWorkbook book, Texts t, DateOnly on, IReadOnlyList<CoachCaseload> caseload, CancellationToken ct)
    {
        await book.SheetAsync(t["Caseload"], [t["Coach"], t.Format("Open cases on {0}", on)], [32, 22], ct);
        foreach (var load in caseload)
            await book.RowAsync([ReportWorkbook.Text(CoachName(t, load)), ReportWorkbook.Count(load.OpenCases)], ct);
    }

    /// <summary>One row per availability and "not assessed", one column per need category and the row's total.</summary>
    public static async Task AssessedSheetAsync(ReportWorkbook book, Texts t, AssessedOpenCases assessed, CancellationToken ct)
    {
        var needs = Enum.GetValues<Assessments.NeedCategory>();
        await book.SheetAsync(t["Assessment"], [t.Format("Open cases on {0}", assessed.On), .. needs.Select(n => AssessmentLabels.Of(t, n)), t["Total"]],
            [34, .. needs.Select(_ => 18.0), 12], ct);
        foreach (var availability in Enum.GetValues<Assessments.Availability>())
            await book.RowAsync([ReportWorkbook.Text(AssessmentLabels.Of(t, availability)),
                .. needs.Select(n => ReportWorkbook.Count(assessed.Count(availability, n))), ReportWorkbook.Count(assessed.Count(availability))], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Not assessed"]), .. needs.Select(_ => ReportWorkbook.Text("")), ReportWorkbook.Count(assessed.NotAssessed)], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Total"]), .. needs.Select(n => ReportWorkbook.Count(assessed.Count(n))), ReportWorkbook.Count(assessed.Total)], ct);
    }

    public static string CoachName(Texts t, CoachCaseload load) => load.Coach == IndicatorReport.Unassigned ? t["No coach"] : load.Coach;

    /// <summary>The period, the as-of date, each indicator in words and where each column is in the API.</summary>
    public static List<(string What, string Description)> AboutLines(Texts t, string periodName, ReportPeriod period, DateOnly asOf,
        string? breakdown, IReadOnlyList<IndicatorRow> rows, IReadOnlyList<ReportColumn> columns)
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
        about.AddRange(columns.Select(c => (t.Format("Column {0}", c.Label), t.Format("In the API: {0}", ApiPlace(c)))));
        return about;
    }

    public static async Task AboutSheetAsync(ReportWorkbook book, Texts t, IEnumerable<(string What, string Description)> lines, CancellationToken ct)
    {
        await book.SheetAsync(t["About the report"], [t["What"], t["Description"]], [40, 100], ct);
        foreach (var (what, description) in lines)
            await book.RowAsync([ReportWorkbook.Text(what), book.Prose(description)], ct);
    }
}
