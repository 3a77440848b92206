using System.Text.Json;

namespace Jobbtorg.Tests;

/// <summary>
/// The reference data the tests are checked against: tests/data in the repository (sources and licences in its
/// README), copied beside the test binaries by the project file, so nothing outside the repository is read.
/// </summary>
public static class TestData
{
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing; tests/data is copied there when the test project is built.", path);
    }

    public static T Read<T>(params string[] parts) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path(parts)))
        ?? throw new InvalidDataException($"{Path(parts)} holds no JSON value.");
}
