namespace Jobbtorg.Features.Staff;

public static class StaffClaims
{
    /// <summary>Present in a session signed in with a one-time password.</summary>
    public const string MustChangePassword = "jobbtorg:must-change-password";
}
