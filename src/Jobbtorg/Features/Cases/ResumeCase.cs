using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>Resumes a paused case (see <see cref="Case.Resume"/>): the clock runs again from the resume date. The district
/// is told in the same transaction.</summary>
public sealed class ResumeCase(CaseChanges changes, TimeProvider clock, DistrictOutbox outbox)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, c =>
        {
            var pause = c.OpenPause;
            c.Resume(date, clock.Today());
            outbox.Resumed(c, pause!);
        }, givesUpSeat: false, ct);
}
