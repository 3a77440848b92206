using System.Text.Json;

namespace Jobbtorg.Tests.Http;

/// <summary>Hands out the Tax Agency's official test personal numbers, each at most once per test run,
/// skipping the ones the demo data uses.</summary>
public static class TestPeople
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Used = LoadDemoNumbers();
    private static readonly string[] All = TestData.Read<string[]>("personnummer", "all-test-personal-numbers.json");

    /// <summary>A number for someone whose age on <paramref name="on"/> is within the range.</summary>
    public static string Aged(int minAge, int maxAge, DateOnly on)
    {
        lock (Gate)
        {
            foreach (var number in All)
            {
                if (Used.Contains(number)) continue;
                var birth = new DateOnly(int.Parse(number[..4]), int.Parse(number[4..6]), int.Parse(number[6..8]));
                var age = on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
                if (age < minAge || age > maxAge) continue;
                Used.Add(number);
                return number;
            }
        }
        throw new InvalidOperationException($"No unused official test personal number aged {minAge}–{maxAge}.");
    }

    public static string Adult(DateOnly on) => Aged(30, 55, on);

    /// <summary>An official number with its check digit changed: looks like a personal number and is none.</summary>
    public static string WithWrongCheckDigit(string official) => official[..11] + (char)('0' + (official[11] - '0' + 1) % 10);

    private static HashSet<string> LoadDemoNumbers()
    {
        using var stream = typeof(Jobbtorg.Data.DemoData).Assembly.GetManifestResourceStream("Jobbtorg.Data.Reference.demo-personal-numbers.json")!;
        return JsonSerializer.Deserialize<string[]>(stream)!.ToHashSet();
    }
}
