namespace Jobbtorg.Features.Access;

/// <summary>How staff sign in, bound from `Jobbtorg`: with a password, through the identity provider, or both.</summary>
public sealed class StaffSignInOptions
{
    /// <summary>False hides the password form and refuses password posts; staff then sign in only through the
    /// identity provider.</summary>
    public bool PasswordSignIn { get; set; } = true;
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}
