using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.ProtectedIdentity;

/// <summary>
/// Marks or unmarks a person as having protected personal data, keeping who and when. The caller must hold
/// <see cref="Permission.MarkProtectedIdentity"/> for at least one of the person's cases: a district's case worker or key
/// for a person with a case in the district, an administrator for anyone.
/// </summary>
public sealed class MarkProtectedIdentity(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock)
{
    /// <summary>The person behind this personal number (12 digits), if the caller may mark them; null otherwise, whether the
    /// person is unknown or out of reach (the answer never tells which).</summary>
    public async Task<Participant?> FindAsync(string personalNumber, CancellationToken ct) =>
        await access.VisibleCases(Permission.MarkProtectedIdentity)
            .Where(c => c.Participant.PersonalNumber == personalNumber)
            .Select(c => c.Participant).FirstOrDefaultAsync(ct);

    /// <summary>Whether the caller may mark the person on this case.</summary>
    public bool MayMark(Case c) => access.Can(Permission.MarkProtectedIdentity, c);

    /// <summary>Sets the marking; saves only when it changes. True when it changed.</summary>
    public async Task<bool> SetAsync(Participant person, bool isProtected, CancellationToken ct)
    {
        if (!person.MarkProtectedIdentity(isProtected, user.Name, clock.GetUtcNow())) return false;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
