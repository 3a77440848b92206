using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

public sealed record CoachLoad(AppUser Coach, int OpenCases);

/// <summary>Open enrolled cases per coach; the coach with the lowest load is suggested at enrolment.</summary>
public sealed class Caseloads(JobbtorgDb db, UserManager<AppUser> users)
{
    public async Task<List<CoachLoad>> AtCentreAsync(int jobCentreId, CancellationToken ct = default)
    {
        var coaches = (await users.GetUsersInRoleAsync(Roles.Coach)).Where(u => u.JobCentreId == jobCentreId).ToList();
        var ids = coaches.Select(c => c.Id).ToList();
        var loads = await db.Cases
            .Where(c => c.CoachId != null && ids.Contains(c.CoachId) && (c.Status == CaseStatus.Enrolled || c.Status == CaseStatus.Paused))
            .GroupBy(c => c.CoachId!)
            .Select(g => new { CoachId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CoachId, x => x.Count, ct);
        return coaches.Select(c => new CoachLoad(c, loads.GetValueOrDefault(c.Id)))
            .OrderBy(l => l.OpenCases).ThenBy(l => l.Coach.DisplayName).ToList();
    }
}
