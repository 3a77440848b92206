using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>Resumes a paused case (see <see cref="Case.Resume"/>): the clock runs again from the resume date.</summary>
public sealed class ResumeCase(CaseChanges changes, TimeProvider clock)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, c => c.Resume(date, clock.Today()), givesUpSeat: false, ct);
}
