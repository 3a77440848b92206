using System.ComponentModel.DataAnnotations;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, Texts texts) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", texts["Enter your e-mail address."]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", texts["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? texts["Too many failed attempts. Try again in 15 minutes."]
            : texts["Wrong e-mail address or password."]);
        return Page();
    }
}
