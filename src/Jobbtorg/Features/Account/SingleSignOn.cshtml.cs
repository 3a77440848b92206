using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Account;

/// <summary>Sign-in through the city's identity provider: a plain link starts it (a form post would be stopped by the
/// form-action policy on its way to the provider), and the provider's answer comes back to the callback.</summary>
[AllowAnonymous]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class SingleSignOnModel(IOptions<StaffSignInOptions> options, SingleSignOnUsers staff, SignInManager<AppUser> signIn,
    ILogger<SingleSignOnModel> log) : PageModel
{
    /// <summary>The person as the identity provider named them, shown on the not-registered page.</summary>
    public string? Identifier { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (!options.Value.OpenIdConnect.IsConfigured) return NotFound();
        var callback = Url.Page("/Account/SingleSignOn", "Callback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        try
        {
            await HttpContext.ChallengeAsync(SingleSignOn.Scheme, new AuthenticationProperties { RedirectUri = callback });
            return new EmptyResult();
        }
        catch (InvalidOperationException e) when (!Response.HasStarted)
        {
            // The provider's discovery document could not be read: the provider is down or unreachable.
            log.LogError(e, "The identity provider could not be reached.");
            return RedirectToPage("/Account/Login", new { sso = "unavailable" });
        }
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        if (!options.Value.OpenIdConnect.IsConfigured) return NotFound();
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The external cookie only carries the person from the provider to here; it goes whatever happens next.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded) return RedirectToPage("/Account/Login");

        Identifier = staff.Identifier(external.Principal);
        var user = await staff.FindActiveAsync(external.Principal);
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            // No value in the log: the claim may be anything the provider holds about the person.
            log.LogWarning("Single sign-on refused: no active user matches the {Claim} claim.", options.Value.OpenIdConnect.MatchClaim);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        // The same sign-in as with a password: the application cookie, its server-side session and the claims factory.
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SingleSignOn.Scheme);
        log.LogInformation("User {UserId} signed in through the identity provider.", user.Id);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
