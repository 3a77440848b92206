using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>Pauses an enrolled case (see <see cref="Case.Pause"/>): paused working days stop the job-guarantee clock.</summary>
public sealed class PauseCase(CaseChanges changes, TimeProvider clock)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, PauseReason reason, string? note, CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, c => c.Pause(date, reason, note, clock.Today()), givesUpSeat: false, ct);
}
