using System.Text.Json;

namespace Jobbtorg.Bench;

/// <summary>
/// The Tax Agency's official test personal and co-ordination numbers (tests/data/personnummer, sources and licence in tests/data's
/// README), copied beside the bench by its project file, so the bench reads nothing outside the repository.
/// </summary>
public static class TestPersonalNumbers
{
    public static string[] All() => Read("all-test-personal-numbers.json");

    /// <summary>The official test co-ordination numbers (some without a real birth date).</summary>
    public static string[] CoordinationNumbers() => Read("all-test-coordination-numbers.json");

    private static string[] Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "personnummer", name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing; tests/data is copied there when the bench is built.", path);
        return JsonSerializer.Deserialize<string[]>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no JSON value.");
    }
}
