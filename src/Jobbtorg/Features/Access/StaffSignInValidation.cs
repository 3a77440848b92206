using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Access;

/// <summary>Refuses to start with settings that would let nobody sign in or would trust an identity provider over
/// plain http.</summary>
public sealed class StaffSignInValidation : IValidateOptions<StaffSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffSignInOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(StaffSignInOptions options)
    {
        var oidc = options.OpenIdConnect;
        if (!oidc.IsConfigured)
        {
            if (!options.PasswordSignIn)
                yield return "Jobbtorg:PasswordSignIn is false but Jobbtorg:OpenIdConnect:Authority is not set: nobody could sign in.";
            yield break;
        }
        // Tokens and the provider's keys travel over this address; plain http only where it never leaves the machine.
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback))
            || authority.Query.Length > 0 || authority.Fragment.Length > 0)
            yield return "Jobbtorg:OpenIdConnect:Authority must be an https address (http only for localhost or 127.0.0.1).";
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
            yield return "Jobbtorg:OpenIdConnect:ClientId is required when Jobbtorg:OpenIdConnect:Authority is set.";
        if (string.IsNullOrWhiteSpace(oidc.MatchClaim))
            yield return "Jobbtorg:OpenIdConnect:MatchClaim must name the claim that identifies the person (default email).";
        if (!Enum.IsDefined(oidc.MatchUserField))
            yield return "Jobbtorg:OpenIdConnect:MatchUserField must be Email or EmployeeId.";
    }
}
