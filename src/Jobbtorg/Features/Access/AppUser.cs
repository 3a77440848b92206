using Microsoft.AspNetCore.Identity;

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
