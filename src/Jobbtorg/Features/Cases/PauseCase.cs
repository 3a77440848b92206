using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>Pauses an enrolled case (see <see cref="Case.Pause"/>): paused working days stop the job-guarantee clock. The
/// district is told in the same transaction: breaks matter for the benefit.</summary>
public sealed class PauseCase(CaseChanges changes, TimeProvider clock, DistrictOutbox outbox)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, PauseReason reason, string? note, CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, c =>
        {
            c.Pause(date, reason, note, clock.Today());
            outbox.Paused(c, c.OpenPause!);
        }, givesUpSeat: false, ct);
}
