using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Account;

[AllowAnonymous]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, Texts texts,
    IOptions<StaffSignInOptions> options) : PageModel
{
    /// <summary>Checked against a password when there is no such account, so that the answer takes as long either way.</summary>
    private static readonly Lazy<string> NoAccountHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser { DisplayName = "" }, Guid.NewGuid().ToString()));

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool PasswordSignIn => options.Value.PasswordSignIn;
    public OpenIdConnectSettings SingleSignOn => options.Value.OpenIdConnect;

    public void OnGet(string? sso)
    {
        if (!SingleSignOn.IsConfigured) return;
        if (sso == "failed") ModelState.AddModelError("", texts.Format("Sign-in with {0} did not succeed. Try again.", ProviderName));
        if (sso == "unavailable") ModelState.AddModelError("", texts.Format("{0} cannot be reached just now. Try again in a while.", ProviderName));
    }

    /// <summary>The identity provider's name as the button gives it.</summary>
    public string ProviderName => string.IsNullOrWhiteSpace(SingleSignOn.DisplayName) ? texts["your organisation's account"] : SingleSignOn.DisplayName;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PasswordSignIn)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            ModelState.AddModelError("", texts.Format("Sign-in with a password is switched off. Sign in with {0}.", ProviderName));
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", texts["Enter your e-mail address."]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", texts["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var email = Input.Email!.Trim();
        if (!throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress, email))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", texts["Too many sign-in attempts. Wait a few minutes and try again."]);
            return Page();
        }

        // One answer for a wrong password, an unknown address and a deactivated account, in about the same time.
        var user = email.Length <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null || !user.IsActive)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser { DisplayName = "" }, NoAccountHash.Value, Input.Password!);
            ModelState.AddModelError("", texts["Wrong e-mail address or password."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", texts["Wrong e-mail address or password."]);
        return Page();
    }
}
