using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FollowUp;

/// <summary>
/// Keeps <see cref="Case.FollowUpReceivesBenefit"/> equal to the benefit month that the case's follow-up month names,
/// so that the report counts "still self-supporting" from the case alone. Every write that moves a follow-up month or
/// changes a benefit month passes through here in its own transaction: tracked changes when they are saved
/// (<see cref="JobbtorgDb"/>), the import's bulk rows once they are written (<see cref="RefreshAsync"/>).
/// </summary>
public static class FollowUpBenefit
{
    /// <summary>Above this many people one statement refreshes every followed-up case instead of theirs alone.</summary>
    private const int RefreshEveryoneFrom = 20_000;

    /// <summary>The people whose cases' answer the pending changes may alter, read after the save (new rows have their
    /// ids then); null when no pending change concerns a follow-up month.</summary>
    public static Func<IReadOnlyCollection<int>>? PeopleConcerned(JobbtorgDb db)
    {
        // Every save passes here. The changes are detected once; JobbtorgDb then saves without detecting them again.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<BenefitMonth>> months;
        List<Case> cases;
        try
        {
            months = tracker.Entries<BenefitMonth>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
            cases = tracker.Entries<Case>()
                .Where(e => e.State == EntityState.Added
                    ? e.Entity.FollowUpMonth is not null
                    : e.State == EntityState.Modified && e.Property(c => c.FollowUpMonth).IsModified)
                .Select(e => e.Entity).ToList();
        }
        finally { tracker.AutoDetectChangesEnabled = detecting; }
        if (months.Count == 0 && cases.Count == 0) return null;

        // A month moved to another person changes the first person's answer too.
        var earlier = months.Where(e => e.State != EntityState.Added).Select(e => e.Property(m => m.ParticipantId).OriginalValue).ToList();
        var monthRows = months.Select(e => e.Entity).ToList();
        return () => monthRows.Select(m => m.ParticipantId).Concat(earlier).Concat(cases.Select(c => c.ParticipantId))
            .Where(id => id > 0).ToHashSet();
    }

    /// <summary>Sets each case of these people (of everyone, when they are many) to the benefit month its follow-up
    /// month names, or null when none is reported.</summary>
    public static async Task RefreshAsync(JobbtorgDb db, IReadOnlyCollection<int> people, CancellationToken ct)
    {
        if (people.Count == 0) return;
        if (people.Count >= RefreshEveryoneFrom)
        {
            await RefreshAsync(db, db.Cases, ct);
            return;
        }
        foreach (var chunk in people.Chunk(1000))
            await RefreshAsync(db, db.Cases.Where(c => chunk.Contains(c.ParticipantId)), ct);
    }

    /// <summary>Only the rows whose answer differs are written.</summary>
    private static Task<int> RefreshAsync(JobbtorgDb db, IQueryable<Case> cases, CancellationToken ct) =>
        cases.Where(c => c.FollowUpReceivesBenefit != db.BenefitMonths
                .Where(b => b.ParticipantId == c.ParticipantId && b.Month == c.FollowUpMonth)
                .Select(b => (bool?)b.ReceivesBenefit).FirstOrDefault())
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FollowUpReceivesBenefit,
                c => db.BenefitMonths.Where(b => b.ParticipantId == c.ParticipantId && b.Month == c.FollowUpMonth)
                    .Select(b => (bool?)b.ReceivesBenefit).FirstOrDefault()), ct);
}
