using System.Text.Json;

namespace Jobbtorg.Tests;

/// <summary>Finds the shared reference data (a folder shared/data beside the repository) from wherever the tests run.</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static T Read<T>(params string[] parts) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path(parts)))
        ?? throw new InvalidDataException($"{Path(parts)} holds no JSON value.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No folder shared/data found in {AppContext.BaseDirectory} or any folder above it; " +
            "the reference data is expected beside the repository (../shared/data from the repository root).");
    }
}
