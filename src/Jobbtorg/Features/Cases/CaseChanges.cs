using Jobbtorg.Data;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>
/// Runs one change to a case as one transaction: the rule on the entity, the message to the district the change writes,
/// and, when the case no longer needs an info meeting, giving up its seat. All of it is stored, or nothing. The caller
/// has checked access (<see cref="Access.CaseAccess"/>); a broken rule comes out as a <see cref="RuleBrokenException"/>.
/// </summary>
public sealed class CaseChanges(JobbtorgDb db, ReleaseCaseSeat releaseSeat)
{
    public async Task<Case> ApplyAsync(int caseId, Func<Case, Task> change, bool givesUpSeat, CancellationToken ct)
    {
        var (changed, freed) = await db.InTransactionWithRetryAsync(async () =>
        {
            var c = await db.Cases.WithWorkingState().FirstOrDefaultAsync(x => x.Id == caseId, ct)
                    ?? throw new RuleBrokenException("There is no such case.");
            await change(c);
            var freed = givesUpSeat ? await releaseSeat.WithinAsync(c.Id, ct) : null;
            await db.SaveChangesAsync(ct);
            return (c, freed);
        }, ct);
        await releaseSeat.ServeAsync(freed, ct);
        return changed;
    }

    public Task<Case> ApplyAsync(int caseId, Action<Case> change, bool givesUpSeat, CancellationToken ct) =>
        ApplyAsync(caseId, c =>
        {
            change(c);
            return Task.CompletedTask;
        }, givesUpSeat, ct);
}

public static class CaseQueries
{
    /// <summary>What the case's rules and its messages read: the person, district, centre, coach, and every plan with its
    /// activities (the lifecycle dates a closure by the latest plan; the district is sent the agreed plan).</summary>
    public static IQueryable<Case> WithWorkingState(this IQueryable<Case> cases) =>
        cases.Include(c => c.Participant).Include(c => c.District).Include(c => c.JobCentre).Include(c => c.Coach)
            .Include(c => c.Plans).ThenInclude(p => p.Activities).ThenInclude(a => a.ActivityType)
            .Include(c => c.Plans).ThenInclude(p => p.Activities).ThenInclude(a => a.Provider)
            .AsSplitQuery();
}
