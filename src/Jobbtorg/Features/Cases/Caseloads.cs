using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

public sealed record CoachLoad(AppUser Coach, int OpenCases);

/// <summary>Open enrolled cases per active coach; the coach with the lowest load is suggested at enrolment.</summary>
public sealed class Caseloads(JobbtorgDb db)
{
    public async Task<List<CoachLoad>> AtCentreAsync(int jobCentreId, CancellationToken ct = default)
    {
        var coachRole = db.Roles.Where(r => r.Name == Roles.Coach).Select(r => r.Id);
        var coaches = await db.Users
            .Where(u => u.JobCentreId == jobCentreId && u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && coachRole.Contains(ur.RoleId)))
            .ToListAsync(ct);
        var loads = await db.Cases
            .Where(c => c.JobCentreId == jobCentreId && c.CoachId != null && (c.Status == CaseStatus.Enrolled || c.Status == CaseStatus.Paused))
            .GroupBy(c => c.CoachId!)
            .Select(g => new { CoachId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CoachId, x => x.Count, ct);
        return coaches.Select(c => new CoachLoad(c, loads.GetValueOrDefault(c.Id)))
            .OrderBy(l => l.OpenCases).ThenBy(l => l.Coach.DisplayName).ToList();
    }
}
