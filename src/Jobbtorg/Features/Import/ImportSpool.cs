using System.Diagnostics;

namespace Jobbtorg.Features.Import;

/// <summary>
/// Where an import's stream waits on disk between its two readings. The files hold personal numbers, so they live in the
/// app's own data folder (Jobbtorg:Import:SpoolFolder, by default App_Data/import-spool beside the SQLite file), readable
/// by the app's user only, never in the machine's shared temp folder; what a crash left behind is removed at start.
/// </summary>
public sealed class ImportSpool
{
    public const string SettingName = "Jobbtorg:Import:SpoolFolder";
    private const string Prefix = "import-";

    public ImportSpool(string folder) => Folder = Path.GetFullPath(folder);

    public string Folder { get; }

    public static ImportSpool From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration[SettingName] is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, "App_Data", "import-spool"));

    /// <summary>A new file's path; the name carries the process id so that a start can tell its own leftovers from the
    /// files of another instance that shares the folder.</summary>
    public string NewFile()
    {
        CreateFolder();
        return Path.Combine(Folder, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.ndjson");
    }

    /// <summary>Opens a new spool file that only the app's user can read.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16, Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    /// <summary>At start: makes the folder and removes what a stopped process left in it.</summary>
    public int Prepare()
    {
        CreateFolder();
        return RemoveLeftovers();
    }

    /// <summary>Removes the spool files a stopped process left: this process's own (none exist yet at start) and those of
    /// processes no longer running; and upload buffers of the framework (ASPNETCORE_*.tmp, which name no process) not
    /// written to for an hour. Returns how many were removed.</summary>
    private int RemoveLeftovers()
    {
        if (!Directory.Exists(Folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "ASPNETCORE_*.tmp"))
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1) && TryDelete(file)) removed++;
        foreach (var file in Directory.EnumerateFiles(Folder, Prefix + "*.ndjson"))
        {
            var name = Path.GetFileName(file);
            var dash = name.IndexOf('-', Prefix.Length);
            if (dash < 0 || !int.TryParse(name.AsSpan(Prefix.Length, dash - Prefix.Length), out var pid)) continue;
            if (pid != Environment.ProcessId && IsRunning(pid)) continue;
            if (TryDelete(file)) removed++;
        }
        return removed;
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Folder);
        else Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
