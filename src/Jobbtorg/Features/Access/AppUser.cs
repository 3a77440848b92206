using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Access;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>Set for job-centre staff (coach, matcher, manager of one centre).</summary>
    public int? JobCentreId { get; set; }
    /// <summary>Set for a district's case worker.</summary>
    public int? DistrictId { get; set; }
    /// <summary>Set for an external provider's staff: they register attendance for their own activities only.</summary>
    public int? ProviderId { get; set; }
    /// <summary>The person's id in the city's staff register, when single sign-on matches people by it
    /// (`Jobbtorg:OpenIdConnect:MatchUserField=EmployeeId`). Unique when set.</summary>
    public string? EmployeeId { get; set; }
    /// <summary>Demo accounts with known passwords; the app refuses to start in Production while any exist.</summary>
    public bool IsDemo { get; set; }
    /// <summary>A deactivated user cannot sign in and has no session; users are never deleted, since journal entries
    /// and other records keep their signer.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
    public bool IsActive => DeactivatedAt is null;
    /// <summary>When the user last signed in (recorded at every sign-in); null for a user who never has.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>The password is a one-time password given by an administrator: the user must choose their own before
    /// doing anything else.</summary>
    public bool MustChangePassword { get; set; }
}

public static class Roles
{
    public const string Coach = "Coach";
    public const string Matcher = "Matcher";
    public const string CaseWorker = "CaseWorker";
    public const string Manager = "Manager";
    public const string Analyst = "Analyst";
    public const string Administrator = "Administrator";
    /// <summary>An external provider's staff (anordnare): sees the attendance day view for their own activities and nothing else.</summary>
    public const string Provider = "Provider";

    public static readonly string[] All = [Coach, Matcher, CaseWorker, Manager, Analyst, Administrator, Provider];
}

public static class JobbtorgClaims
{
    public const string JobCentre = "jobbtorg:jobcentre";
    public const string District = "jobbtorg:district";
    public const string Provider = "jobbtorg:provider";
    public const string DisplayName = "jobbtorg:name";
    /// <summary>A branch of the user's own centre (a centre's manager reaches its branches too).</summary>
    public const string Branch = "jobbtorg:branch";
    /// <summary>The district code an API key is bound to, as configured.</summary>
    public const string KeyDistrictCode = "jobbtorg:key-district";
    public const string Scope = "scope";
}

/// <summary>Adds the user's centre (and its branches), district and display name to the session.</summary>
public sealed class AppUserClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options, Data.JobbtorgDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(JobbtorgClaims.DisplayName, user.DisplayName));
        if (user.JobCentreId is { } centre)
        {
            identity.AddClaim(new(JobbtorgClaims.JobCentre, centre.ToString()));
            foreach (var branch in await db.JobCentres.Where(j => j.ParentId == centre).Select(j => j.Id).ToListAsync())
                identity.AddClaim(new(JobbtorgClaims.Branch, branch.ToString()));
        }
        if (user.DistrictId is { } district) identity.AddClaim(new(JobbtorgClaims.District, district.ToString()));
        if (user.ProviderId is { } provider) identity.AddClaim(new(JobbtorgClaims.Provider, provider.ToString()));
        return identity;
    }
}
