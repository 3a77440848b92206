namespace Jobbtorg.Features.Access;

/// <summary>`Jobbtorg:OpenIdConnect`: the city's identity provider, when staff sign in through it.</summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The identity provider's address (its discovery document is read from here). Unset: no single sign-on.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The claim of the ID token that names the person, e.g. `email` or an employee id claim.</summary>
    public string MatchClaim { get; set; } = "email";
    public UserMatchField MatchUserField { get; set; } = UserMatchField.Email;
    /// <summary>The identity provider's name on the sign-in button: "Sign in with &lt;name&gt;".</summary>
    public string? DisplayName { get; set; }
    /// <summary>Scopes asked for besides `openid`, `profile` and `email`, for a provider that gives the matching claim
    /// only under a scope of its own.</summary>
    public List<string> Scopes { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
