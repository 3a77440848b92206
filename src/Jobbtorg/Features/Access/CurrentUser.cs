using System.Security.Claims;

namespace Jobbtorg.Features.Access;

/// <summary>Who is asking: a signed-in person or a system client with an API key.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private AccessPrincipal? access;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    /// <summary>The facts the access rules read, taken once per request.</summary>
    public AccessPrincipal Access => access ??= AccessPrincipal.From(Principal);
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => Principal.FindFirstValue(JobbtorgClaims.DisplayName) ?? Principal.Identity?.Name ?? "";
    public bool IsApiClient => Access.IsApiKey;
    public int? JobCentreId => Access.JobCentreId;
    public int? DistrictId => IsApiClient ? null : Access.DistrictId;
    public int? ProviderId => int.TryParse(Principal.FindFirstValue(JobbtorgClaims.Provider), out var id) ? id : null;
    /// <summary>The district an API key is bound to, by code; null for staff and unbound keys.</summary>
    public string? BoundDistrictCode => Principal.FindFirstValue(JobbtorgClaims.KeyDistrictCode);
    public bool IsInRole(string role) => !IsApiClient && Principal.IsInRole(role);
    public bool HasScope(string scope) => IsApiClient && Principal.HasClaim(JobbtorgClaims.Scope, scope);
    public bool Holds(Permission permission) => AccessRules.Holds(Access, permission);
    public bool MayAtCentre(Permission permission, int jobCentreId) => AccessRules.AllowsAtCentre(Access, permission, jobCentreId);
}
