using System.Security.Claims;

namespace Jobbtorg.Features.Access;

/// <summary>The facts about a caller that the rules read, taken from the sign-in or the API key.</summary>
public sealed record AccessPrincipal(
    bool IsApiKey,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    int? JobCentreId,
    IReadOnlyList<int> BranchIds,
    int? DistrictId,
    int? KeyDistrictId,
    bool KeyDistrictUnknown)
{
    public static readonly AccessPrincipal Nobody = new(false, [], [], null, [], null, null, false);

    public static AccessPrincipal From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Nobody;
        var isKey = user.Identity.AuthenticationType == ApiKeyHandler.SchemeName;
        int? Int(string type) => int.TryParse(user.FindFirstValue(type), out var id) ? id : null;
        return new AccessPrincipal(
            isKey,
            isKey ? [] : user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            isKey ? user.FindAll(JobbtorgClaims.Scope).Select(c => c.Value).ToList() : [],
            Int(JobbtorgClaims.JobCentre),
            user.FindAll(JobbtorgClaims.Branch).Select(c => int.TryParse(c.Value, out var id) ? id : -1).ToList(),
            isKey ? null : Int(JobbtorgClaims.District),
            isKey ? Int(JobbtorgClaims.District) : null,
            // A key bound to a district code that does not exist reaches nothing rather than everything.
            isKey && user.HasClaim(c => c.Type == JobbtorgClaims.KeyDistrictCode) && Int(JobbtorgClaims.District) is null);
    }
}
