using System.Security.Claims;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Access;

/// <summary>Who is asking: a signed-in person or a system client with an API key.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => Principal.FindFirstValue(JobbtorgClaims.DisplayName) ?? Principal.Identity?.Name ?? "";
    public bool IsApiClient => Principal.Identity?.AuthenticationType == ApiKeyHandler.SchemeName;
    public int? JobCentreId => int.TryParse(Principal.FindFirstValue(JobbtorgClaims.JobCentre), out var id) ? id : null;
    public int? DistrictId => int.TryParse(Principal.FindFirstValue(JobbtorgClaims.District), out var id) ? id : null;
    public int? ProviderId => int.TryParse(Principal.FindFirstValue(JobbtorgClaims.Provider), out var id) ? id : null;
    public string? BoundDistrictCode => Principal.FindFirstValue("jobbtorg:district-code");
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool HasScope(string scope) => Principal.HasClaim(JobbtorgClaims.Scope, scope);
}

/// <summary>Which cases the current user may see and what they may do with them. Coaches see their
/// own centre, case workers their own district; analysts work with aggregates only.</summary>
public sealed class CaseAccess(JobbtorgDb db, CurrentUser user)
{
    public async Task<IQueryable<Case>> VisibleCasesAsync(CancellationToken ct = default)
    {
        var cases = db.Cases.AsQueryable();
        if (user.IsApiClient)
        {
            if (user.BoundDistrictCode is null) return cases;
            var districtId = await db.Districts.Where(d => d.Code == user.BoundDistrictCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            return cases.Where(c => c.DistrictId == districtId);
        }
        if (user.IsInRole(Roles.Administrator)) return cases;
        if (user.IsInRole(Roles.Manager) && user.JobCentreId is null) return cases;
        if (user.JobCentreId is { } centre && (user.IsInRole(Roles.Coach) || user.IsInRole(Roles.Matcher) || user.IsInRole(Roles.Manager)))
            return cases.Where(c => c.JobCentreId == centre);
        if (user.DistrictId is { } district && user.IsInRole(Roles.CaseWorker))
            return cases.Where(c => c.DistrictId == district);
        return cases.Where(c => false);
    }

    public async Task<bool> CanSeeAsync(int caseId, CancellationToken ct = default) =>
        await (await VisibleCasesAsync(ct)).AnyAsync(c => c.Id == caseId, ct);

    /// <summary>Job-centre staff may work the case: enrol, plan, pause, close, write the journal.</summary>
    public bool CanWork(Case c) =>
        user.IsInRole(Roles.Administrator)
        || (user.IsInRole(Roles.Manager) && (user.JobCentreId is null || user.JobCentreId == c.JobCentreId))
        || (user.IsInRole(Roles.Coach) && user.JobCentreId == c.JobCentreId);

    /// <summary>The journal belongs to the job centre; the district's case worker does not read it.</summary>
    public bool CanReadJournal(Case c) => CanWork(c) || (user.IsInRole(Roles.Matcher) && user.JobCentreId == c.JobCentreId);

    /// <summary>A district may withdraw its own referral before the person is enrolled.</summary>
    public bool CanWithdrawReferral(Case c) =>
        !c.IsEnrolled && c.IsOpen && (CanWork(c) || (user.IsInRole(Roles.CaseWorker) && user.DistrictId == c.DistrictId));

    /// <summary>With the person's consent the district sees the plan; without it only the case state.</summary>
    public bool CanReadPlan(Case c) => CanReadJournal(c) || (c.ConsentGiven && user.IsInRole(Roles.CaseWorker) && user.DistrictId == c.DistrictId);
}
