using Jobbtorg.Data;
using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Access;

/// <summary>
/// Which cases the caller may see, and what it may do with one. Every case-scoped read and change asks here; the
/// answers come from <see cref="AccessRules"/>, so pages and the API give the same answer.
/// </summary>
public sealed class CaseAccess(JobbtorgDb db, CurrentUser user)
{
    /// <summary>The cases within the caller's reach for <paramref name="permission"/> (by default reading the case); none
    /// for a caller without it. A key reaches its district's cases, or every case when bound to none.</summary>
    public IQueryable<Case> VisibleCases(Permission permission = Permission.ReadCase)
    {
        var who = user.Access;
        var cases = db.Cases.AsQueryable();
        if (!AccessRules.Holds(who, permission)) return cases.Where(c => false);
        if (who.IsApiKey)
            return who.KeyDistrictUnknown ? cases.Where(c => false)
                : who.KeyDistrictId is { } keyDistrict ? cases.Where(c => c.DistrictId == keyDistrict)
                : cases;

        var centres = new HashSet<int>();
        int? district = null;
        foreach (var role in who.Roles.Where(r => AccessRules.ByRole.TryGetValue(r, out var p) && p.Contains(permission)))
        {
            switch (role)
            {
                case Roles.Administrator:
                case Roles.Manager when who.JobCentreId is null:
                    return cases;
                case Roles.Manager:
                    centres.Add(who.JobCentreId!.Value);
                    centres.UnionWith(who.BranchIds);
                    break;
                case Roles.Coach or Roles.Matcher when who.JobCentreId is { } centre:
                    centres.Add(centre);
                    break;
                case Roles.CaseWorker:
                    district = who.DistrictId;
                    break;
            }
        }
        if (centres.Count == 0 && district is null) return cases.Where(c => false);
        // One centre or one district (a coach's, a case worker's) as a single value, not a list: EF Core generates the SQL
        // of a statement with a list again on every run under SQLite, and this filter is in most of a page's statements.
        if (centres.Count == 1 && district is null)
        {
            var centre = centres.Single();
            return cases.Where(c => c.JobCentreId == centre);
        }
        if (centres.Count == 0) return cases.Where(c => c.DistrictId == district);
        return cases.Where(c => centres.Contains(c.JobCentreId) || c.DistrictId == district);
    }

    public Task<IQueryable<Case>> VisibleCasesAsync(CancellationToken ct = default) => Task.FromResult(VisibleCases());

    public async Task<bool> CanSeeAsync(int caseId, CancellationToken ct = default) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(VisibleCases(), c => c.Id == caseId, ct);

    /// <summary>Whether the caller may do this to the case (the case within reach and the permission held).</summary>
    public bool Can(Permission permission, Case c) => AccessRules.Allows(user.Access, permission, ScopeOf(c));

    public static CaseScope ScopeOf(Case c) => new(c.JobCentreId, c.DistrictId, c.ConsentGiven);

    /// <summary>Job-centre staff may work the case: enrol, plan, pause, close.</summary>
    public bool CanWork(Case c) => Can(Permission.WorkCase, c);

    /// <summary>The journal belongs to the job centre; the district's case worker does not read it.</summary>
    public bool CanReadJournal(Case c) => Can(Permission.ReadJournal, c);

    public bool CanWriteJournal(Case c) => Can(Permission.WriteJournal, c);

    /// <summary>A district may withdraw its own referral before the person is enrolled.</summary>
    public bool CanWithdrawReferral(Case c) => !c.IsEnrolled && c.IsOpen && Can(Permission.WithdrawReferral, c);

    /// <summary>With the person's consent the district sees the plan; without it only the case state.</summary>
    public bool CanReadPlan(Case c) => Can(Permission.ReadPlan, c);
}
