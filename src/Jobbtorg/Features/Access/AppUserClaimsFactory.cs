using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Access;

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
