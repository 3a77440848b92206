using Jobbtorg.Data;

namespace Jobbtorg.Features.Import;

public sealed record ImportError(long Line, string Reason);

/// <summary>The outcome of an import: events stored and skipped, or the bad lines (the first 1,000) and how many there were.</summary>
public sealed record ImportResult(int Imported, int Skipped, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>Imports a case-event stream (domain.md "The case-event format"): all or nothing.</summary>
public sealed class CaseEventImport(JobbtorgDb db)
{
    public Task<ImportResult> ImportAsync(Stream ndjson, string importedBy, CancellationToken ct = default) =>
        throw new NotImplementedException(db.GetType().Name + importedBy + ndjson.CanRead + ct.IsCancellationRequested);
}
