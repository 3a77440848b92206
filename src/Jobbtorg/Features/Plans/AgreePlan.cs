using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Plans;

/// <summary>Records the participant's agreement to the draft plan (see <see cref="Case.AgreePlan"/>); the district is sent
/// the agreed plan in the same transaction.</summary>
public sealed class AgreePlan(CaseChanges changes, DistrictOutbox outbox, CurrentUser user, TimeProvider clock)
{
    public Task<Case> HandleAsync(int caseId, DateOnly agreedOn, CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, c =>
        {
            c.AgreePlan(agreedOn, user.Name, clock.Today());
            outbox.PlanAgreed(c, c.LatestAgreedPlan!);
        }, givesUpSeat: false, ct);
}
