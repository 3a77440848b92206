using System.Text.Json;
using Jobbtorg.Features.Reports;

namespace Jobbtorg.Tests.Reports;

internal static class ReportAssert
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Compares set by set, so a failure names the period, grouping and group that differ.</summary>
    public static void Same(IndicatorReport expected, IndicatorReport actual, string what)
    {
        Assert.True(JsonSerializer.Serialize(expected.Total, Json) == JsonSerializer.Serialize(actual.Total, Json),
            $"{what}, total:\n expected {JsonSerializer.Serialize(expected.Total, Json)}\n actual   {JsonSerializer.Serialize(actual.Total, Json)}");
        Assert.Equal(expected.Groups is null, actual.Groups is null);
        if (expected.Groups is null) return;
        Assert.Equal(expected.Groups.Keys.Order(StringComparer.Ordinal), actual.Groups!.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, set) in expected.Groups)
        {
            var (wanted, got) = (JsonSerializer.Serialize(set, Json), JsonSerializer.Serialize(actual.Groups[key], Json));
            Assert.True(wanted == got, $"{what}, group {key}:\n expected {wanted}\n actual   {got}");
        }
    }
}
