using System.Collections.Concurrent;

namespace Jobbtorg.Features.Import;

/// <summary>How far each running import from the upload page has come, so the page can show it while it waits.</summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<Guid, ImportProgress> running = new();

    public IProgress<ImportProgress> Track(Guid id) => new Reporter(this, id);

    public ImportProgress? Get(Guid id) => running.TryGetValue(id, out var p) ? p : null;

    public void Finish(Guid id) => running.TryRemove(id, out _);

    private sealed class Reporter(ImportProgressBoard board, Guid id) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => board.running[id] = value;
    }
}
