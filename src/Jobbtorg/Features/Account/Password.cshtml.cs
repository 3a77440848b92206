using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Account;

/// <summary>The user changes their own password: the current one (or the one-time password they were given), and the new
/// one twice. The rules are Identity's password validators (<see cref="StaffPasswordValidator"/>).</summary>
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class PasswordModel(JobbtorgDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, StaffAdministration staff,
    SignInThrottle throttle, Texts texts) : PageModel
{
    public sealed class InputModel
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? RepeatPassword { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool MustChange => User.HasClaim(c => c.Type == StaffClaims.MustChangePassword);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.CurrentPassword))
            ModelState.AddModelError("Input.CurrentPassword", texts[MustChange ? "Enter the one-time password you signed in with." : "Enter your current password."]);
        if (string.IsNullOrEmpty(Input.NewPassword)) ModelState.AddModelError("Input.NewPassword", texts["Enter a new password."]);
        else if (Input.NewPassword != Input.RepeatPassword) ModelState.AddModelError("Input.RepeatPassword", texts["The two new passwords are not the same."]);
        else if (Input.NewPassword == Input.CurrentPassword) ModelState.AddModelError("Input.NewPassword", texts["Choose a password other than the current one."]);
        if (!ModelState.IsValid) return Page();

        var user = await users.GetUserAsync(User);
        if (user is null || !user.IsActive) return Forbid();
        // Guessing the current password here is slowed like signing in.
        if (!throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress, user.Email ?? user.Id))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", texts["Too many sign-in attempts. Wait a few minutes and try again."]);
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted))
        {
            var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
            if (!result.Succeeded)
            {
                if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                    ModelState.AddModelError("Input.CurrentPassword", texts["The current password is wrong."]);
                // Every rule the new password breaks, at once.
                var refusals = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).Select(e => e is PasswordRefusal refusal ? texts.Format(refusal.Message) : e.Description).ToList();
                if (refusals.Count > 0) ModelState.AddModelError("Input.NewPassword", string.Join(" ", refusals));
                return Page();
            }
            user.MustChangePassword = false;
            staff.RecordOwnPasswordChange(user);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            // Every other session of the user ends (someone who knew the old password is out); this one goes on.
            await StaffSignIn.EndOtherSessionsAsync(HttpContext, db, user.Id);
            await transaction.CommitAsync(HttpContext.RequestAborted);
        }
        // Signing in again renews this session with the new security stamp and without the one-time mark.
        HttpContext.Items[StaffSignIn.RenewalItem] = true;
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Message"] = texts["Your new password is saved."];
        return LocalRedirect("/");
    }
}
