using System.Globalization;
using System.Text;

namespace Jobbtorg.Features.Reports;

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A line chart drawn on the server as SVG: one line per series over the same x labels. The partial
/// _LineChart.cshtml renders it as an image with a title and description, a legend, and the same numbers in a table.
/// </summary>
public sealed class LineChart
{
    public const double Width = 600, Height = 260;
    private const double Left = 48, Right = 26, Top = 14, Bottom = 46;

    /// <summary>Line colours (contrast at least 3:1 on white) and dash patterns, so lines differ without colour too: enough
    /// for any breakdown but job centres and districts, whose lines repeat them in turn (the table beside names each).</summary>
    public static readonly (string Colour, string Dash)[] Styles =
    [
        ("#00467f", ""), ("#b35900", "8 4"), ("#1a6b32", "2 3"), ("#6a1b9a", "12 3 3 3"), ("#a50e2d", "4 4"),
        ("#005f73", "1 4"), ("#5c4d00", "10 2 2 2 2 2"), ("#444444", "16 4"),
    ];

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The label of each point on the x axis, in full (the table uses them).</summary>
    public required IReadOnlyList<string> Labels { get; init; }
    /// <summary>Short labels shown under the axis; empty where no label is drawn.</summary>
    public required IReadOnlyList<string> AxisLabels { get; init; }
    public required IReadOnlyList<ChartSeries> Series { get; init; }
    /// <summary>The values are rates (fractions) shown as percentages; otherwise counts.</summary>
    public bool IsRate { get; init; }
    /// <summary>The heading of the table's first column.</summary>
    public required string LabelHeading { get; init; }
    /// <summary>Optional extra column in the table (e.g. the total), not drawn.</summary>
    public ChartSeries? TableOnly { get; init; }

    public double PlotLeft => Left;
    public double PlotRight => Width - Right;
    public double PlotTop => Top;
    public double PlotBottom => Height - Bottom;

    /// <summary>The top of the y axis: a round number at or above the largest value. Worked out once: every point's
    /// <see cref="Y"/> asks for it, and the series do not change once the chart is made.</summary>
    public double Max => max ??= NiceStep * Math.Max(1, Math.Ceiling(DataMax / NiceStep));

    private double? max, niceStep;

    public IEnumerable<double> Ticks => Enumerable.Range(0, (int)Math.Round(Max / NiceStep) + 1).Select(i => i * NiceStep);

    public double X(int index) => Labels.Count <= 1 ? PlotLeft : PlotLeft + index * (PlotRight - PlotLeft) / (Labels.Count - 1);

    public double Y(double value) => PlotBottom - value / Max * (PlotBottom - PlotTop);

    /// <summary>The SVG path of a series; a missing value breaks the line.</summary>
    public string Path(ChartSeries series)
    {
        var path = new StringBuilder();
        var drawing = false;
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (series.Values[i] is not { } value)
            {
                drawing = false;
                continue;
            }
            path.Append(drawing ? " L" : " M").Append(N(X(i))).Append(' ').Append(N(Y(value)));
            drawing = true;
        }
        return path.ToString().Trim();
    }

    /// <summary>Points that stand alone (no neighbour to draw a line to) get a dot so they are not lost.</summary>
    public IEnumerable<(double X, double Y)> LonePoints(ChartSeries series)
    {
        for (var i = 0; i < series.Values.Count; i++)
            if (series.Values[i] is { } v && (i == 0 || series.Values[i - 1] is null) && (i == series.Values.Count - 1 || series.Values[i + 1] is null))
                yield return (X(i), Y(v));
    }

    /// <summary>A value as the table shows it: a percentage with one decimal, or a count.</summary>
    public string Display(double? value) => IsRate ? IndicatorRows.Percent(value)
        : value is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : "–";

    /// <summary>A tick on the y axis: whole counts, or percentages without needless decimals.</summary>
    public string Tick(double value) => IsRate
        ? (value * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %"
        : value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A coordinate as SVG writes it, whatever the user's language.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private double DataMax => Series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();

    private double NiceStep => niceStep ??= StepFor(DataMax);

    private double StepFor(double dataMax)
    {
        var rough = Math.Max(dataMax, IsRate ? 0.04 : 1) / 4; // nothing to show still gets a readable axis
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return IsRate ? step : Math.Max(1, Math.Ceiling(step)); // counts step by whole numbers
    }
}
