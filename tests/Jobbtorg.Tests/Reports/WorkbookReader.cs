using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jobbtorg.Tests.Reports;

/// <summary>A cell as a spreadsheet program sees it: its text or number, and the number format it is shown with.</summary>
public sealed record WorkbookCell(string? Text, double? Number, string Format)
{
    public bool IsEmpty => Text is null && Number is null;
    public bool IsPercent => Format.Contains('%');
}

/// <summary>
/// Reads a workbook with the Open XML SDK, which shares nothing with the app's writer: every sheet by name, each row
/// as its cells by column (A = 0), with the number format of each cell resolved through the styles, as Excel shows it.
/// </summary>
public sealed class WorkbookReader
{
    private readonly Dictionary<string, List<WorkbookCell[]>> sheets = [];

    public IReadOnlyList<string> SheetNames { get; }

    public WorkbookReader(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var formats = Formats(part);
        var names = new List<string>();
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!.Value!);
            var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!.Value!);
            var rows = new List<WorkbookCell[]>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().ToList();
                var line = new WorkbookCell[cells.Count == 0 ? 0 : cells.Max(c => ColumnOf(c.CellReference!.Value!)) + 1];
                for (var i = 0; i < line.Length; i++) line[i] = new WorkbookCell(null, null, "General");
                foreach (var cell in cells)
                    line[ColumnOf(cell.CellReference!.Value!)] = Read(cell, shared, formats);
                rows.Add(line);
            }
            sheets[sheet.Name!.Value!] = rows;
        }
        SheetNames = names;
    }

    /// <summary>The sheet's rows, the header first.</summary>
    public IReadOnlyList<WorkbookCell[]> Sheet(string name) =>
        sheets.TryGetValue(name, out var rows) ? rows : throw new KeyNotFoundException($"No sheet '{name}' among {string.Join(", ", SheetNames)}.");

    /// <summary>The sheet's rows after the header, each cell under its header's text.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, WorkbookCell>> Table(string name)
    {
        var rows = Sheet(name);
        var header = rows[0].Select(c => c.Text ?? "").ToList();
        return rows.Skip(1).Select(row => (IReadOnlyDictionary<string, WorkbookCell>)header
            .Select((h, i) => (h, Cell: i < row.Length ? row[i] : new WorkbookCell(null, null, "General")))
            .ToDictionary(x => x.h, x => x.Cell)).ToList();
    }

    private static WorkbookCell Read(Cell cell, List<string> shared, IReadOnlyList<string> formats)
    {
        var format = cell.StyleIndex?.Value is { } style && style < formats.Count ? formats[(int)style] : "General";
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return new(cell.InlineString?.InnerText ?? "", null, format);
        if (type == CellValues.SharedString) return new(shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)], null, format);
        if (type == CellValues.String) return new(cell.CellValue?.Text ?? "", null, format);
        if (cell.CellValue is null) return new(null, null, format);
        return new(null, double.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture), format);
    }

    /// <summary>The format code of every cell style: a custom one from the styles part, or a built-in one by number.</summary>
    private static List<string> Formats(WorkbookPart part)
    {
        var stylesheet = part.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var builtIn = new Dictionary<uint, string> { [0] = "General", [1] = "0", [2] = "0.00", [9] = "0%", [10] = "0.00%", [14] = "yyyy-mm-dd" };
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id ? custom.GetValueOrDefault(id) ?? builtIn.GetValueOrDefault(id, $"#{id}") : "General")
            .ToList() ?? [];
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) column = column * 26 + (ch - 'A' + 1);
        return column - 1;
    }
}
