using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// Writes the reports' workbooks, one sheet after another and one row at a time. The parts are plain Office Open XML
/// with the default namespace and a reference on every cell: strict readers such as exceljs refuse prefixed parts
/// (<c>x:worksheet</c>) and cells that do not say where they are. Numbers are stored as the report computes them: a
/// rate is the fraction itself, shown as a percentage by its number format, so a reader that computes with it gets
/// the API's number.
/// </summary>
public sealed class ReportWorkbook : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The number format of rates: a percentage with one decimal ("27,8 %" in Swedish Excel).</summary>
    public const string PercentFormat = "0.0%";
    /// <summary>The number format of medians in days: one decimal, as the page shows them.</summary>
    public const string DaysFormat = "0.0";

    private readonly Spreadsheet spreadsheet;
    private readonly StyleId heading, rate, days, wrapped;

    private ReportWorkbook(Spreadsheet spreadsheet)
    {
        this.spreadsheet = spreadsheet;
        heading = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        rate = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(PercentFormat) });
        days = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(DaysFormat) });
        wrapped = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
    }

    public static async Task<ReportWorkbook> CreateAsync(Stream stream, CancellationToken ct) =>
        // exceljs, for one, cannot place a cell that does not say where it is.
        new(await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { WriteCellReferenceAttributes = true }, ct));

    /// <summary>Starts a sheet with a bold header row kept in view; <paramref name="widths"/> are the first columns'
    /// widths in characters.</summary>
    public async Task SheetAsync(string name, IReadOnlyList<string> header, IReadOnlyList<double> widths, CancellationToken ct)
    {
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < widths.Count; i++) options.Column(i + 1).Width = widths[i];
        await spreadsheet.StartWorksheetAsync(name, options, ct);
        await spreadsheet.AddHeaderRowAsync(header.ToList(), heading, ct);
    }

    public ValueTask RowAsync(IList<Cell> cells, CancellationToken ct) => spreadsheet.AddRowAsync(cells, ct);

    public static Cell Text(string? text) => new(text);
    public Cell Heading(string text) => new(text, heading);
    /// <summary>Text that wraps within its column, for explanations.</summary>
    public Cell Prose(string text) => new(text, wrapped);
    public static Cell Count(double? count) => new(count);
    /// <summary>A rate as the fraction it is (0.278), shown as a percentage; empty when there was nothing to measure.</summary>
    public Cell Rate(double? fraction) => new(fraction, rate);
    public Cell Days(double? value) => new(value, days);

    /// <summary>A number of a measure, formatted by its kind.</summary>
    public Cell Number(MeasureKind kind, double? value) => kind switch
    {
        MeasureKind.Rate => Rate(value),
        MeasureKind.Days => Days(value),
        _ => Count(value),
    };

    public ValueTask FinishAsync(CancellationToken ct) => spreadsheet.FinishAsync(ct);

    public ValueTask DisposeAsync() => spreadsheet.DisposeAsync();
}
