using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

/// <summary>Who a person coming from the identity provider is among the staff: the user whose e-mail (or employee id)
/// equals the configured claim, if that user is active.</summary>
public sealed class SingleSignOnUsers(UserManager<AppUser> users, IOptions<StaffSignInOptions> options)
{
    private OpenIdConnectSettings Settings => options.Value.OpenIdConnect;

    /// <summary>The value of the matching claim, as the provider sent it.</summary>
    public string? Identifier(ClaimsPrincipal person) =>
        person.FindFirst(Settings.MatchClaim)?.Value.Trim() is { Length: > 0 and <= 256 } value ? value : null;

    public async Task<AppUser?> FindActiveAsync(ClaimsPrincipal person)
    {
        if (Identifier(person) is not { } identifier) return null;
        var user = Settings.MatchUserField switch
        {
            UserMatchField.EmployeeId => await users.Users.SingleOrDefaultAsync(u => u.EmployeeId == identifier),
            _ => await users.FindByEmailAsync(identifier),
        };
        return user is { IsActive: true } ? user : null;
    }
}
