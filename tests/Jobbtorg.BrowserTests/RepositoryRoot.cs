namespace Jobbtorg.BrowserTests;

internal static class RepositoryRoot
{
    private const string Marker = "Jobbtorg.slnx";

    /// <summary>The nearest folder above the test assembly that holds Jobbtorg.slnx.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No {Marker} found above {AppContext.BaseDirectory}.");
    }
}
