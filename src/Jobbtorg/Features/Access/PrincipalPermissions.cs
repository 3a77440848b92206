namespace Jobbtorg.Features.Access;

public static class PrincipalPermissions
{
    /// <summary>For views and menus: whether the signed-in person holds the permission anywhere.</summary>
    public static bool Holds(this System.Security.Claims.ClaimsPrincipal user, Permission permission) =>
        AccessRules.Holds(AccessPrincipal.From(user), permission);
}
