using Jobbtorg.Features.Access;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>Closes a case, or withdraws a referral before enrolment, which is the same closure (see
/// <see cref="Case.Close"/>). The district is told and the case's info-meeting seat is given up in the same transaction.</summary>
public sealed class CloseCase(CaseChanges changes, DistrictOutbox outbox, CurrentUser user, TimeProvider clock)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, ClosureReason reason, ClosureSubReason? subReason, string? note,
        CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, c =>
        {
            c.Close(date, reason, subReason, note, user.Name, clock.Today());
            outbox.Closure(c);
        }, givesUpSeat: true, ct);
}
