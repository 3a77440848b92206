using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>Takes a <see cref="Lease"/> with one guarded update, so that of several instances asking at once exactly one
/// gets it, on SQLite and PostgreSQL alike.</summary>
public static class Leases
{
    /// <summary>True when this caller holds the lease until now + <paramref name="length"/>; false while another holds it.</summary>
    public static async Task<bool> TryTakeAsync(JobbtorgDb db, string name, TimeSpan length, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var until = now + length;
        var taken = await db.Set<Lease>().Where(l => l.Name == name && l.HeldUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldUntil, until), ct);
        if (taken == 1) return true;
        if (await db.Set<Lease>().AnyAsync(l => l.Name == name, ct)) return false;
        // The first time: the primary key lets only one of the instances inserting at once succeed.
        db.Set<Lease>().Add(new Lease { Name = name, HeldUntil = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
